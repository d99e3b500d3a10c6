//! `claim_payout`: a payout that could not be deposited at settlement is paid to its payee
//! once the payee can receive it, by anyone's call, exactly once.

use super::*;
use crate::{Error, Unclaimed};
use frame_support::{assert_noop, assert_ok};

/// A release of order 1 whose supplier share (5, below the existential deposit of 10, to an
/// account that does not exist) stays unclaimed.
fn unclaimed_supplier_share() {
	SupplierShare::put(5);
	hold(1);
	assert_ok!(Escrow::release(1));
	assert_eq!(Unclaimed::<Test>::get(1, SUPPLIER).map(|p| p.amount), Some(5));
}

#[test]
fn anyone_pays_the_payee_once_it_can_receive() {
	run(|| {
		unclaimed_supplier_share();
		// Still below the existential deposit: refused, nothing changes.
		assert_noop!(
			Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 1, SUPPLIER),
			Error::<Test>::CannotReceive
		);
		// The supplier gets an account; now anyone may pay it its share.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OTHER), SUPPLIER, 10));
		let issuance = total_issuance();
		assert_ok!(Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 1, SUPPLIER));
		assert_eq!(free(SUPPLIER), 15);
		assert_eq!(escrow_held(BUYER), 0);
		assert_eq!(free(BUYER), INITIAL - AMOUNT);
		assert_eq!(
			last_event(),
			Event::PayoutClaimed { order: 1, payee: SUPPLIER, currency: CMRC, amount: 5 }
		);
		assert!(Unclaimed::<Test>::get(1, SUPPLIER).is_none());
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn a_payout_is_claimed_only_once() {
	run(|| {
		unclaimed_supplier_share();
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OTHER), SUPPLIER, 10));
		assert_ok!(Escrow::claim_payout(RuntimeOrigin::signed(SUPPLIER), 1, SUPPLIER));
		assert_noop!(
			Escrow::claim_payout(RuntimeOrigin::signed(SUPPLIER), 1, SUPPLIER),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn nothing_is_claimable_for_another_payee_or_order() {
	run(|| {
		unclaimed_supplier_share();
		assert_noop!(
			Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 1, VENDOR),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 2, SUPPLIER),
			Error::<Test>::NothingToClaim
		);
	});
}

/// An attacker batching a claim right after the settlement gains nothing: the money can only
/// go to the payee.
#[test]
fn a_claim_by_a_stranger_pays_only_the_payee() {
	run(|| {
		unclaimed_supplier_share();
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OTHER), SUPPLIER, 10));
		let stranger_before = free(NOBODY);
		assert_ok!(Escrow::claim_payout(RuntimeOrigin::signed(NOBODY), 1, SUPPLIER));
		assert_eq!(free(NOBODY), stranger_before);
		assert_eq!(free(SUPPLIER), 15);
	});
}
