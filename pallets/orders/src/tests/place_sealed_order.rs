//! `place_sealed_order`: an order with its delivery address sealed to the vendor, stored as
//! bounded ciphertext paid for by the order's deposit and erased when the order closes.

use super::*;
use crate::{Error, SealedDeliveries, SealedDeliveryOf};
use codec::{Decode, Encode};
use frame_support::{assert_noop, traits::Get};

/// Stand-in ciphertext: the chain never reads it.
fn sealed(len: usize) -> SealedDeliveryOf<Test> {
	vec![0xAB; len].try_into().expect("within MaxSealedDelivery")
}

fn place(
	buyer: AccountId,
	listing: ListingId,
	quantity: u32,
	len: usize,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Orders::place_sealed_order(
		RuntimeOrigin::signed(buyer),
		listing,
		quantity,
		PRICE,
		CMRC,
		sealed(len),
	)
}

fn sealed_order(buyer: AccountId, listing: ListingId, quantity: u32) -> OrderId {
	assert_ok!(place(buyer, listing, quantity, 60));
	crate::NextOrderId::<Test>::get() - 1
}

#[test]
fn stores_the_ciphertext_with_a_deposit_for_it() {
	run(|| {
		let listing = list();
		let id = sealed_order(BUYER, listing, 2);
		assert_eq!(SealedDeliveries::<Test>::get(id), Some(sealed(60)));
		assert_eq!(OrdersStorage::<Test>::get(id).unwrap().deposit, sealed_order_deposit(60));
		assert_eq!(on_hold(BUYER), sealed_order_deposit(60));
		assert_eq!(free(BUYER), INITIAL - 2 * PRICE - sealed_order_deposit(60));
		// The order itself is the same as an unsealed one; the address follows it in events.
		let events = events();
		assert!(
			matches!(events[events.len() - 2], Event::OrderPlaced { order, .. } if order == id)
		);
		assert_eq!(events[events.len() - 1], Event::DeliverySealed { order: id, bytes: 60 });
		// An unsealed order holds the smaller deposit and stores no address.
		let plain = order(BUYER2, listing, 1);
		assert_eq!(OrdersStorage::<Test>::get(plain).unwrap().deposit, 5);
		assert!(!SealedDeliveries::<Test>::contains_key(plain));
	});
}

#[test]
fn the_address_is_erased_and_the_deposit_returned_however_the_order_ends() {
	run(|| {
		let listing = list();
		// Cancelled by the buyer.
		let cancelled = sealed_order(BUYER, listing, 1);
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), cancelled));
		// Confirmed after shipment.
		let confirmed = sealed_order(BUYER, listing, 1);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), confirmed, TRACKING));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), confirmed));
		// Refunded by the vendor.
		let refunded = sealed_order(BUYER, listing, 1);
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), refunded, PRICE));
		// Never shipped: times out in `on_idle`.
		let timed_out = sealed_order(BUYER, listing, 1);
		run_to_block(1 + SHIP_WINDOW);
		for id in [cancelled, confirmed, refunded, timed_out] {
			assert!(closed(id).is_some(), "order {id} closed");
			assert!(!SealedDeliveries::<Test>::contains_key(id), "order {id} erased");
		}
		assert_eq!(SealedDeliveries::<Test>::iter().count(), 0);
		assert_eq!(on_hold(BUYER), 0);
		assert_eq!(free(BUYER), INITIAL - PRICE);
	});
}

#[test]
fn an_empty_address_is_refused() {
	run(|| {
		let listing = list();
		assert_noop!(place(BUYER, listing, 1, 0), Error::<Test>::EmptyDelivery);
	});
}

#[test]
fn a_failing_order_stores_no_address() {
	run(|| {
		let listing = list();
		assert_noop!(place(BUYER, listing, STOCK + 1, 60), Error::<Test>::InsufficientStock);
		assert_noop!(place(POOR, listing, 2, 60), sp_runtime::TokenError::FundsUnavailable);
	});
}

#[test]
fn an_address_above_the_bound_does_not_even_decode() {
	run(|| {
		let listing = list();
		let max = <<Test as crate::Config>::MaxSealedDelivery as Get<u32>>::get() as usize;
		let call = RuntimeCall::Orders(crate::Call::place_sealed_order {
			listing,
			quantity: 1,
			max_unit_price: PRICE,
			currency: CMRC,
			delivery: sealed(max),
		});
		let mut encoded = call.encode();
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_ok());
		// The same call with one byte more: the length prefix grows by one and a byte follows.
		let prefix = codec::Compact(max as u32).encode();
		let start = encoded.len() - max - prefix.len();
		encoded.splice(start..start + prefix.len(), codec::Compact(max as u32 + 1).encode());
		encoded.push(0xAB);
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
	});
}

/// A buyer cannot keep an address on chain past its order: placing and cancelling in a row
/// (as one `batch_all` would) leaves nothing behind, and the deposit comes back whole.
#[test]
fn placing_and_cancelling_at_once_leaves_nothing() {
	run(|| {
		let listing = list();
		let id = sealed_order(BUYER, listing, 1);
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		assert!(!SealedDeliveries::<Test>::contains_key(id));
		assert_eq!((free(BUYER), on_hold(BUYER)), (INITIAL, 0));
		assert_eq!(stock(listing), (STOCK, 0));
	});
}
