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
		assert!(RulingDeadlines::<Test>::contains_key(1 + RULING_WINDOW, 1));
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

/// The old ruling queue held a fixed number of disputes per block (plus spills): an attacker
/// opening disputes on its own orders could make a buyer's `open_dispute` fail until the order
/// auto-completed for the vendor. Now other disputes cost this one nothing.
#[test]
fn no_number_of_other_disputes_stops_a_party_from_disputing() {
	run(|| {
		for order in 100..700 {
			disputed(order);
		}
		assert_eq!(RulingDeadlines::<Test>::iter_key_prefix(1 + RULING_WINDOW).count(), 600);
		shipped(1);
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE));
		assert!(RulingDeadlines::<Test>::contains_key(1 + RULING_WINDOW, 1));
	});
}

#[test]
fn a_ruling_removes_the_ruling_deadline() {
	run(|| {
		disputed(1);
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 1, 10));
		assert_eq!(RulingDeadlines::<Test>::iter().count(), 0);
	});
}
