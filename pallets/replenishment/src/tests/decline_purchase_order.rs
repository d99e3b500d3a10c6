use super::*;

#[test]
fn the_supplier_declines_and_the_vendor_gets_everything_back() {
	run(|| {
		let before = free(VENDOR, CMRC);
		let id = raise(10);
		assert_noop!(
			Replenishment::decline_purchase_order(origin(VENDOR), id),
			Error::<Test>::NotTheSupplier
		);
		assert_ok!(Replenishment::decline_purchase_order(origin(SUPPLIER), id));
		assert_eq!(free(VENDOR, CMRC), before);
		// A purchase order the supplier never asked for does not count against it.
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).declined, 0);
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderClosed { outcome: PoOutcome::Declined, .. }
		));
	});
}

#[test]
fn an_accepted_purchase_order_cannot_be_declined() {
	run(|| {
		let id = accepted(10);
		assert_noop!(
			Replenishment::decline_purchase_order(origin(SUPPLIER), id),
			Error::<Test>::InvalidState
		);
	});
}
