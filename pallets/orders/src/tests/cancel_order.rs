use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn refunds_in_full_and_restocks() {
	run(|| {
		let listing = list();
		let issuance = total_issuance();
		let id = order(BUYER, listing, 4);
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(stock(listing), (STOCK, 0));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(on_hold(BUYER), 0);
		assert!(OrdersStorage::<Test>::get(id).is_none());
		assert_eq!(closed(id), Some((Outcome::CancelledByBuyer, 4 * PRICE, 4)));
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn only_the_buyer_and_only_before_shipment() {
	run(|| {
		let (_, id) = shipped_order();
		assert_noop!(
			Orders::cancel_order(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::InvalidState
		);
		let listing = list();
		let id = order(BUYER, listing, 1);
		assert_noop!(
			Orders::cancel_order(RuntimeOrigin::signed(VENDOR), id),
			Error::<Test>::NotTheBuyer
		);
		assert_noop!(
			Orders::cancel_order(RuntimeOrigin::signed(BUYER), 99),
			Error::<Test>::OrderNotFound
		);
	});
}

#[test]
fn cannot_be_refunded_twice() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 1);
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		assert_noop!(
			Orders::cancel_order(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::OrderNotFound
		);
		assert_noop!(
			Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, PRICE),
			Error::<Test>::OrderNotFound
		);
		assert_eq!(free(BUYER), INITIAL);
	});
}
