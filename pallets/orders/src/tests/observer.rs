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
			Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE),
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
		assert_eq!(ObservedPlaced::get(), vec![(VENDOR, first), (VENDOR, second)]);
	});
}

#[test]
fn a_failed_placement_reports_nothing() {
	run(|| {
		let listing = list();
		assert!(Orders::place_order(RuntimeOrigin::signed(POOR), listing, 2, PRICE).is_err());
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
		<Orders as OrderDisputes<_, _>>::dispute_settled(disputed, 40);
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
