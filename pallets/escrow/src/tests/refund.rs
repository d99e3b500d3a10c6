//! `Escrow::refund`: a vendor's partial refund returns money to the buyer only.

use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn returns_part_to_the_buyer_and_keeps_the_rest_escrowed() {
	run(|| {
		hold(1);
		let issuance = total_issuance();
		assert_ok!(Escrow::refund(1, 1));
		assert_eq!(free(BUYER), INITIAL - AMOUNT + 1);
		assert_eq!(escrow_held(BUYER), AMOUNT - 1);
		assert_eq!(free(VENDOR), INITIAL, "the vendor is paid nothing");
		assert_eq!(Escrow::escrowed(1), Some(AMOUNT - 1));
		assert_eq!(
			last_event(),
			Event::PartiallyRefunded { order: 1, currency: CMRC, amount: 1, remaining: AMOUNT - 1 }
		);
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn the_rest_is_still_released_once_with_the_fee_on_it_only() {
	run(|| {
		set_fee(10);
		hold(1);
		assert_ok!(Escrow::refund(1, 300));
		assert_eq!(Escrow::release(1), Ok(0));
		assert_eq!(free(VENDOR), INITIAL + 630);
		assert_eq!(free(FEE_ACCOUNT), INITIAL + 70);
		assert_eq!(free(BUYER), INITIAL - AMOUNT + 300);
		assert_noop!(Escrow::refund(1, 1), Error::<Test>::EscrowNotFound);
	});
}

#[test]
fn a_dispute_after_a_refund_rules_on_what_is_left() {
	run(|| {
		shipped(1);
		assert_ok!(Escrow::refund(1, 400));
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE));
		assert_noop!(Escrow::rule(RuntimeOrigin::root(), 1, 601), Error::<Test>::InvalidSplit);
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 1, 600));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(MockSettled::get(1), Some(600));
	});
}

#[test]
fn refuses_zero_all_or_more_than_escrowed() {
	run(|| {
		assert_noop!(Escrow::refund(1, 1), Error::<Test>::EscrowNotFound);
		hold(1);
		assert_noop!(Escrow::refund(1, 0), Error::<Test>::InvalidRefund);
		// All of it is a settlement, not a partial refund.
		assert_noop!(Escrow::refund(1, AMOUNT), Error::<Test>::InvalidRefund);
		assert_noop!(Escrow::refund(1, Balance::MAX), Error::<Test>::InvalidRefund);
	});
}
