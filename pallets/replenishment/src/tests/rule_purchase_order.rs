use super::*;

fn disputed_with_shipment() -> PurchaseOrderId {
	let id = accepted(10);
	assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 6, None));
	assert_ok!(Replenishment::dispute_purchase_order(origin(VENDOR), id));
	id
}

#[test]
fn the_panel_splits_what_is_held_and_restocks_what_arrived() {
	run(|| {
		let (vendor, supplier) = (free(VENDOR, CMRC), free(SUPPLIER, CMRC));
		let id = disputed_with_shipment();
		assert_ok!(Replenishment::rule_purchase_order(origin(ARBITER), id, 40, 4));
		assert_eq!(free(SUPPLIER, CMRC), supplier + 40);
		assert_eq!(free(VENDOR, CMRC), vendor - 40);
		assert_eq!(MockListings::stock(LISTING), STOCK + 4);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderClosed {
				purchase_order: id,
				outcome: PoOutcome::Ruled,
				paid: 40,
				returned: 60
			}
		);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).closed, 1);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).in_full_on_time, 0);
	});
}

#[test]
fn the_council_rules_too_and_a_party_arbiter_may_not() {
	run(|| {
		let id = disputed_with_shipment();
		// VENDOR is an arbiter of the mock panel, but a party here.
		assert_noop!(
			Replenishment::rule_purchase_order(origin(VENDOR), id, 0, 0),
			Error::<Test>::ArbiterIsParty
		);
		assert_noop!(
			Replenishment::rule_purchase_order(origin(OTHER), id, 0, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Replenishment::rule_purchase_order(RuntimeOrigin::root(), id, 0, 0));
	});
}

#[test]
fn a_ruling_cannot_pay_more_than_held_or_restock_more_than_shipped() {
	run(|| {
		let id = disputed_with_shipment();
		assert_noop!(
			Replenishment::rule_purchase_order(origin(ARBITER), id, 10 * PRICE + 1, 0),
			Error::<Test>::InvalidRuling
		);
		assert_noop!(
			Replenishment::rule_purchase_order(origin(ARBITER), id, 0, 7),
			Error::<Test>::InvalidRuling
		);
		let open = accepted(10);
		assert_noop!(
			Replenishment::rule_purchase_order(origin(ARBITER), open, 0, 0),
			Error::<Test>::InvalidState
		);
	});
}

#[test]
fn without_a_ruling_the_fallback_splits_what_is_held() {
	run(|| {
		let supplier = free(SUPPLIER, CMRC);
		let id = disputed_with_shipment();
		run_to(1 + RULING_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		// Half of the 60 the 6 shipped units are worth; the 4 never shipped go back.
		assert_eq!(free(SUPPLIER, CMRC), supplier + 30);
		assert_eq!(MockListings::stock(LISTING), STOCK);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::PurchaseOrderClosed {
				outcome: PoOutcome::DisputeLapsed,
				paid: 30,
				returned: 70,
				..
			}
		)));
	});
}
