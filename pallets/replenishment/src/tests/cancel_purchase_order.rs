use super::*;

#[test]
fn the_vendor_withdraws_a_request_and_gets_everything_back() {
	run(|| {
		let before = free(VENDOR, CMRC);
		let id = raise(10);
		assert_noop!(
			Replenishment::cancel_purchase_order(origin(SUPPLIER), id),
			Error::<Test>::NotTheVendor
		);
		assert_ok!(Replenishment::cancel_purchase_order(origin(VENDOR), id));
		assert_eq!(free(VENDOR, CMRC), before);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert!(crate::Deadlines::<Test>::iter().next().is_none());
		assert!(crate::PartyOrders::<Test>::iter().next().is_none());
		assert_eq!(
			last_event(),
			Event::PurchaseOrderClosed {
				purchase_order: id,
				outcome: PoOutcome::Cancelled,
				paid: 0,
				returned: 10 * PRICE
			}
		);
	});
}

#[test]
fn an_accepted_purchase_order_cannot_be_withdrawn() {
	run(|| {
		let id = accepted(10);
		assert_noop!(
			Replenishment::cancel_purchase_order(origin(VENDOR), id),
			Error::<Test>::InvalidState
		);
		assert_noop!(
			Replenishment::cancel_purchase_order(origin(VENDOR), id + 1),
			Error::<Test>::PurchaseOrderNotFound
		);
	});
}
