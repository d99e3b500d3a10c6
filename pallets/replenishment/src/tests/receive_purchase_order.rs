use super::*;

#[test]
fn each_receipt_pays_the_supplier_and_restocks_and_the_last_completes() {
	run(|| {
		let (vendor, supplier) = (free(VENDOR, CMRC), free(SUPPLIER, CMRC));
		let issued = issuance(CMRC);
		let id = accepted(10);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 10, Some(5)));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 4));
		assert_eq!(MockListings::stock(LISTING), STOCK + 4);
		assert_eq!(free(SUPPLIER, CMRC), supplier + 4 * PRICE);
		assert_eq!(po(id).held, 6 * PRICE);
		assert_eq!(po(id).paid, 4 * PRICE);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderReceived {
				purchase_order: id,
				listing: LISTING,
				quantity: 4,
				paid: 4 * PRICE,
				restocked: true,
				batch: Some(5),
				deemed: false
			}
		);
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 6));
		assert_eq!(MockListings::stock(LISTING), STOCK + 10);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(SUPPLIER, CMRC), supplier + 10 * PRICE);
		assert_eq!(free(VENDOR, CMRC), vendor - 10 * PRICE);
		assert_eq!(issuance(CMRC), issued);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderClosed {
				purchase_order: id,
				outcome: PoOutcome::Completed,
				paid: 10 * PRICE,
				returned: 0
			}
		);
		let record = Suppliers::<Test>::get(SUPPLIER);
		assert_eq!((record.closed, record.in_full_on_time), (1, 1));
		assert_eq!((record.units_ordered, record.units_shipped), (10, 10));
	});
}

#[test]
fn only_shipped_units_are_received_by_the_vendor() {
	run(|| {
		let id = accepted(10);
		assert_noop!(
			Replenishment::receive_purchase_order(origin(VENDOR), id, 1),
			Error::<Test>::TooMany
		);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 3, None));
		assert_noop!(
			Replenishment::receive_purchase_order(origin(SUPPLIER), id, 1),
			Error::<Test>::NotTheVendor
		);
		assert_noop!(
			Replenishment::receive_purchase_order(origin(VENDOR), id, 4),
			Error::<Test>::TooMany
		);
		assert_noop!(
			Replenishment::receive_purchase_order(origin(VENDOR), id, 0),
			Error::<Test>::Zero
		);
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 3));
		// Nothing awaits receipt: the receive-by is gone and the ship-by is the deadline.
		assert_eq!(po(id).state, PoState::Accepted { ship_by: 1 + SHIP_WINDOW, receive_by: None });
		assert_eq!(po(id).deadline, 1 + SHIP_WINDOW);
	});
}

#[test]
fn a_stablecoin_receipt_pays_in_the_stablecoin() {
	run(|| {
		let supplier = free(SUPPLIER, STABLE);
		let id = raise_in(STABLE, 10, 5);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), id));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 10, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 10));
		assert_eq!(free(SUPPLIER, STABLE), supplier + 50);
		assert_eq!(held(VENDOR, STABLE), 0);
	});
}

#[test]
fn a_receipt_for_a_removed_listing_pays_but_restocks_nothing() {
	run(|| {
		let id = accepted(10);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 10, None));
		ListingStore::remove(LISTING);
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 10));
		assert!(events().iter().any(|e| matches!(
			e,
			Event::PurchaseOrderReceived { restocked: false, quantity: 10, .. }
		)));
	});
}

#[test]
fn a_supplier_that_cannot_receive_the_payment_fails_the_receipt_cleanly() {
	run(|| {
		// The supplier holds no cUSD and 4 units are below the asset's minimum of 5.
		let id = raise_in(STABLE, 50, 1);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), id));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 50, None));
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(STABLE, &SUPPLIER, 0);
		assert_noop!(
			Replenishment::receive_purchase_order(origin(VENDOR), id, 4),
			Error::<Test>::SupplierCannotReceive
		);
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), id, 5));
	});
}
