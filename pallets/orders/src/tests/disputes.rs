//! The `OrderDisputes` side the escrow pallet calls.

use super::*;
use crate::Error;
use commerce_primitives::{Escrow, OrderDisputes};
use frame_support::assert_noop;

fn open(id: OrderId, who: AccountId) -> sp_runtime::DispatchResult {
	<Orders as OrderDisputes<_, _>>::open_dispute(id, &who)
}

#[test]
fn a_party_disputes_a_shipped_order() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(open(id, VENDOR));
		assert_eq!(state(id), Some(OrderState::Disputed));
		assert_eq!(last_event(), Event::OrderDisputed { order: id, by: VENDOR });
	});
}

#[test]
fn only_parties_in_the_window_and_only_shipped_or_delivered() {
	run(|| {
		let (listing, id) = shipped_order();
		assert_noop!(open(id, BUYER3), Error::<Test>::NotAParty);
		let paid = order(BUYER, listing, 1);
		assert_noop!(open(paid, BUYER), Error::<Test>::InvalidState);
		System::set_block_number(OrdersStorage::<Test>::get(id).unwrap().deadline);
		assert_noop!(open(id, BUYER), Error::<Test>::WindowClosed);
		assert_noop!(open(99, BUYER), Error::<Test>::OrderNotFound);
	});
}

#[test]
fn confirm_and_dispute_race_whoever_comes_first_wins() {
	run(|| {
		// Confirmation first: the dispute finds no order.
		let (_, first) = shipped_order();
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), first));
		assert_noop!(open(first, VENDOR), Error::<Test>::OrderNotFound);
		// Dispute first: the confirmation is refused.
		let (_, second) = shipped_order();
		assert_ok!(open(second, VENDOR));
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), second),
			Error::<Test>::InvalidState
		);
		assert_noop!(
			Orders::refund_order(RuntimeOrigin::signed(VENDOR), second, 1),
			Error::<Test>::InvalidState
		);
	});
}

#[test]
fn a_settled_dispute_closes_the_order() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(open(id, BUYER));
		// What escrow does: pay out, then tell the orders pallet.
		assert_ok!(MockEscrow::settle(id, 50));
		<Orders as OrderDisputes<_, _>>::dispute_settled(id, 50, true);
		assert_eq!(closed(id), Some((Outcome::DisputeSettled, 50, 0)));
		assert!(state(id).is_none());
	});
}

#[test]
fn a_dispute_nobody_ruled_closes_as_lapsed() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(open(id, BUYER));
		assert_ok!(MockEscrow::settle(id, 50));
		// The fallback split, not an arbiter: the outcome says so, for vendor KPIs.
		<Orders as OrderDisputes<_, _>>::dispute_settled(id, 50, false);
		assert_eq!(closed(id), Some((Outcome::DisputeLapsed, 50, 0)));
		assert!(state(id).is_none());
	});
}
