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
		/// An open order, with its state, deadline and partial refunds so far (terminal orders
		/// are removed: their outcome is in the `OrderClosed` event).
		fn order(id: OrderId) -> Option<Order>;
		/// A listing.
		fn listing(id: ListingId) -> Option<Listing>;
		/// A page of the open orders in which `who` is buyer or vendor: at most `max` (capped
		/// by the runtime's `MaxOrdersPage`, 100), in storage order (the order of the ids'
		/// hashes, not of the ids), starting after the order `start_after` (the last id of the
		/// previous page; it need not be open any more). An empty page is the end.
		fn orders_of(who: AccountId, start_after: Option<OrderId>, max: u32) -> Vec<(OrderId, Order)>;
	}
}
