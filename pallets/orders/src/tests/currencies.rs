//! Listings priced in a currency: only accepted currencies, fixed for the listing, named by the
//! buyer, passed to escrow and kept by the order and its replacement listing.

use super::*;
use crate::{Error, Listings, Orders as OrdersMap};
use commerce_primitives::ListingProvider;
use frame_support::assert_noop;

fn list_in(currency: Currency) -> ListingId {
	assert_ok!(Orders::create_listing(
		RuntimeOrigin::signed(VENDOR),
		currency,
		PRICE,
		STOCK,
		metadata(),
		SHIP_WINDOW,
		CONFIRM_WINDOW
	));
	crate::NextListingId::<Test>::get() - 1
}

#[test]
fn a_listing_in_an_accepted_currency_records_it() {
	run(|| {
		let listing = list_in(STABLE);
		assert_eq!(Listings::<Test>::get(listing).unwrap().currency, STABLE);
		assert!(matches!(
			last_event(),
			Event::ListingCreated { currency: STABLE, unit_price: PRICE, .. }
		));
	});
}

#[test]
fn a_currency_the_consortium_does_not_accept_is_refused() {
	run(|| {
		assert_noop!(
			Orders::create_listing(
				RuntimeOrigin::signed(VENDOR),
				STABLE + 1,
				PRICE,
				STOCK,
				metadata(),
				SHIP_WINDOW,
				CONFIRM_WINDOW
			),
			Error::<Test>::CurrencyNotAccepted
		);
	});
}

#[test]
fn the_buyer_names_the_listings_currency_or_the_order_is_refused() {
	run(|| {
		let listing = list_in(STABLE);
		// A price ceiling meant in the native token is never read as the stablecoin's.
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE, CMRC),
			Error::<Test>::WrongCurrency
		);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 2, PRICE, STABLE));
		let id = crate::NextOrderId::<Test>::get() - 1;
		assert_eq!(OrdersMap::<Test>::get(id).unwrap().currency, STABLE);
		assert_eq!(MockEscrowCurrency::get(id), Some(STABLE), "escrow holds the order's currency");
		assert!(matches!(
			last_event(),
			Event::OrderPlaced { currency: STABLE, total, .. } if total == 2 * PRICE
		));
	});
}

#[test]
fn updating_a_listing_never_changes_its_currency() {
	run(|| {
		let listing = list_in(STABLE);
		assert_ok!(Orders::update_listing(
			RuntimeOrigin::signed(VENDOR),
			listing,
			Some(PRICE + 1),
			Some(3)
		));
		assert_eq!(Listings::<Test>::get(listing).unwrap().currency, STABLE);
	});
}

#[test]
fn a_replacement_listing_keeps_the_replaced_listings_currency() {
	run(|| {
		let listing = list_in(STABLE);
		let replacement = frame_support::storage::with_storage_layer(|| {
			<Orders as ListingProvider<_, _, _>>::list_like(
				listing,
				&VENDOR,
				PRICE - 1,
				5,
				SHIP_WINDOW,
			)
		})
		.expect("the vendor may list");
		assert_eq!(Listings::<Test>::get(replacement).unwrap().currency, STABLE);
	});
}

#[test]
fn an_orders_value_is_fixed_in_the_native_token_when_it_is_placed() {
	run(|| {
		let listing = list_in(STABLE);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 2, PRICE, STABLE));
		let id = crate::NextOrderId::<Test>::get() - 1;
		let order = OrdersMap::<Test>::get(id).unwrap();
		assert_eq!(order.total, 2 * PRICE);
		assert_eq!(order.value, 2 * PRICE * STABLE_RATE);
		// The observers (profit sharing) hear the amount and its value.
		assert_eq!(
			ObservedPlaced::get().last(),
			Some(&(VENDOR, id, listing, 2, 2 * PRICE, 2 * PRICE * STABLE_RATE))
		);
	});
}

#[test]
fn the_observers_hear_native_values_at_the_placement_rate() {
	run(|| {
		let listing = list_in(STABLE);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 3, PRICE, STABLE));
		let id = crate::NextOrderId::<Test>::get() - 1;
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, [1; 32]));
		// The rate is withdrawn after placement: the order keeps its own.
		StableUnrated::put(true);
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 7));
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 3 * PRICE - 7));
		let (order, _, _, _, total, partially, at_close, shipped) =
			*ObservedClosed::get().last().expect("a report");
		assert_eq!(order, id);
		assert!(shipped);
		assert_eq!(total, 3 * PRICE * STABLE_RATE);
		assert_eq!(partially, 7 * STABLE_RATE);
		assert_eq!(at_close, (3 * PRICE - 7) * STABLE_RATE);
	});
}

#[test]
fn a_currency_whose_rate_was_withdrawn_takes_no_new_orders() {
	run(|| {
		let listing = list_in(STABLE);
		StableUnrated::put(true);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE, STABLE),
			Error::<Test>::CurrencyNotAccepted
		);
	});
}

#[test]
fn a_shipped_order_outlives_its_delisted_listing_in_its_currency() {
	run(|| {
		let listing = list_in(STABLE);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE, STABLE));
		let id = crate::NextOrderId::<Test>::get() - 1;
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, [1; 32]));
		assert_ok!(Orders::delist(RuntimeOrigin::signed(VENDOR), listing));
		assert!(Listings::<Test>::get(listing).is_none());
		// `run` checks the invariants now: the order keeps its own currency.
		assert_eq!(OrdersMap::<Test>::get(id).unwrap().currency, STABLE);
	});
}

/// The buyer's [`STABLE`] held for its order deposit.
fn stable_on_hold(who: AccountId) -> Balance {
	use frame_support::traits::fungibles::InspectHold;
	NativeAndAssets::total_balance_on_hold(STABLE, &who)
}

#[test]
fn an_order_in_a_stablecoin_holds_its_deposit_in_the_stablecoin() {
	run(|| {
		let listing = list_in(STABLE);
		let native_before = free(BUYER);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE, STABLE));
		let id = crate::NextOrderId::<Test>::get() - 1;
		// 5 native units at 3 a unit: 2 units (rounded up), and nothing in the native token
		// but the mock escrow's payment.
		assert_eq!(OrdersMap::<Test>::get(id).unwrap().deposit, STABLE_ORDER_DEPOSIT);
		assert_eq!(stable_on_hold(BUYER), STABLE_ORDER_DEPOSIT);
		assert_eq!(on_hold(BUYER), 0, "no native deposit");
		assert_eq!(free(BUYER), native_before - PRICE, "only the (mock) payment left");
		// `run` checks the deposits against the holds per currency; closing returns it.
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(stable_on_hold(BUYER), 0);
		assert_eq!(
			pallet_assets::Pallet::<Test>::balance(STABLE, BUYER),
			INITIAL,
			"every unit of the deposit is back"
		);
	});
}

#[test]
fn an_order_in_the_native_token_holds_its_deposit_in_it() {
	run(|| {
		let listing = list_in(CMRC);
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE, CMRC));
		assert_eq!(on_hold(BUYER), 5);
		assert_eq!(stable_on_hold(BUYER), 0);
	});
}

#[test]
fn a_buyer_without_the_stablecoin_deposit_cannot_order_in_it() {
	run(|| {
		let listing = list_in(STABLE);
		// BUYER3 has native funds (which the mock escrow takes) but no STABLE for the deposit.
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER3), listing, 1, PRICE, STABLE),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}
