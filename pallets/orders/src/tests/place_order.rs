use super::*;
use crate::{AccountOrders, Deadlines, Error};
use frame_support::assert_noop;

#[test]
fn reserves_stock_and_escrows_the_payment_in_one_dispatch() {
	run(|| {
		let listing = list();
		let issuance = total_issuance();
		let id = order(BUYER, listing, 3);
		assert_eq!(stock(listing), (STOCK - 3, 3));
		assert_eq!(MockEscrow::escrowed(id), Some(3 * PRICE));
		let order = OrdersStorage::<Test>::get(id).unwrap();
		assert_eq!(
			(order.buyer, order.vendor, order.quantity, order.total),
			(BUYER, VENDOR, 3, 3 * PRICE)
		);
		assert_eq!(order.state, OrderState::Paid);
		assert_eq!(order.deadline, 1 + SHIP_WINDOW);
		assert!(Deadlines::<Test>::get(1 + SHIP_WINDOW).contains(&id));
		assert!(AccountOrders::<Test>::contains_key(BUYER, id));
		assert!(AccountOrders::<Test>::contains_key(VENDOR, id));
		assert_eq!(free(BUYER), INITIAL - 3 * PRICE - on_hold(BUYER));
		assert_eq!(total_issuance(), issuance);
		assert_eq!(
			last_event(),
			Event::OrderPlaced {
				order: id,
				listing,
				buyer: BUYER,
				vendor: VENDOR,
				quantity: 3,
				unit_price: PRICE,
				total: 3 * PRICE,
				ship_by: 1 + SHIP_WINDOW,
			}
		);
	});
}

#[test]
fn two_buyers_for_the_last_unit_get_exactly_one_order() {
	run(|| {
		let listing = list_with_stock(1);
		let first = order(BUYER, listing, 1);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE),
			Error::<Test>::InsufficientStock
		);
		assert_eq!(stock(listing), (0, 1));
		assert_eq!(OrdersStorage::<Test>::iter().count(), 1);
		assert!(OrdersStorage::<Test>::get(first).is_some());
		assert_eq!(free(BUYER2), INITIAL);
	});
}

#[test]
fn no_stock_is_reserved_without_funds_held() {
	run(|| {
		let listing = list();
		// POOR cannot pay two units: nothing is reserved, held or recorded.
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(POOR), listing, 2, PRICE),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_eq!(stock(listing), (STOCK, 0));
	});
}

#[test]
fn rejects_bad_quantities_and_prices() {
	run(|| {
		let listing = list();
		let place = |quantity, max| {
			Orders::place_order(RuntimeOrigin::signed(BUYER), listing, quantity, max)
		};
		assert_noop!(place(0, PRICE), Error::<Test>::ZeroQuantity);
		assert_noop!(place(STOCK + 1, PRICE), Error::<Test>::InsufficientStock);
		assert_noop!(place(u32::MAX, PRICE), Error::<Test>::InsufficientStock);
		assert_noop!(place(1, PRICE - 1), Error::<Test>::PriceAboveMaximum);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), 42, 1, PRICE),
			Error::<Test>::ListingNotFound
		);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(VENDOR), listing, 1, PRICE),
			Error::<Test>::CannotBuyOwnListing
		);
	});
}

#[test]
fn an_overflowing_total_is_refused() {
	run(|| {
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(VENDOR),
			Balance::MAX / 2,
			5,
			metadata(),
			SHIP_WINDOW,
			CONFIRM_WINDOW
		));
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), 0, 3, Balance::MAX),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn a_full_deadline_queue_spills_into_later_blocks_then_refuses() {
	run(|| {
		let listing = list_with_stock(1_000);
		let capacity = MAX_DEADLINES_PER_BLOCK * (commerce_primitives::deadlines::MAX_SPILL + 1);
		for _ in 0..capacity {
			order(BUYER, listing, 1);
		}
		assert_eq!(Deadlines::<Test>::get(1 + SHIP_WINDOW).len() as u32, MAX_DEADLINES_PER_BLOCK);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE),
			Error::<Test>::DeadlineQueueFull
		);
		// A block later the queue has room again.
		run_to_block(2);
		order(BUYER2, listing, 1);
	});
}

#[test]
fn charges_only_the_deadline_spills_it_needed() {
	use crate::WeightInfo;
	use frame_support::dispatch::{GetDispatchInfo, Pays};
	run(|| {
		let listing = list_with_stock(1_000);
		let call = crate::Call::<Test>::place_order { listing, quantity: 1, max_unit_price: PRICE };
		let declared = call.get_dispatch_info().call_weight;
		assert_eq!(declared, MockWeights::place_order(commerce_primitives::deadlines::MAX_SPILL));
		let post = Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 1, PRICE).unwrap();
		assert_eq!(post.actual_weight, Some(MockWeights::place_order(0)));
		assert_eq!(post.pays_fee, Pays::Yes);
		// Fill the deadline block: the next order spills one block and pays for that.
		for _ in 1..MAX_DEADLINES_PER_BLOCK {
			order(BUYER, listing, 1);
		}
		let post = Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE).unwrap();
		assert_eq!(post.actual_weight, Some(MockWeights::place_order(1)));
		assert!(MockWeights::place_order(1).all_gt(MockWeights::place_order(0)));
	});
}
