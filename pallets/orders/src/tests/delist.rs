use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn removes_the_listing_and_returns_the_deposit() {
	run(|| {
		let id = list();
		assert!(on_hold(VENDOR) > 0);
		assert_ok!(Orders::delist(RuntimeOrigin::signed(VENDOR), id));
		assert!(Listings::<Test>::get(id).is_none());
		assert_eq!(on_hold(VENDOR), 0);
		assert_eq!(free(VENDOR), INITIAL);
		assert_eq!(last_event(), Event::ListingRemoved { listing: id, vendor: VENDOR });
	});
}

#[test]
fn refuses_while_paid_orders_await_shipment() {
	run(|| {
		let id = list();
		let o = order(BUYER, id, 1);
		assert_noop!(
			Orders::delist(RuntimeOrigin::signed(VENDOR), id),
			Error::<Test>::ListingHasOpenOrders
		);
		// Once shipped, the listing may go: the order no longer needs its stock.
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), o, TRACKING));
		assert_ok!(Orders::delist(RuntimeOrigin::signed(VENDOR), id));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), o));
		assert_eq!(closed(o).unwrap().0, Outcome::Completed);
	});
}

#[test]
fn only_the_vendor() {
	run(|| {
		let id = list();
		assert_noop!(Orders::delist(RuntimeOrigin::signed(BUYER), id), Error::<Test>::NotTheVendor);
		assert_noop!(
			Orders::delist(RuntimeOrigin::signed(VENDOR), 7),
			Error::<Test>::ListingNotFound
		);
	});
}

/// A frozen listing cannot be removed: a suspended vendor keeps its goods in the tender.
#[test]
fn a_frozen_listing_cannot_be_removed() {
	run(|| {
		let id = list();
		crate::mock::FrozenListings::insert(id, ());
		assert_noop!(
			Orders::delist(RuntimeOrigin::signed(VENDOR), id),
			Error::<Test>::ListingFrozen
		);
	});
}
