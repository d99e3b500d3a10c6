use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn a_full_refund_before_shipment_restocks() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 2);
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 2 * PRICE));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(stock(listing), (STOCK, 0));
		assert_eq!(closed(id), Some((Outcome::Refunded, 2 * PRICE, 2)));
	});
}

#[test]
fn a_partial_refund_after_shipment_pays_the_rest_to_the_vendor() {
	run(|| {
		let (listing, id) = shipped_order();
		let vendor_before = free(VENDOR);
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 30));
		assert_eq!(free(BUYER), INITIAL - 2 * PRICE + 30);
		assert_eq!(free(VENDOR), vendor_before + 2 * PRICE - 30);
		assert_eq!(closed(id), Some((Outcome::Refunded, 30, 0)));
		assert_eq!(stock(listing), (STOCK - 2, 0));
	});
}

#[test]
fn rejects_bad_amounts_and_callers() {
	run(|| {
		let listing = list();
		let paid = order(BUYER, listing, 2);
		let refund = |who, id, amount| Orders::refund_order(RuntimeOrigin::signed(who), id, amount);
		assert_noop!(refund(VENDOR, paid, PRICE), Error::<Test>::PartialRefundBeforeShipment);
		assert_noop!(refund(VENDOR, paid, 0), Error::<Test>::InvalidRefund);
		assert_noop!(refund(VENDOR, paid, 2 * PRICE + 1), Error::<Test>::InvalidRefund);
		assert_noop!(refund(VENDOR, paid, Balance::MAX), Error::<Test>::InvalidRefund);
		assert_noop!(refund(BUYER, paid, 2 * PRICE), Error::<Test>::NotTheVendor);
	});
}

#[test]
fn no_release_after_a_refund() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 2 * PRICE));
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::OrderNotFound
		);
		assert_noop!(
			Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, 2 * PRICE),
			Error::<Test>::OrderNotFound
		);
		assert_eq!(free(BUYER), INITIAL);
	});
}
