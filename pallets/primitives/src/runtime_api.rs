//! The runtime APIs through which dapps read orders, listings, vendors, profit-sharing
//! agreements, provenance, and purchase orders.

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

	/// Read access to the vendor registry (`api.call.vendorsApi.*` in Polkadot.js).
	///
	/// `Vendor` is the vendors pallet's registry record; `Performance` is one period's KPI
	/// counts, its derived rates and how the policy in force judges them (`None` without a
	/// policy); `Tender` is an open replacement tender.
	pub trait VendorsApi<AccountId, Vendor, Performance, Tender>
	where
		AccountId: Codec,
		Vendor: Codec,
		Performance: Codec,
		Tender: Codec,
	{
		/// The registry record of `who`: status, bond, ladder position, open orders.
		fn vendor(who: AccountId) -> Option<Vendor>;
		/// Whether `who` may list and take orders now (status and required credentials).
		fn may_sell(who: AccountId) -> bool;
		/// The KPIs `who` keeps, oldest period first.
		fn performance(who: AccountId) -> Vec<Performance>;
		/// The KPI period now running.
		fn current_period() -> u32;
		/// A page of the open tenders: at most `max` (capped at 100), in storage order,
		/// starting after the tender `start_after`. An empty page is the end.
		fn open_tenders(start_after: Option<u32>, max: u32) -> Vec<(u32, Tender)>;
	}

	/// Read access to profit-sharing agreements (`api.call.profitSharingApi.*` in Polkadot.js).
	///
	/// `Agreement`, `Version`, `Ledger` and `Totals` are the profit-sharing pallet's records;
	/// `Placement` names the agreement and version an open order settles by. `Currency` names
	/// the native token or an asset. Version 2: ledgers and payouts per currency.
	#[api_version(2)]
	pub trait ProfitSharingApi<AccountId, Balance, Currency, Agreement, Version, Ledger, Totals, Placement>
	where
		AccountId: Codec,
		Balance: Codec,
		Currency: Codec,
		Agreement: Codec,
		Version: Codec,
		Ledger: Codec,
		Totals: Codec,
		Placement: Codec,
	{
		/// An agreement: vendor, scope, the version in force and the one pending, notice,
		/// open orders and running totals.
		fn agreement(id: u32) -> Option<Agreement>;
		/// An agreement's versions, oldest first (bounded by the runtime's `MaxVersions`).
		fn versions(id: u32) -> Vec<(u32, Version)>;
		/// What counts toward the threshold: the value in the native token of the revenue
		/// released net of refunds after release (each order at its placement rate), and units
		/// sold.
		fn progress(id: u32) -> Option<(Balance, u64)>;
		/// What `who` received, can claim, and owes back under an agreement, per currency.
		fn ledgers(id: u32, who: AccountId) -> Vec<(Currency, Ledger)>;
		/// What an agreement paid out (to the vendor, to beneficiaries, set aside, refunded),
		/// per currency.
		fn payouts(id: u32) -> Vec<(Currency, Totals)>;
		/// The agreement a new order of `vendor` from `listing` would settle by.
		fn agreement_for(vendor: AccountId, listing: ListingId) -> Option<u32>;
		/// The agreement and version an open order settles by.
		fn placement(order: OrderId) -> Option<Placement>;
	}

	/// Provenance for a web page behind a product's QR code (`api.call.provenanceApi.*`).
	///
	/// `Batch` and `Event` are the provenance pallet's storage records; batch and event ids
	/// are `u64`.
	pub trait ProvenanceApi<Batch, Event>
	where
		Batch: Codec,
		Event: Codec,
	{
		/// The batch with a GS1 key: GTIN (8 to 14 digits), lot, and an item's serial, as ASCII.
		fn batch_by_key(gtin: Vec<u8>, lot: Vec<u8>, serial: Option<Vec<u8>>) -> Option<(u64, Batch)>;
		/// The batch a GS1 Digital Link names: the URI a QR code carries, or its path
		/// `/01/{gtin}/10/{lot}[/21/{serial}]`.
		fn batch_by_digital_link(link: Vec<u8>) -> Option<(u64, Batch)>;
		/// A batch's canonical Digital Link path.
		fn digital_link(batch: u64) -> Option<Vec<u8>>;
		/// Up to `limit` events of a batch's history from position `from`, oldest first, each
		/// with the id of the event that declared it erroneous, if any.
		fn history(batch: u64, from: u32, limit: u32) -> Vec<(u64, Event, Option<u64>)>;
		/// The batches shipped against an order.
		fn batches_of_order(order: OrderId) -> Vec<u64>;
		/// The orders a batch was shipped against.
		fn orders_of_batch(batch: u64) -> Vec<OrderId>;
	}

	/// Purchase orders and reorder rules (`api.call.replenishmentApi.*` in Polkadot.js).
	///
	/// `PurchaseOrder` and `Rule` are the replenishment pallet's storage records;
	/// `Performance` is a supplier's record with its rates.
	pub trait ReplenishmentApi<AccountId, PurchaseOrder, Rule, Performance>
	where
		AccountId: Codec,
		PurchaseOrder: Codec,
		Rule: Codec,
		Performance: Codec,
	{
		/// An open purchase order (closed ones are removed: their outcome is in the
		/// `PurchaseOrderClosed` event).
		fn purchase_order(id: u64) -> Option<PurchaseOrder>;
		/// A page of the open purchase orders in which `who` is vendor or supplier: at most
		/// `max` (capped at the runtime's `MaxPage`, 100), in storage order, starting after
		/// `start_after`. An empty page is the end.
		fn purchase_orders_of(who: AccountId, start_after: Option<u64>, max: u32) -> Vec<(u64, PurchaseOrder)>;
		/// The reorder rule of a listing.
		fn reorder_rule(listing: ListingId) -> Option<Rule>;
		/// What a supplier's purchase orders came to, with its on-time-in-full, fill and
		/// acceptance rates.
		fn supplier_performance(who: AccountId) -> Performance;
	}
}
