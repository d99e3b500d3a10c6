//! The migration to storage version 1: listings and orders of version 0 were in the native
//! token and become listings and orders in it, with everything else unchanged.

use super::*;
use crate::{
	migrations::v1::{self, OldListing, OldOrder},
	Listings, Orders as OrdersMap,
};
use codec::Encode;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

fn downgrade_listing(id: ListingId) {
	let l = Listings::<Test>::get(id).expect("a listing");
	let old = OldListing {
		vendor: l.vendor,
		unit_price: l.unit_price,
		stock: l.stock,
		reserved: l.reserved,
		metadata: l.metadata,
		ship_window: l.ship_window,
		confirm_window: l.confirm_window,
		deposit: l.deposit,
	};
	frame_support::storage::unhashed::put_raw(&Listings::<Test>::hashed_key_for(id), &old.encode());
}

fn downgrade_order(id: OrderId) {
	let o = OrdersMap::<Test>::get(id).expect("an order");
	let old = OldOrder {
		listing: o.listing,
		buyer: o.buyer,
		vendor: o.vendor,
		quantity: o.quantity,
		unit_price: o.unit_price,
		total: o.total,
		refunded: o.refunded,
		state: o.state,
		deadline: o.deadline,
		confirm_window: o.confirm_window,
		deposit: o.deposit,
	};
	frame_support::storage::unhashed::put_raw(
		&OrdersMap::<Test>::hashed_key_for(id),
		&old.encode(),
	);
}

#[test]
fn version_0_listings_and_orders_become_native_and_the_order_still_completes() {
	run(|| {
		let (listing, order) = shipped_order();
		let other = list();
		let before = (
			Listings::<Test>::get(listing).unwrap(),
			Listings::<Test>::get(other).unwrap(),
			OrdersMap::<Test>::get(order).unwrap(),
		);
		downgrade_listing(listing);
		downgrade_listing(other);
		downgrade_order(order);
		StorageVersion::new(0).put::<Orders>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Orders::on_chain_storage_version(), 1);
		let after = (
			Listings::<Test>::get(listing).unwrap(),
			Listings::<Test>::get(other).unwrap(),
			OrdersMap::<Test>::get(order).unwrap(),
		);
		assert_eq!(after.encode(), before.encode());
		assert_eq!(after.2.currency, CMRC);
		// A second run changes nothing: the version guards it.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(OrdersMap::<Test>::get(order).encode(), Some(&before.2).encode());
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), order));
	});
}

/// Version 2: an order in an asset placed under version 1 held its deposit in the native
/// token; the migration returns it and leaves the order a zero deposit, and the order still
/// completes. Native orders keep theirs.
#[test]
fn version_1_asset_orders_get_their_native_deposit_back() {
	use crate::migrations::v2;
	use frame_support::traits::{
		fungible::MutateHold as _,
		fungibles::{InspectHold, MutateHold},
	};
	run(|| {
		let (_, native_order) = shipped_order();
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(VENDOR),
			STABLE,
			PRICE,
			STOCK,
			metadata(),
			SHIP_WINDOW,
			CONFIRM_WINDOW
		));
		let listing = crate::NextListingId::<Test>::get() - 1;
		assert_ok!(Orders::place_order(RuntimeOrigin::signed(BUYER2), listing, 1, PRICE, STABLE));
		let asset_order = crate::NextOrderId::<Test>::get() - 1;
		// As version 1 left it: 5 native units on hold for the asset order.
		let reason: RuntimeHoldReason = crate::HoldReason::OrderDeposit.into();
		assert_ok!(NativeAndAssets::release(
			STABLE,
			&reason,
			&BUYER2,
			STABLE_ORDER_DEPOSIT,
			frame_support::traits::tokens::Precision::Exact
		));
		assert_ok!(Balances::hold(&reason, &BUYER2, 5));
		OrdersMap::<Test>::mutate(asset_order, |o| o.as_mut().unwrap().deposit = 5);
		StorageVersion::new(1).put::<Orders>();
		let native_before = OrdersMap::<Test>::get(native_order).unwrap();

		v2::MigrateToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Orders::on_chain_storage_version(), 2);
		assert_eq!(on_hold(BUYER2), 0, "the native deposit is back");
		assert_eq!(NativeAndAssets::total_balance_on_hold(STABLE, &BUYER2), 0);
		assert_eq!(OrdersMap::<Test>::get(asset_order).unwrap().deposit, 0);
		assert_eq!(OrdersMap::<Test>::get(native_order).unwrap(), native_before);
		Orders::do_try_state().expect("deposits match the holds");
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER2), asset_order));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), native_order));
	});
}
