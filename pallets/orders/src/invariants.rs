//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	AccountOrders, BalanceOf, Config, DeadlineCursor, Deadlines, Listings, NextListingId,
	NextOrderId, OrderState, Orders, Pallet,
};
use alloc::collections::btree_map::BTreeMap;
use commerce_primitives::{Escrow, ListingId};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Each listing's `reserved` equals the quantities of its paid (unshipped) orders, and
	///    each open order's listing exists while the order is paid.
	/// 2. Escrow holds exactly each open order's `total`.
	/// 3. Ids are below the next ids.
	/// 4. `AccountOrders` lists each open order under its buyer and its vendor, and nothing
	///    else.
	/// 5. Each open order that is not disputed is in the deadline queue at its deadline (unless
	///    that block has been drained already and the order awaits `process_overdue`).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_order = NextOrderId::<T>::get();
		let next_listing = NextListingId::<T>::get();
		let cursor = DeadlineCursor::<T>::get();
		let mut reserved: BTreeMap<ListingId, u32> = BTreeMap::new();
		let mut orders = 0u64;

		for (id, order) in Orders::<T>::iter() {
			orders += 1;
			ensure!(id < next_order, "order id at or above NextOrderId");
			ensure!(
				T::Escrow::escrowed(id) == Some(order.total),
				"escrow does not hold the order's total"
			);
			let expected_total: Option<BalanceOf<T>> =
				Self::total_of(order.quantity, order.unit_price).ok();
			ensure!(
				expected_total == Some(order.total),
				"order total is not quantity * unit price"
			);
			ensure!(
				AccountOrders::<T>::contains_key(&order.buyer, id),
				"order missing from buyer index"
			);
			ensure!(
				AccountOrders::<T>::contains_key(&order.vendor, id),
				"order missing from vendor index"
			);
			if order.state == OrderState::Paid {
				ensure!(
					Listings::<T>::contains_key(order.listing),
					"paid order of a removed listing"
				);
				let entry = reserved.entry(order.listing).or_default();
				*entry = entry.checked_add(order.quantity).ok_or("reserved overflows")?;
			}
			if order.state != OrderState::Disputed && order.deadline >= cursor {
				ensure!(
					Deadlines::<T>::get(order.deadline).contains(&id),
					"open order missing from the deadline queue"
				);
			}
		}

		let index_entries = AccountOrders::<T>::iter_keys().count() as u64;
		ensure!(index_entries == orders.saturating_mul(2), "AccountOrders has stale entries");

		for (id, listing) in Listings::<T>::iter() {
			ensure!(id < next_listing, "listing id at or above NextListingId");
			ensure!(
				listing.reserved == reserved.get(&id).copied().unwrap_or_default(),
				"listing reserved units differ from its paid orders"
			);
		}
		Ok(())
	}
}
