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
		assert!(Deadlines::<Test>::contains_key(1 + SHIP_WINDOW, id));
		assert!(AccountOrders::<Test>::contains_key(BUYER, id));
		assert!(AccountOrders::<Test>::contains_key(VENDOR, id));
		assert_eq!(free(BUYER), INITIAL - 3 * PRICE - on_hold(BUYER));
		assert_eq!(total_issuance(), issuance);
		assert_eq!(
			last_event(),
			Event::OrderPlaced {
				currency: CMRC,
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
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE, CMRC),
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
			Orders::place_order(RuntimeOrigin::signed(POOR), listing, 2, PRICE, CMRC),
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
			Orders::place_order(RuntimeOrigin::signed(BUYER), listing, quantity, max, CMRC)
		};
		assert_noop!(place(0, PRICE), Error::<Test>::ZeroQuantity);
		assert_noop!(place(STOCK + 1, PRICE), Error::<Test>::InsufficientStock);
		assert_noop!(place(u32::MAX, PRICE), Error::<Test>::InsufficientStock);
		assert_noop!(place(1, PRICE - 1), Error::<Test>::PriceAboveMaximum);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), 42, 1, PRICE, CMRC),
			Error::<Test>::ListingNotFound
		);
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(VENDOR), listing, 1, PRICE, CMRC),
			Error::<Test>::CannotBuyOwnListing
		);
	});
}

#[test]
fn an_overflowing_total_is_refused() {
	run(|| {
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(VENDOR),
			CMRC,
			Balance::MAX / 2,
			5,
			metadata(),
			SHIP_WINDOW,
			CONFIRM_WINDOW
		));
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER), 0, 3, Balance::MAX, CMRC),
			Error::<Test>::Overflow
		);
	});
}

/// The old queue held 4 ids per block plus 8 spill blocks here; an attacker who filled it made
/// everyone else's `place_order` fail. Now a block takes any number of deadlines.
#[test]
fn no_number_of_other_deadlines_makes_an_order_fail() {
	run(|| {
		let listing = list_with_stock(1_000);
		for _ in 0..500 {
			order(BUYER, listing, 1);
		}
		let due = 1 + SHIP_WINDOW;
		assert_eq!(Deadlines::<Test>::iter_key_prefix(due).count(), 500);
		let id = order(BUYER2, listing, 1);
		assert_eq!(OrdersStorage::<Test>::get(id).unwrap().deadline, due);
		assert!(Deadlines::<Test>::contains_key(due, id));
	});
}

/// Place + cancel used to leave a dead entry behind, so filling future blocks cost only fees.
#[test]
fn place_and_cancel_leaves_no_deadline_entry() {
	run(|| {
		let listing = list();
		for _ in 0..50 {
			let id = order(BUYER, listing, 1);
			assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		}
		assert_eq!(Deadlines::<Test>::iter().count(), 0);
		assert_eq!(free(BUYER), INITIAL);
	});
}

#[test]
fn a_short_listing_confirm_window_gives_the_buyer_the_minimum() {
	run(|| {
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(VENDOR),
			CMRC,
			PRICE,
			STOCK,
			metadata(),
			SHIP_WINDOW,
			1
		));
		let id = order(BUYER, 0, 1);
		assert_eq!(OrdersStorage::<Test>::get(id).unwrap().confirm_window, MIN_CONFIRM_WINDOW);
	});
}

#[test]
fn tells_the_replenisher_the_stock_left_and_charges_what_it_used() {
	run(|| {
		let listing = list();
		let call = crate::Call::<Test>::place_order {
			listing,
			quantity: 1,
			max_unit_price: PRICE,
			currency: CMRC,
		};
		use frame_support::dispatch::GetDispatchInfo;
		let declared = call.get_dispatch_info().call_weight;
		// Declared: the replenisher's worst case on top of the order's own weight.
		let base = <MockWeights as crate::weights::WeightInfo>::place_order();
		assert_eq!(declared, base + REPLENISH_WEIGHT);

		// Stock 10 -> 7: above the mock's reorder point, charged the order alone.
		let placed =
			Orders::place_order(RuntimeOrigin::signed(BUYER), listing, 3, PRICE, CMRC).unwrap();
		assert_eq!(placed.actual_weight, Some(base));
		// 7 -> 4: at or below the point, charged what the replenisher used.
		let placed =
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 3, PRICE, CMRC).unwrap();
		assert_eq!(placed.actual_weight, Some(base + REPLENISH_WEIGHT));
		assert_eq!(
			StockFell::get(),
			vec![(listing, VENDOR, STOCK - 3), (listing, VENDOR, STOCK - 6)]
		);

		// A failed placement tells it nothing.
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER3), listing, 5, PRICE, CMRC),
			Error::<Test>::InsufficientStock
		);
		assert_eq!(StockFell::get().len(), 2);
	});
}
