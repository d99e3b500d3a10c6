use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn changes_price_and_stock() {
	run(|| {
		let id = list();
		assert_ok!(Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, Some(150), None));
		assert_eq!(Listings::<Test>::get(id).unwrap().unit_price, 150);
		assert_ok!(Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, None, Some(3)));
		assert_eq!(stock(id), (3, 0));
		assert_eq!(last_event(), Event::ListingUpdated { listing: id, unit_price: 150, stock: 3 });
	});
}

#[test]
fn open_orders_keep_their_price() {
	run(|| {
		let id = list();
		let o = order(BUYER, id, 1);
		assert_ok!(Orders::update_listing(
			RuntimeOrigin::signed(VENDOR),
			id,
			Some(PRICE * 2),
			None
		));
		assert_eq!(OrdersStorage::<Test>::get(o).unwrap().total, PRICE);
		// Setting the stock leaves the reserved units alone.
		assert_ok!(Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, None, Some(0)));
		assert_eq!(stock(id), (0, 1));
	});
}

#[test]
fn rejects_bad_input() {
	run(|| {
		let id = list();
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(BUYER), id, Some(1), None),
			Error::<Test>::NotTheVendor
		);
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, None, None),
			Error::<Test>::NothingToUpdate
		);
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, Some(0), None),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(VENDOR), 99, Some(1), None),
			Error::<Test>::ListingNotFound
		);
	});
}

/// A listing the vendor registry froze (a suspended vendor's, or one under a replacement
/// tender) keeps its price and stock: the vendor cannot sabotage the tender.
#[test]
fn a_frozen_listing_cannot_be_changed() {
	run(|| {
		let id = list();
		crate::mock::FrozenListings::insert(id, ());
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, Some(1), None),
			Error::<Test>::ListingFrozen
		);
		assert_noop!(
			Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, None, Some(0)),
			Error::<Test>::ListingFrozen
		);
		crate::mock::FrozenListings::remove(id);
		assert_ok!(Orders::update_listing(RuntimeOrigin::signed(VENDOR), id, None, Some(0)));
	});
}

/// What a tender's award does to the replaced listing: no stock left, orders refused.
#[test]
fn withdrawing_stock_stops_new_orders() {
	run(|| {
		use commerce_primitives::ListingProvider;
		let id = list();
		<Orders as ListingProvider<_, _, _>>::withdraw_stock(id);
		assert_eq!(stock(id).0, 0);
		assert_eq!(
			last_event(),
			Event::ListingUpdated { listing: id, unit_price: PRICE, stock: 0 }
		);
		// Unknown listings are ignored.
		<Orders as ListingProvider<_, _, _>>::withdraw_stock(id + 100);
	});
}

/// What a received purchase order does: its units join the stock.
#[test]
fn adding_stock_adds_units_and_refuses_unknown_listings_and_overflow() {
	run(|| {
		use commerce_primitives::ListingProvider;
		let id = list();
		assert_ok!(<Orders as ListingProvider<_, _, _>>::add_stock(id, 7));
		assert_eq!(stock(id).0, STOCK + 7);
		assert_eq!(
			last_event(),
			Event::ListingUpdated { listing: id, unit_price: PRICE, stock: STOCK + 7 }
		);
		assert_noop!(
			<Orders as ListingProvider<_, _, _>>::add_stock(id + 100, 1),
			Error::<Test>::ListingNotFound
		);
		assert_noop!(
			<Orders as ListingProvider<_, _, _>>::add_stock(id, u32::MAX),
			Error::<Test>::Overflow
		);
	});
}
