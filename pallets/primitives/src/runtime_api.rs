//! The runtime API through which dapps read orders and listings.

use crate::{ListingId, OrderId};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Read access to commerce state for dapps (`api.call.commerceApi.*` in Polkadot.js).
	///
	/// `Order` and `Listing` are the orders pallet's storage records.
	pub trait CommerceApi<AccountId, Order, Listing>
	where
		AccountId: Codec,
		Order: Codec,
		Listing: Codec,
	{
		/// An open order (terminal orders are removed; their outcome is in the events).
		fn order(id: OrderId) -> Option<Order>;
		/// A listing.
		fn listing(id: ListingId) -> Option<Listing>;
		/// The open orders in which `who` is buyer or vendor, in id order, starting after
		/// `start_after`, at most `max` (capped by the runtime).
		fn orders_of(who: AccountId, start_after: Option<OrderId>, max: u32) -> Vec<(OrderId, Order)>;
	}
}
