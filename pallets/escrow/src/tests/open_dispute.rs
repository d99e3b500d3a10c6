use super::*;
use crate::{Error, RulingDeadlines};
use frame_support::assert_noop;

#[test]
fn a_party_opens_a_dispute_with_evidence() {
	run(|| {
		shipped(1);
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(VENDOR), 1, EVIDENCE));
		let dispute = Disputes::<Test>::get(1).unwrap();
		assert_eq!(dispute.opened_by, VENDOR);
		assert_eq!((dispute.buyer_evidence, dispute.vendor_evidence), (None, Some(EVIDENCE)));
		assert_eq!(dispute.rule_by, 1 + RULING_WINDOW);
		assert!(RulingDeadlines::<Test>::get(1 + RULING_WINDOW).contains(&1));
		assert_eq!(MockOrderStates::get(1), Some(2), "the order is marked disputed");
		assert_eq!(
			last_event(),
			Event::DisputeOpened {
				order: 1,
				by: VENDOR,
				evidence: EVIDENCE,
				rule_by: 1 + RULING_WINDOW
			}
		);
	});
}

#[test]
fn only_parties_once_and_only_when_the_order_allows() {
	run(|| {
		assert_noop!(
			Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE),
			Error::<Test>::EscrowNotFound
		);
		hold(1);
		// The orders side refuses (e.g. not shipped yet, or the window closed).
		assert_noop!(
			Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE),
			sp_runtime::DispatchError::Other("not disputable")
		);
		MockOrderStates::insert(1, 1);
		assert_noop!(
			Escrow::open_dispute(RuntimeOrigin::signed(OTHER), 1, EVIDENCE),
			Error::<Test>::NotAParty
		);
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE));
		assert_noop!(
			Escrow::open_dispute(RuntimeOrigin::signed(VENDOR), 1, EVIDENCE),
			Error::<Test>::AlreadyDisputed
		);
	});
}
