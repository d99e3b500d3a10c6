use super::*;
use crate::Error;
use commerce_primitives::Escrow as _;
use frame_support::{assert_noop, traits::fungible::Mutate};

#[test]
fn a_full_refund_returns_everything_and_pays_no_fee() {
	run(|| {
		set_fee(10);
		hold(1);
		assert_ok!(Escrow::settle(1, AMOUNT));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(free(VENDOR), INITIAL);
		assert_eq!(free(FEE_ACCOUNT), INITIAL);
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: AMOUNT,
				to_vendor: 0,
				fee: 0,
				unclaimed: 0
			}
		);
	});
}

#[test]
fn a_partial_refund_charges_the_fee_on_the_vendors_part_only() {
	run(|| {
		set_fee(10);
		hold(1);
		assert_ok!(Escrow::settle(1, 400));
		assert_eq!(free(BUYER), INITIAL - AMOUNT + 400);
		assert_eq!(free(VENDOR), INITIAL + 540);
		assert_eq!(free(FEE_ACCOUNT), INITIAL + 60);
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: 400,
				to_vendor: 540,
				fee: 60,
				unclaimed: 0
			}
		);
	});
}

#[test]
fn a_buyer_share_above_the_escrow_is_refused() {
	run(|| {
		hold(1);
		assert_noop!(Escrow::settle(1, AMOUNT + 1), Error::<Test>::InvalidSplit);
		assert_noop!(Escrow::settle(1, Balance::MAX), Error::<Test>::InvalidSplit);
	});
}

#[test]
fn the_payout_splitter_decides_who_is_paid() {
	run(|| {
		SupplierShare::put(300);
		Balances::set_balance(&SUPPLIER, 100);
		hold(1);
		assert_ok!(Escrow::release(1));
		assert_eq!(free(VENDOR), INITIAL + 700);
		assert_eq!(free(SUPPLIER), 100 + 300);
		assert_eq!(Reported::get(1), Some((BUYER, vec![(VENDOR, 700), (SUPPLIER, 300)])));
	});
}

#[test]
fn a_split_that_does_not_add_up_pays_the_vendor_everything() {
	run(|| {
		SupplierShare::put(BROKEN);
		hold(1);
		assert_ok!(Escrow::release(1));
		assert_eq!(free(VENDOR), INITIAL + AMOUNT);
		assert_eq!(free(SUPPLIER), 0);
	});
}

#[test]
fn a_share_that_cannot_be_deposited_stays_claimable_for_its_payee() {
	run(|| {
		// SUPPLIER has no account and 5 is below the existential deposit of 10.
		SupplierShare::put(5);
		hold(1);
		// Nothing goes back to the buyer: the share is the supplier's.
		assert_eq!(Escrow::release(1), Ok(0));
		assert_eq!(free(SUPPLIER), 0);
		assert_eq!(free(VENDOR), INITIAL + AMOUNT - 5);
		// The splitter hears that the share did not arrive now.
		assert_eq!(Reported::get(1), Some((BUYER, vec![(VENDOR, AMOUNT - 5), (SUPPLIER, 0)])));
		assert_eq!(free(BUYER), INITIAL - AMOUNT);
		assert_eq!(escrow_held(BUYER), 5, "kept on hold for the supplier");
		let expires = System::block_number() + CLAIM_WINDOW;
		assert_eq!(
			crate::Unclaimed::<Test>::get(1, SUPPLIER),
			Some(crate::UnclaimedPayout { buyer: BUYER, currency: CMRC, amount: 5, expires })
		);
		let events = events();
		assert!(events.contains(&Event::PayoutUnclaimed {
			order: 1,
			payee: SUPPLIER,
			currency: CMRC,
			amount: 5,
			expires
		}));
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: 0,
				to_vendor: AMOUNT - 5,
				fee: 0,
				unclaimed: 5
			}
		);
	});
}

#[test]
fn a_fee_the_fee_account_cannot_take_stays_claimable_for_it() {
	run(|| {
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(FEE_ACCOUNT),
			OTHER,
			INITIAL
		));
		set_fee(1);
		hold(1);
		let issuance = total_issuance();
		assert_ok!(Escrow::release(1));
		// 1% of 1000 is 10... the account is gone; 10 reaches the existential deposit, so it
		// is recreated.
		assert_eq!(free(FEE_ACCOUNT), 10);
		// A fee of 5 (below the existential deposit) cannot recreate it.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(FEE_ACCOUNT), OTHER, 10));
		assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
			2, &BUYER, &VENDOR, CMRC, 500
		));
		let buyer_before = free(BUYER);
		assert_eq!(Escrow::release(2), Ok(0));
		assert_eq!(free(FEE_ACCOUNT), 0);
		assert_eq!(free(BUYER), buyer_before);
		assert_eq!(escrow_held(BUYER), 5);
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 2,
				currency: CMRC,
				to_buyer: 0,
				to_vendor: 495,
				fee: 0,
				unclaimed: 5
			}
		);
		assert_eq!(crate::Unclaimed::<Test>::get(2, FEE_ACCOUNT).map(|p| p.amount), Some(5));
		assert_eq!(total_issuance(), issuance);
	});
}

/// A payout must not depend on the buyer's other locks: with the whole balance locked, a
/// `Polite` transfer of the held funds fails (`Frozen`), a forced one goes through.
#[test]
fn a_lock_on_the_buyers_account_does_not_stop_the_payout() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	run(|| {
		hold(1);
		hold_other(2);
		<Balances as LockableCurrency<AccountId>>::set_lock(
			*b"testlock",
			&BUYER,
			INITIAL,
			WithdrawReasons::all(),
		);
		assert_eq!(Escrow::release(1), Ok(0));
		assert_eq!(free(VENDOR), INITIAL + AMOUNT);
		assert_eq!(Escrow::settle(2, 100), Ok(100));
		assert_eq!(free(VENDOR), INITIAL + AMOUNT + AMOUNT - 100);
	});
}

fn hold_other(order: OrderId) {
	assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
		order, &BUYER, &VENDOR, CMRC, AMOUNT
	));
}
