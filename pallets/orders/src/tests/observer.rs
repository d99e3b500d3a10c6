//! What the orders pallet reports to the vendor registry (`Config::Observer`), and the
//! registry's say over new orders.

use super::*;
use crate::Error;
use commerce_primitives::OrderDisputes;
use frame_support::assert_noop;

fn reports() -> Vec<(OrderId, AccountId, AccountId, Outcome, Balance, Balance, Balance, bool)> {
	ObservedClosed::get()
}

#[test]
fn a_vendor_the_registry_stopped_takes_no_new_orders_but_its_open_ones_run_on() {
	run(|| {
		let listing = list();
		let open = order(BUYER, listing, 1);
		InactiveVendors::insert(VENDOR, ());
		assert_noop!(
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE, CMRC),
			Error::<Test>::VendorNotActive
		);
		// The order taken before still ships and completes.
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), open, TRACKING));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), open));
		assert_eq!(closed(open).map(|(outcome, ..)| outcome), Some(Outcome::Completed));
		// Reinstated, it sells again.
		InactiveVendors::remove(VENDOR);
		order(BUYER2, listing, 1);
	});
}

#[test]
fn placing_reports_the_vendor_and_order() {
	run(|| {
		let listing = list();
		let first = order(BUYER, listing, 1);
		let second = order(BUYER2, listing, 2);
		assert_eq!(
			ObservedPlaced::get(),
			vec![
				(VENDOR, first, listing, 1, PRICE, PRICE),
				(VENDOR, second, listing, 2, 2 * PRICE, 2 * PRICE)
			]
		);
	});
}

#[test]
fn calls_that_place_or_end_an_order_pay_for_the_payout_split() {
	use frame_support::dispatch::GetDispatchInfo;
	run(|| {
		let extra = Weight::from_parts(7_000_000, 7_000);
		let weight = |call: crate::Call<Test>| call.get_dispatch_info().call_weight;
		let place = crate::Call::<Test>::place_order {
			listing: 0,
			quantity: 1,
			max_unit_price: 1,
			currency: CMRC,
		};
		let confirm = crate::Call::<Test>::confirm_delivery { order: 0 };
		let overdue = crate::Call::<Test>::process_overdue { order: 0 };
		let (place0, confirm0, overdue0) =
			(weight(place.clone()), weight(confirm.clone()), weight(overdue.clone()));
		let idle0 = Orders::deadline_costs().1;
		PayoutWeight::put(extra);
		// Declared: the worst case.
		assert_eq!(weight(place.clone()), place0 + extra);
		assert_eq!(weight(confirm), confirm0 + extra);
		assert_eq!(weight(overdue), overdue0 + extra);
		assert_eq!(Orders::deadline_costs().1, idle0 + extra);

		// Charged: the split's cost only for an order the splitter splits.
		let listing = list();
		let plain = order(BUYER, listing, 1);
		assert!(!SplitOrders::contains_key(plain));
		let split = plain + 1;
		SplitOrders::insert(split, ());
		let placed =
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE, CMRC).unwrap();
		// Placed under an agreement: charged the split, which records it (and not the
		// replenisher's worst case: the stock stays above the reorder point).
		assert_eq!(placed.actual_weight, Some(place0 - REPLENISH_WEIGHT + extra));
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), plain, [1; 32]));
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), split, [1; 32]));
		let confirmed = Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), plain).unwrap();
		assert_eq!(confirmed.actual_weight, Some(confirm0));
		let confirmed = Orders::confirm_delivery(RuntimeOrigin::signed(BUYER2), split).unwrap();
		assert_eq!(confirmed.actual_weight, Some(confirm0 + extra));
	});
}

#[test]
fn a_failed_placement_reports_nothing() {
	run(|| {
		let listing = list();
		assert!(Orders::place_order(RuntimeOrigin::signed(POOR), listing, 2, PRICE, CMRC).is_err());
		assert!(ObservedPlaced::get().is_empty());
	});
}

#[test]
fn each_ending_is_reported_with_its_facts() {
	run(|| {
		let listing = list();
		// Completed after a partial refund.
		let (_, completed) = shipped_order();
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), completed, 30));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), completed));
		// Cancelled by the buyer, unshipped.
		let cancelled = order(BUYER2, listing, 1);
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER2), cancelled));
		// Refunded by the vendor before shipping.
		let refunded = order(BUYER3, listing, 1);
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), refunded, PRICE));
		// Disputed, the ruling gives the buyer 40 of the 100.
		let disputed = order(BUYER3, listing, 1);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), disputed, TRACKING));
		assert_ok!(<Orders as OrderDisputes<_, _>>::open_dispute(disputed, &BUYER3));
		assert_ok!(MockEscrow::settle(disputed, 40));
		<Orders as OrderDisputes<_, _>>::dispute_settled(disputed, 40, true);
		// Never shipped: the ship-by deadline cancels it.
		let missed = order(BUYER2, listing, 1);
		run_to_block(System::block_number() + SHIP_WINDOW);

		assert_eq!(
			reports(),
			vec![
				(completed, VENDOR, BUYER, Outcome::Completed, 2 * PRICE, 30, 0, true),
				(cancelled, VENDOR, BUYER2, Outcome::CancelledByBuyer, PRICE, 0, PRICE, false),
				(refunded, VENDOR, BUYER3, Outcome::Refunded, PRICE, 0, PRICE, false),
				(disputed, VENDOR, BUYER3, Outcome::DisputeSettled, PRICE, 0, 40, true),
				(missed, VENDOR, BUYER2, Outcome::ShippingDeadlineMissed, PRICE, 0, PRICE, false),
			]
		);
	});
}
