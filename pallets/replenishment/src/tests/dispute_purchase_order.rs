use super::*;

#[test]
fn either_party_disputes_an_accepted_purchase_order() {
	run(|| {
		let id = accepted(10);
		assert_noop!(
			Replenishment::dispute_purchase_order(origin(OTHER), id),
			Error::<Test>::NotAParty
		);
		assert_ok!(Replenishment::dispute_purchase_order(origin(VENDOR), id));
		let rule_by = 1 + RULING_WINDOW;
		assert_eq!(po(id).state, PoState::Disputed { rule_by });
		assert_eq!(po(id).deadline, rule_by);
		assert!(crate::Deadlines::<Test>::contains_key(rule_by, id));
		assert!(!crate::Deadlines::<Test>::contains_key(1 + SHIP_WINDOW, id));
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).disputed, 1);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderDisputed { purchase_order: id, by: Some(VENDOR), rule_by }
		);
		// A disputed purchase order takes no shipment, receipt or second dispute.
		assert_noop!(
			Replenishment::dispute_purchase_order(origin(SUPPLIER), id),
			Error::<Test>::InvalidState
		);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 1, None),
			Error::<Test>::InvalidState
		);

		let other = accepted(10);
		assert_ok!(Replenishment::dispute_purchase_order(origin(SUPPLIER), other));
	});
}

#[test]
fn a_request_cannot_be_disputed() {
	run(|| {
		let id = raise(10);
		assert_noop!(
			Replenishment::dispute_purchase_order(origin(VENDOR), id),
			Error::<Test>::InvalidState
		);
	});
}
