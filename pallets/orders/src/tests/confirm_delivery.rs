use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn releases_the_payment_to_the_vendor() {
	run(|| {
		let (listing, id) = shipped_order();
		let vendor_before = free(VENDOR);
		let issuance = total_issuance();
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(free(VENDOR), vendor_before + 2 * PRICE);
		assert_eq!(free(BUYER), INITIAL - 2 * PRICE);
		assert_eq!(on_hold(BUYER), 0, "the order deposit is returned");
		assert_eq!(closed(id), Some((Outcome::Completed, 0, 0)));
		assert_eq!(stock(listing), (STOCK - 2, 0));
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn also_after_an_attested_delivery() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), id));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(closed(id).unwrap().0, Outcome::Completed);
	});
}

#[test]
fn only_the_buyer_only_once_and_not_before_shipment() {
	run(|| {
		let listing = list();
		let paid = order(BUYER, listing, 1);
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), paid),
			Error::<Test>::InvalidState
		);
		let (_, id) = shipped_order();
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(VENDOR), id),
			Error::<Test>::NotTheBuyer
		);
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id));
		// No release after the release.
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::OrderNotFound
		);
	});
}
