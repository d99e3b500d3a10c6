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
