use super::*;

#[test]
fn a_request_nobody_accepts_expires_and_returns_everything() {
	run(|| {
		let before = free(VENDOR, CMRC);
		let id = raise(10);
		run_to(ACCEPT_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_some());
		run_to(1 + ACCEPT_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(VENDOR, CMRC), before);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).expired, 0);
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderClosed { outcome: PoOutcome::Expired, .. }
		));
	});
}

#[test]
fn a_supplier_that_accepts_and_never_ships_gets_nothing_and_the_vendor_everything_back() {
	run(|| {
		let (vendor, supplier) = (free(VENDOR, CMRC), free(SUPPLIER, CMRC));
		let id = accepted(10);
		run_to(1 + SHIP_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(VENDOR, CMRC), vendor);
		assert_eq!(free(SUPPLIER, CMRC), supplier);
		assert!(events().contains(&Event::PurchaseOrderShortened {
			purchase_order: id,
			quantity: 0,
			returned: 10 * PRICE
		}));
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderClosed { outcome: PoOutcome::ShortShipped, paid: 0, .. }
		));
		let record = Suppliers::<Test>::get(SUPPLIER);
		assert_eq!((record.closed, record.in_full_on_time), (1, 0));
		assert_eq!((record.units_ordered, record.units_shipped), (10, 0));
	});
}

#[test]
fn a_partial_shipment_is_paid_and_the_rest_returned_at_the_ship_by() {
	run(|| {
		let (vendor, supplier) = (free(VENDOR, CMRC), free(SUPPLIER, CMRC));
		let id = accepted(10);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 4, None));
		run_to(1 + SHIP_WINDOW);
		// 6 units dropped; 4 still await receipt.
		assert_eq!((po(id).quantity, po(id).held), (4, 4 * PRICE));
		assert_eq!(po(id).deadline, 1 + RECEIVE_WINDOW);
		assert_eq!(free(VENDOR, CMRC), vendor - 4 * PRICE - DEPOSIT);
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 4));
		assert_eq!(free(SUPPLIER, CMRC), supplier + 4 * PRICE);
		assert_eq!(MockListings::stock(LISTING), STOCK + 4);
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderClosed { outcome: PoOutcome::ShortShipped, .. }
		));
		let record = Suppliers::<Test>::get(SUPPLIER);
		assert_eq!((record.units_ordered, record.units_shipped), (10, 4));
		assert_eq!(record.performance().fill_rate, Some(sp_runtime::Permill::from_percent(40)));
	});
}

#[test]
fn a_vendor_that_never_confirms_receipt_pays_anyway_at_the_receive_by() {
	run(|| {
		let supplier = free(SUPPLIER, CMRC);
		let id = accepted(10);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 10, Some(3)));
		run_to(RECEIVE_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_some());
		run_to(1 + RECEIVE_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(SUPPLIER, CMRC), supplier + 10 * PRICE);
		assert_eq!(MockListings::stock(LISTING), STOCK + 10);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::PurchaseOrderReceived { deemed: true, quantity: 10, batch: Some(3), .. }
		)));
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderClosed { outcome: PoOutcome::Completed, .. }
		));
	});
}

#[test]
fn a_deemed_receipt_the_supplier_cannot_take_goes_to_the_panel() {
	run(|| {
		let id = raise_in(STABLE, 50, 1);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), id));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 4, None));
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(STABLE, &SUPPLIER, 0);
		run_to(1 + RECEIVE_WINDOW);
		let rule_by = 1 + RECEIVE_WINDOW + RULING_WINDOW;
		assert_eq!(po(id).state, PoState::Disputed { rule_by });
		assert!(events().contains(&Event::PurchaseOrderDisputed {
			purchase_order: id,
			by: None,
			rule_by
		}));
		// The 46 units never shipped went back at the ship-by; the fallback cannot pay the
		// supplier its half of the 4 shipped either: the vendor gets every unit back.
		assert_eq!(po(id).held, 4);
		run_to(rule_by);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(VENDOR, STABLE), INITIAL);
	});
}

#[test]
fn anyone_applies_an_overdue_timeout_and_not_before() {
	run(|| {
		let before = free(VENDOR, CMRC);
		let id = raise(10);
		assert_noop!(Replenishment::process_overdue(origin(OTHER), id), Error::<Test>::NotOverdue);
		// Full blocks: no `on_idle`.
		System::set_block_number(1 + ACCEPT_WINDOW);
		assert_ok!(Replenishment::process_overdue(origin(OTHER), id));
		assert_eq!(free(VENDOR, CMRC), before);
		assert_noop!(
			Replenishment::process_overdue(origin(OTHER), id),
			Error::<Test>::PurchaseOrderNotFound
		);
	});
}

#[test]
fn on_idle_times_out_every_due_purchase_order_and_charges_each() {
	run(|| {
		for _ in 0..3 {
			raise(10);
		}
		System::set_block_number(1 + ACCEPT_WINDOW);
		let used = Replenishment::on_idle(1 + ACCEPT_WINDOW, Weight::MAX);
		let (per_block, per_item) = Replenishment::deadline_costs();
		assert_eq!(used, per_block + per_item * 3);
		assert_eq!(PurchaseOrders::<Test>::iter().count(), 0);
	});
}
