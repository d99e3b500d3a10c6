//! `forfeit_payout`: a payout nobody claimed in its window ends: at the fee account, or back
//! with the buyer when the fee account cannot take it or is the payee.

use super::*;
use crate::{Error, Unclaimed};
use frame_support::{assert_noop, assert_ok};

fn unclaimed_supplier_share() -> u64 {
	SupplierShare::put(5);
	hold(1);
	assert_ok!(Escrow::release(1));
	Unclaimed::<Test>::get(1, SUPPLIER).expect("unclaimed").expires
}

#[test]
fn not_before_the_claim_window_ends() {
	run(|| {
		let expires = unclaimed_supplier_share();
		System::set_block_number(expires - 1);
		assert_noop!(
			Escrow::forfeit_payout(RuntimeOrigin::signed(OTHER), 1, SUPPLIER),
			Error::<Test>::ClaimWindowOpen
		);
	});
}

#[test]
fn an_expired_payout_goes_to_the_fee_account() {
	run(|| {
		let expires = unclaimed_supplier_share();
		System::set_block_number(expires);
		let (fee_before, issuance) = (free(FEE_ACCOUNT), total_issuance());
		assert_ok!(Escrow::forfeit_payout(RuntimeOrigin::signed(OTHER), 1, SUPPLIER));
		assert_eq!(free(FEE_ACCOUNT), fee_before + 5);
		assert_eq!(escrow_held(BUYER), 0);
		assert_eq!(
			last_event(),
			Event::PayoutForfeited {
				order: 1,
				payee: SUPPLIER,
				to: FEE_ACCOUNT,
				currency: CMRC,
				amount: 5
			}
		);
		assert!(Unclaimed::<Test>::get(1, SUPPLIER).is_none());
		assert_eq!(total_issuance(), issuance);
		// Ended: neither a claim nor a second forfeit finds it.
		assert_noop!(
			Escrow::forfeit_payout(RuntimeOrigin::signed(OTHER), 1, SUPPLIER),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn the_fee_accounts_own_expired_fee_returns_to_the_buyer() {
	run(|| {
		// The fee account is emptied, so a 1% fee of 5 cannot be paid to it.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(FEE_ACCOUNT),
			OTHER,
			INITIAL
		));
		set_fee(1);
		assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
			1, &BUYER, &VENDOR, CMRC, 500
		));
		assert_ok!(Escrow::release(1));
		let payout = Unclaimed::<Test>::get(1, FEE_ACCOUNT).expect("the fee is unclaimed");
		System::set_block_number(payout.expires);
		let buyer_before = free(BUYER);
		assert_ok!(Escrow::forfeit_payout(RuntimeOrigin::signed(OTHER), 1, FEE_ACCOUNT));
		assert_eq!(free(BUYER), buyer_before + 5);
		assert_eq!(escrow_held(BUYER), 0);
		assert!(matches!(last_event(), Event::PayoutForfeited { to: BUYER, amount: 5, .. }));
	});
}

/// Claimed before anyone forfeits it: the payee keeps it even after the window.
#[test]
fn a_claim_after_the_window_still_pays_the_payee() {
	run(|| {
		let expires = unclaimed_supplier_share();
		System::set_block_number(expires + 5);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OTHER), SUPPLIER, 10));
		assert_ok!(Escrow::claim_payout(RuntimeOrigin::signed(SUPPLIER), 1, SUPPLIER));
		assert_eq!(free(SUPPLIER), 15);
	});
}
