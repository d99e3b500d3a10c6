//! The reorder rule at work: what an order that takes the stock down does.

use super::*;
use crate::WeightInfo;

#[test]
fn an_order_that_reaches_the_point_raises_a_purchase_order_at_the_quote() {
	run(|| {
		rule(5, 30);
		let vendor = free(VENDOR, CMRC);
		// 20 -> 6: above the point.
		let used = MockListings::sell(LISTING, 14);
		assert!(PurchaseOrders::<Test>::iter().next().is_none());
		assert_eq!(used, <Test as frame_system::Config>::DbWeight::get().reads(1));
		// 6 -> 5: at the point.
		let used = MockListings::sell(LISTING, 1);
		assert_eq!(used, <() as WeightInfo>::raise());
		let po = po(0);
		assert!(po.by_rule);
		assert_eq!((po.quantity, po.unit_price, po.supplier), (30, PRICE, SUPPLIER));
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().open, Some(0));
		assert_eq!(free(VENDOR, CMRC), vendor - 30 * PRICE - DEPOSIT);
		assert!(matches!(
			last_event(),
			Event::PurchaseOrderRaised { purchase_order: 0, by_rule: true, quantity: 30, .. }
		));
		// Further sales while it is open raise nothing more.
		MockListings::sell(LISTING, 5);
		assert_eq!(PurchaseOrders::<Test>::iter().count(), 1);
	});
}

#[test]
fn the_whole_cycle_restocks_and_frees_the_rule_for_the_next_one() {
	run(|| {
		rule(5, 30);
		MockListings::sell(LISTING, 15);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), 0, 30, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), 0, 30));
		assert_eq!(MockListings::stock(LISTING), 35);
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().open, None);
		MockListings::sell(LISTING, 30);
		assert_eq!(po(1).quantity, 30);
	});
}

#[test]
fn a_rule_without_a_quote_or_above_its_ceiling_says_so_and_the_sale_stands() {
	run(|| {
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			SUPPLIER,
			CMRC,
			5,
			30,
			2 * PRICE,
			SHIP_WINDOW
		));
		MockListings::sell(LISTING, 15);
		assert_eq!(
			last_event(),
			Event::ReorderFailed { listing: LISTING, problem: ReorderProblem::NoQuote }
		);
		assert_eq!(MockListings::stock(LISTING), 5);
		assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(2 * PRICE)));
		// The vendor lowers its ceiling below the quote by setting the rule again: the quote
		// is dropped; quoting above the new ceiling is refused.
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			SUPPLIER,
			CMRC,
			5,
			30,
			PRICE,
			SHIP_WINDOW
		));
		assert_noop!(
			Replenishment::quote(origin(SUPPLIER), LISTING, Some(2 * PRICE)),
			Error::<Test>::AboveCeiling
		);
		assert!(PurchaseOrders::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_vendor_that_cannot_fund_it_gets_an_event_and_nothing_else_changes() {
	run(|| {
		// 30 units at 10 = 300 > POOR's 100.
		MockListings::add(2, POOR, 10);
		assert_ok!(Replenishment::set_reorder_rule(
			origin(POOR),
			2,
			SUPPLIER,
			CMRC,
			5,
			30,
			PRICE,
			SHIP_WINDOW
		));
		assert_ok!(Replenishment::quote(origin(SUPPLIER), 2, Some(PRICE)));
		let free_before = free(POOR, CMRC);
		MockListings::sell(2, 5);
		assert_eq!(
			last_event(),
			Event::ReorderFailed { listing: 2, problem: ReorderProblem::CannotFund }
		);
		assert_eq!(free(POOR, CMRC), free_before);
		assert!(PurchaseOrders::<Test>::iter().next().is_none());
		assert_eq!(crate::NextPurchaseOrderId::<Test>::get(), 0);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).requested, 0);
		assert_eq!(ReorderRules::<Test>::get(2).unwrap().open, None);
		assert_eq!(MockListings::stock(2), 5);
	});
}

#[test]
fn a_dust_rule_raises_nothing() {
	run(|| {
		// 2 units at 10 are worth 20 < 50.
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			SUPPLIER,
			CMRC,
			5,
			2,
			PRICE,
			SHIP_WINDOW
		));
		assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(PRICE)));
		MockListings::sell(LISTING, 15);
		assert_eq!(
			last_event(),
			Event::ReorderFailed { listing: LISTING, problem: ReorderProblem::BelowMinimum }
		);
	});
}
