//! Read access for the runtime API.

use crate::{AccountOrders, Config, ListingOf, Listings, OrderOf, Orders, Pallet};
use alloc::vec::Vec;
use commerce_primitives::{ListingId, OrderId};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// An open order.
	pub fn order_of(id: OrderId) -> Option<OrderOf<T>> {
		Orders::<T>::get(id)
	}

	/// A listing.
	pub fn listing_of(id: ListingId) -> Option<ListingOf<T>> {
		Listings::<T>::get(id)
	}

	/// A page of the open orders in which `who` is buyer or vendor, in storage order, starting
	/// after the order `start_after`, at most `max` (capped at `MaxOrdersPage`).
	pub fn orders_of(
		who: T::AccountId,
		start_after: Option<OrderId>,
		max: u32,
	) -> Vec<(OrderId, OrderOf<T>)> {
		let max = max.min(T::MaxOrdersPage::get()) as usize;
		let ids: Vec<OrderId> = match start_after {
			Some(last) => AccountOrders::<T>::iter_key_prefix_from(
				&who,
				AccountOrders::<T>::hashed_key_for(&who, last),
			)
			.take(max)
			.collect(),
			None => AccountOrders::<T>::iter_key_prefix(&who).take(max).collect(),
		};
		ids.into_iter().filter_map(|id| Orders::<T>::get(id).map(|order| (id, order))).collect()
	}
}

impl<T: Config> commerce_primitives::OrderParties<T::AccountId> for Pallet<T> {
	fn open_order_parties(order: OrderId) -> Option<(T::AccountId, T::AccountId)> {
		Orders::<T>::get(order).map(|order| (order.vendor, order.buyer))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_open_order(vendor: &T::AccountId, buyer: &T::AccountId) -> OrderId {
		use commerce_primitives::{ListingProvider, VendorRegistry};
		T::VendorRegistry::make_active_vendor(vendor);
		let listing = Self::benchmark_listing(vendor);
		let listed = Listings::<T>::get(listing).expect("just listed");
		Self::do_place_order(buyer.clone(), listing, 1, listed.unit_price, listed.currency, None)
			.expect("a funded buyer orders")
			.0
	}
}
