//! Escrow in a stablecoin (an asset of `pallet_assets`, held through `pallet_assets_holder`):
//! the same life as in the native token, every amount in the asset, to the unit; the asset's
//! supply never changes; the native token is never touched.

use super::*;
use crate::{Error, EscrowRecord};
use commerce_primitives::currency::NativeOrWithId;
use commerce_primitives::Escrow as _;
use frame_support::{
	assert_noop,
	traits::fungibles::{Inspect, InspectHold},
};

/// The test stablecoin's balance of `who`.
fn usd(who: AccountId) -> Balance {
	Assets::balance(USD, who)
}

/// What `who` has on hold in the stablecoin for escrow.
fn usd_held(who: AccountId) -> Balance {
	NativeAndAssets::balance_on_hold(STABLE, &RuntimeHoldReason::Escrow(HoldReason::Escrow), &who)
}

fn hold_usd(order: OrderId, buyer: AccountId, amount: Balance) -> sp_runtime::DispatchResult {
	<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(order, &buyer, &VENDOR, STABLE, amount)
}

/// The native balances of the parties, which stablecoin escrows must never change.
fn native_balances() -> Vec<Balance> {
	[BUYER, VENDOR, SUPPLIER, FEE_ACCOUNT].into_iter().map(free).collect()
}

#[test]
fn holds_the_stablecoin_and_records_its_currency() {
	run(|| {
		let native = native_balances();
		assert_ok!(hold_usd(1, BUYER, AMOUNT));
		assert_eq!(usd(BUYER), INITIAL - AMOUNT, "held funds leave the spendable balance");
		assert_eq!(usd_held(BUYER), AMOUNT);
		assert_eq!(escrow_held(BUYER), 0, "nothing held in the native token");
		assert_eq!(
			Escrows::<Test>::get(1),
			Some(EscrowRecord { buyer: BUYER, vendor: VENDOR, currency: STABLE, amount: AMOUNT })
		);
		assert_eq!(Escrow::currency_of(1), Some(STABLE));
		assert_eq!(
			last_event(),
			Event::Held {
				order: 1,
				buyer: BUYER,
				vendor: VENDOR,
				currency: STABLE,
				amount: AMOUNT
			}
		);
		assert_eq!(native_balances(), native);
	});
}

#[test]
fn the_whole_life_in_the_stablecoin_pays_every_party_in_it_to_the_unit() {
	run(|| {
		let supply = Assets::total_issuance(USD);
		let native = native_balances();
		set_fee(10);
		SupplierShare::put(300);
		// Order 1: held, partly refunded, then released with a supplier split and the fee.
		assert_ok!(hold_usd(1, BUYER, AMOUNT));
		assert_ok!(Escrow::refund(1, 100));
		assert_eq!(
			last_event(),
			Event::PartiallyRefunded { order: 1, currency: STABLE, amount: 100, remaining: 900 }
		);
		assert_ok!(Escrow::release(1));
		// 900: fee 90, net 810 of which the supplier 300 and the vendor 510.
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: STABLE,
				to_buyer: 0,
				to_vendor: 810,
				fee: 90,
				unclaimed: 0
			}
		);
		assert_eq!(usd(BUYER), INITIAL - 900);
		assert_eq!(usd(VENDOR), INITIAL + 510);
		assert_eq!(usd(SUPPLIER), 300, "the supplier's account is created by its share");
		assert_eq!(usd(FEE_ACCOUNT), 90, "the fee account is paid in the order's currency");
		assert_eq!(Reported::get(1), Some((BUYER, vec![(VENDOR, 510), (SUPPLIER, 300)])));
		// Order 2: disputed and ruled 600 to the buyer, 400 to the vendor's side.
		SupplierShare::kill();
		assert_ok!(hold_usd(2, BUYER, AMOUNT));
		MockOrderStates::insert(2, 1);
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 2, EVIDENCE));
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 2, 600));
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 2,
				currency: STABLE,
				to_buyer: 600,
				to_vendor: 360,
				fee: 40,
				unclaimed: 0
			}
		);
		assert_eq!(usd(BUYER), INITIAL - 900 - 400);
		assert_eq!(usd(VENDOR), INITIAL + 510 + 360);
		assert_eq!(usd(FEE_ACCOUNT), 90 + 40);
		assert_eq!(usd_held(BUYER), 0);
		assert_eq!(Assets::total_issuance(USD), supply, "commerce neither mints nor burns");
		assert_eq!(native_balances(), native, "the native token is not touched");
	});
}

#[test]
fn escrows_in_two_currencies_of_one_buyer_are_kept_apart() {
	run(|| {
		hold(1);
		assert_ok!(hold_usd(2, BUYER, 250));
		assert_eq!(escrow_held(BUYER), AMOUNT);
		assert_eq!(usd_held(BUYER), 250);
		// Releasing the stablecoin order pays the stablecoin, not the native escrow.
		assert_ok!(Escrow::release(2));
		assert_eq!(usd(VENDOR), INITIAL + 250);
		assert_eq!(free(VENDOR), INITIAL);
		assert_eq!(escrow_held(BUYER), AMOUNT, "the native escrow is still held");
		assert_ok!(Escrow::settle(1, AMOUNT));
		assert_eq!(free(BUYER), INITIAL);
	});
}

#[test]
fn a_buyer_with_only_the_stablecoin_can_be_escrowed_and_refunded() {
	run(|| {
		// NOBODY has no native balance at all: the sufficient asset keeps its account.
		assert_ok!(Assets::mint(RuntimeOrigin::signed(OTHER), USD, NOBODY, 500 + USD_MIN));
		assert_eq!(free(NOBODY), 0);
		// Like the native token's existential deposit, the asset's minimum balance stays free.
		assert_noop!(hold_usd(1, NOBODY, 501), Error::<Test>::InsufficientBalance);
		assert_ok!(hold_usd(1, NOBODY, 500));
		assert_eq!(usd_held(NOBODY), 500);
		assert_ok!(Escrow::settle(1, 500));
		assert_eq!(usd(NOBODY), 500 + USD_MIN);
		assert_eq!(usd_held(NOBODY), 0);
	});
}

#[test]
fn more_than_the_buyer_holds_in_the_currency_is_refused_whatever_it_holds_in_another() {
	run(|| {
		// BUYER has INITIAL native and INITIAL stablecoin: neither covers the other.
		assert_noop!(hold_usd(1, BUYER, INITIAL + 1), Error::<Test>::InsufficientBalance);
		assert_noop!(hold_usd(1, SUPPLIER, 1), Error::<Test>::InsufficientBalance);
		// An asset that does not exist is refused the same way, and holds nothing.
		assert_noop!(
			<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
				1,
				&BUYER,
				&VENDOR,
				NativeOrWithId::WithId(USD + 1),
				1
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_share_below_the_assets_minimum_balance_stays_claimable() {
	run(|| {
		set_fee(10);
		// The supplier has no stablecoin account and its share (3) is below the minimum (5);
		// the fee (1 of 10) cannot create the fee account either.
		SupplierShare::put(3);
		assert_ok!(hold_usd(1, BUYER, 10));
		assert_ok!(Escrow::release(1));
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: STABLE,
				to_buyer: 0,
				to_vendor: 6,
				fee: 0,
				unclaimed: 4
			}
		);
		assert_eq!(usd(SUPPLIER), 0);
		assert_eq!(usd(FEE_ACCOUNT), 0);
		assert_eq!(usd(VENDOR), INITIAL + 6);
		assert_eq!(usd(BUYER), INITIAL - 10);
		assert_eq!(usd_held(BUYER), 4, "3 for the supplier and 1 for the fee account");
		assert_eq!(crate::Unclaimed::<Test>::get(1, SUPPLIER).map(|p| p.amount), Some(3));
		assert_eq!(crate::Unclaimed::<Test>::get(1, FEE_ACCOUNT).map(|p| p.amount), Some(1));
		assert_eq!(Reported::get(1), Some((BUYER, vec![(VENDOR, 6), (SUPPLIER, 0)])));
	});
}

#[test]
fn a_payee_blocked_in_the_asset_never_stops_the_settlement() {
	run(|| {
		// The asset's owner blocks the vendor (e.g. a sanctioned account): it can receive
		// nothing now, so its payout stays on hold, claimable, and the order still ends.
		assert_ok!(Assets::block(RuntimeOrigin::signed(OTHER), USD, VENDOR));
		assert_ok!(hold_usd(1, BUYER, AMOUNT));
		assert_ok!(Escrow::release(1));
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: STABLE,
				to_buyer: 0,
				to_vendor: 0,
				fee: 0,
				unclaimed: AMOUNT
			}
		);
		assert_eq!(usd(BUYER), INITIAL - AMOUNT);
		assert_eq!(usd_held(BUYER), AMOUNT);
		assert_eq!(usd(VENDOR), INITIAL);
		assert!(Escrows::<Test>::get(1).is_none());
		// Blocked, the vendor cannot be paid yet; once unblocked, anyone claims it for it.
		assert_noop!(
			Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 1, VENDOR),
			Error::<Test>::CannotReceive
		);
		assert_ok!(Assets::thaw(RuntimeOrigin::signed(OTHER), USD, VENDOR));
		assert_ok!(Escrow::claim_payout(RuntimeOrigin::signed(OTHER), 1, VENDOR));
		assert_eq!(usd(VENDOR), INITIAL + AMOUNT);
		assert_eq!(usd_held(BUYER), 0);
	});
}

#[test]
fn a_frozen_buyer_is_still_paid_out_and_refunded() {
	run(|| {
		assert_ok!(hold_usd(1, BUYER, AMOUNT));
		assert_ok!(hold_usd(2, BUYER, AMOUNT));
		// Freezing the buyer's asset account stops its own transfers, not the payout of what
		// is held for its orders.
		assert_ok!(Assets::freeze(RuntimeOrigin::signed(OTHER), USD, BUYER));
		assert_ok!(Escrow::release(1));
		assert_eq!(usd(VENDOR), INITIAL + AMOUNT);
		assert_ok!(Escrow::settle(2, AMOUNT));
		assert_eq!(usd_held(BUYER), 0);
	});
}

#[test]
fn try_state_compares_each_currency_on_its_own() {
	run(|| {
		hold(1);
		assert_ok!(hold_usd(2, BUYER, AMOUNT));
		assert_ok!(Escrow::do_try_state());
		// Record the stablecoin escrow as a native one: the native hold no longer matches.
		Escrows::<Test>::mutate(2, |escrow| escrow.as_mut().unwrap().currency = CMRC);
		assert!(Escrow::do_try_state().is_err());
		Escrows::<Test>::mutate(2, |escrow| escrow.as_mut().unwrap().currency = STABLE);
		assert_ok!(Escrow::do_try_state());
	});
}
