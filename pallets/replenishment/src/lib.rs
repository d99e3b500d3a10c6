//! # Replenishment
//!
//! ## Overview
//! Business-to-business purchase orders from a vendor to its suppliers, and reorder rules that
//! make the chain raise them by itself when an order takes a listing's stock low. The amount of
//! a purchase order is held from the vendor, in the order's currency, from the moment it is
//! raised; the supplier is paid from that hold for the units the vendor receives, and the
//! received units join the listing's stock. Every step has a deadline, so no purchase order and
//! no held amount is ever stuck.
//!
//! ## Terminology
//! - **Purchase order (PO)**: `quantity` units for one of the vendor's listings, from a
//!   supplier, at a unit price fixed when it is raised, in a currency the consortium accepts.
//!   Holds the amount and a storage deposit from the vendor while open; removed when it ends
//!   (the outcome is in `PurchaseOrderClosed`).
//! - **Reorder rule**: per listing, a reorder point, a reorder quantity, a supplier, a price
//!   ceiling and a ship window. The supplier accepts to supply under it by **quoting** a unit
//!   price at or below the ceiling; the rule raises at the quote.
//! - **Partial delivery**: the supplier ships in parts; the vendor receives (and pays for) any
//!   part shipped. Units not shipped by the ship-by deadline are dropped and their amount
//!   returned; shipped units not received by the receive-by deadline are deemed received.
//! - **Supplier record**: counts per supplier (accepted, declined, expired, on time in full,
//!   units ordered and shipped) from which the runtime API derives its rates, the way vendors
//!   get KPIs.
//!
//! ## State machine
//! ```text
//!  create_purchase_order / a reorder rule ──> Requested ──accept──> Accepted ──receive (all)──> Completed
//!                                               │                    │  ^  │
//!              cancel (vendor), decline,        │       ship, receive│  │  │ship-by passed with units unshipped:
//!              accept-by deadline               v       (parts)      └──┘  │ the rest returned ─> ShortShipped
//!                                  Cancelled / Declined / Expired          │
//!                                                        dispute (either)  v
//!                                                        Disputed ──rule──> Ruled / (ruling deadline) DisputeLapsed
//! ```
//!
//! ## Interface
//! Vendors: [`Pallet::set_reorder_rule`], [`Pallet::remove_reorder_rule`],
//! [`Pallet::create_purchase_order`], [`Pallet::cancel_purchase_order`],
//! [`Pallet::receive_purchase_order`]. Suppliers: [`Pallet::quote`],
//! [`Pallet::accept_purchase_order`], [`Pallet::decline_purchase_order`],
//! [`Pallet::ship_purchase_order`]. Either party: [`Pallet::dispute_purchase_order`].
//! The arbitration panel: [`Pallet::rule_purchase_order`]. Anyone:
//! [`Pallet::process_overdue`]. The orders pallet calls [`commerce_primitives::Replenisher`]
//! when an order takes a listing's stock down.
//!
//! ## Implementation notes
//! - A rule raises at most one purchase order at a time (`ReorderRule::open`), only in the
//!   order that takes the stock to its point, never on a receipt (which only adds stock): a
//!   receipt cannot start a reorder loop. If the purchase order cannot be raised (no quote,
//!   above the ceiling, below the minimum value, or the vendor cannot pay), the order stands
//!   and `ReorderFailed` says why. The buyer whose order crossed the point pays for the work.
//! - Dust is priced out: every purchase order is worth at least [`Config::MinOrderValue`] in
//!   the native token and holds a storage deposit, as does every rule.
//! - Deadlines are `(block, id)` entries ([`commerce_primitives::deadlines`]); `on_idle` drains
//!   the due ones, and [`Pallet::process_overdue`] lets anyone apply one in full blocks.
//! - `try_state` checks that the funds on hold equal the purchase orders' held amounts per
//!   (currency, vendor), that deposits equal their holds, that `held` is exactly the unreceived
//!   units' price outside disputes, and that the rules, indexes and deadlines match.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
// Compiled always, so that runtime tests can check the invariants too.
mod invariants;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungibles;

/// The balance type of the pallet's currencies.
pub type BalanceOf<T> = <<T as Config>::Currency as fungibles::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// What names a currency: the native token or an asset.
pub type CurrencyOf<T> = <<T as Config>::Currency as fungibles::Inspect<
	<T as frame_system::Config>::AccountId,
>>::AssetId;

/// A purchase order as stored.
pub type PurchaseOrderOf<T> = PurchaseOrder<
	<T as frame_system::Config>::AccountId,
	CurrencyOf<T>,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::Deposit,
>;

/// A reorder rule as stored.
pub type ReorderRuleOf<T> = ReorderRule<
	<T as frame_system::Config>::AccountId,
	CurrencyOf<T>,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::Deposit,
>;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, CurrencyId, Balance>:
	commerce_primitives::BenchmarkCurrency<AccountId, CurrencyId, Balance>
{
	/// A listing of `vendor` (funded and made a vendor by the helper) with `stock` units.
	fn listing(vendor: &AccountId, stock: u32) -> commerce_primitives::ListingId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use commerce_primitives::{
		currency::CurrencyHoldersOf, AcceptedCurrencies, BatchCustody, DepositAmount, ListingId,
		ListingProvider,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles::MutateHold, Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::One, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Every currency a purchase order may be in, held and paid through one
		/// implementation (for the runtime, the native balances and the assets with holds).
		type Currency: fungibles::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The currencies the consortium accepts, and their value in the native token.
		type Currencies: AcceptedCurrencies<CurrencyOf<Self>, BalanceOf<Self>>;

		/// The native token's currency id (deposits are held in it).
		type NativeCurrency: Get<CurrencyOf<Self>>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// The listings purchase orders restock (the orders pallet).
		type Listings: ListingProvider<
			Self::AccountId,
			BalanceOf<Self>,
			BlockNumberFor<Self>,
			CurrencyId = CurrencyOf<Self>,
		>;

		/// Who holds a provenance batch (the provenance pallet): a shipment that names a batch
		/// must name one held by the supplier, or already by the vendor.
		type Batches: BatchCustody<Self::AccountId>;

		/// The storage deposit of a purchase order or a rule, held from the vendor in the
		/// native token, by its footprint.
		type Deposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Eq;

		/// The origin that rules disputes: `None` for a collective body (the council), `Some`
		/// for an individual arbiter, who must not be a party to the purchase order.
		type ArbitrationOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Option<Self::AccountId>>;

		/// Every account with funds on hold, per currency, for `try_state` (never used in
		/// dispatch).
		type Holders: CurrencyHoldersOf<
			CurrencyOf<Self>,
			Self::AccountId,
			Self::RuntimeHoldReason,
			BalanceOf<Self>,
		>;

		/// The least a purchase order may be worth, in the native token at the consortium's
		/// rate: dust orders cannot fill storage or a supplier's list.
		#[pallet::constant]
		type MinOrderValue: Get<BalanceOf<Self>>;

		/// Blocks a supplier has to accept a purchase order.
		#[pallet::constant]
		type AcceptWindow: Get<BlockNumberFor<Self>>;

		/// The longest ship window a purchase order or rule may give (the shortest is 1).
		#[pallet::constant]
		type MaxShipWindow: Get<BlockNumberFor<Self>>;

		/// Blocks the vendor has to receive a shipment before it is deemed received.
		#[pallet::constant]
		type ReceiveWindow: Get<BlockNumberFor<Self>>;

		/// Blocks the arbitration has to rule a dispute.
		#[pallet::constant]
		type RulingWindow: Get<BlockNumberFor<Self>>;

		/// The supplier's share of what is still held when nobody ruled a dispute in time.
		#[pallet::constant]
		type FallbackSupplierShare: Get<Perbill>;

		/// The most purchase orders `purchase_orders_of` returns at once.
		#[pallet::constant]
		type MaxPage: Get<u32>;

		/// Weights of this pallet's calls and hooks, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Listings and currencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, CurrencyOf<Self>, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The amount of an open purchase order, held from its vendor until received.
		PurchaseOrder,
		/// The storage deposit of a purchase order or a reorder rule.
		Deposit,
	}

	/// The id the next purchase order gets.
	#[pallet::storage]
	pub type NextPurchaseOrderId<T> = StorageValue<_, PurchaseOrderId, ValueQuery>;

	/// The open purchase orders, by id.
	#[pallet::storage]
	pub type PurchaseOrders<T: Config> =
		StorageMap<_, Twox64Concat, PurchaseOrderId, PurchaseOrderOf<T>>;

	/// The open purchase orders of each account, as vendor or as supplier.
	#[pallet::storage]
	pub type PartyOrders<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, PurchaseOrderId, ()>;

	/// The reorder rules, by listing.
	#[pallet::storage]
	pub type ReorderRules<T: Config> = StorageMap<_, Twox64Concat, ListingId, ReorderRuleOf<T>>;

	/// What each supplier's purchase orders came to.
	#[pallet::storage]
	pub type Suppliers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SupplierRecord, ValueQuery>;

	/// The deadlines: `(block, purchase order)`, moved or removed with each transition.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, PurchaseOrderId, ()>;

	/// The first block whose deadlines are not all processed.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Events of the pallet: what off-chain purchasing, warehouse and ERP services need.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A vendor set (or replaced) a listing's reorder rule; the supplier must quote to
		/// activate it.
		ReorderRuleSet {
			/// The listing.
			listing: ListingId,
			/// Its vendor.
			vendor: T::AccountId,
			/// The supplier named.
			supplier: T::AccountId,
			/// The currency of its purchase orders.
			currency: CurrencyOf<T>,
			/// Reorder at or below this stock.
			reorder_point: u32,
			/// Units per purchase order.
			reorder_quantity: u32,
			/// The most the vendor pays a unit.
			max_unit_price: BalanceOf<T>,
			/// Blocks the supplier has to ship, from acceptance.
			ship_window: BlockNumberFor<T>,
		},
		/// A vendor removed a listing's reorder rule; its deposit is returned. A purchase
		/// order it raised runs on.
		ReorderRuleRemoved {
			/// The listing.
			listing: ListingId,
		},
		/// A rule's supplier quoted a unit price (accepting to supply under the rule), or
		/// withdrew its quote (`None`).
		Quoted {
			/// The listing of the rule.
			listing: ListingId,
			/// The supplier.
			supplier: T::AccountId,
			/// The unit price, or `None`.
			unit_price: Option<BalanceOf<T>>,
		},
		/// A purchase order was raised: by the vendor, or by the listing's reorder rule. Its
		/// amount is held from the vendor.
		PurchaseOrderRaised {
			/// The new purchase order.
			purchase_order: PurchaseOrderId,
			/// The listing it restocks.
			listing: ListingId,
			/// Who pays.
			vendor: T::AccountId,
			/// Who supplies.
			supplier: T::AccountId,
			/// Its currency.
			currency: CurrencyOf<T>,
			/// Units ordered.
			quantity: u32,
			/// The price of a unit.
			unit_price: BalanceOf<T>,
			/// Held from the vendor.
			total: BalanceOf<T>,
			/// The supplier must accept by this block.
			accept_by: BlockNumberFor<T>,
			/// Raised by the reorder rule.
			by_rule: bool,
		},
		/// A listing's stock reached its reorder point but no purchase order could be raised.
		ReorderFailed {
			/// The listing.
			listing: ListingId,
			/// Why.
			problem: ReorderProblem,
		},
		/// The supplier accepted a purchase order.
		PurchaseOrderAccepted {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// Units not shipped by this block are dropped.
			ship_by: BlockNumberFor<T>,
		},
		/// The supplier shipped units of a purchase order.
		PurchaseOrderShipped {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// Units in this shipment.
			quantity: u32,
			/// Units shipped so far.
			shipped: u32,
			/// The shipment's provenance batch, if traced.
			batch: Option<BatchId>,
			/// Shipped units not received by this block are deemed received.
			receive_by: BlockNumberFor<T>,
		},
		/// Units of a purchase order were received: the supplier was paid for them and they
		/// joined the listing's stock.
		PurchaseOrderReceived {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// The listing.
			listing: ListingId,
			/// Units received now.
			quantity: u32,
			/// Paid to the supplier for them.
			paid: BalanceOf<T>,
			/// Whether they were added to the listing's stock (not if the listing is gone).
			restocked: bool,
			/// The provenance batch of the last shipment, if traced.
			batch: Option<BatchId>,
			/// `true` when the receive-by deadline passed and the chain deemed them received.
			deemed: bool,
		},
		/// The ship-by deadline passed with units unshipped: they were dropped and their
		/// amount returned to the vendor.
		PurchaseOrderShortened {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// Units it is for now.
			quantity: u32,
			/// Returned to the vendor.
			returned: BalanceOf<T>,
		},
		/// A purchase order went to the arbitration panel.
		PurchaseOrderDisputed {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// Who disputed: the vendor or the supplier, or `None` when the chain did because the
			/// supplier could not be paid for a deemed receipt.
			by: Option<T::AccountId>,
			/// Without a ruling by this block, the fallback split applies.
			rule_by: BlockNumberFor<T>,
		},
		/// A purchase order ended; it is removed and the deposit returned.
		PurchaseOrderClosed {
			/// The purchase order.
			purchase_order: PurchaseOrderId,
			/// How it ended.
			outcome: PoOutcome,
			/// Paid to the supplier in all.
			paid: BalanceOf<T>,
			/// Returned to the vendor at the end.
			returned: BalanceOf<T>,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// No listing has this id.
		ListingNotFound,
		/// Only the listing's or the purchase order's vendor may do this.
		NotTheVendor,
		/// Only the purchase order's or the rule's supplier may do this.
		NotTheSupplier,
		/// Only the purchase order's vendor or supplier may do this.
		NotAParty,
		/// An arbiter may not rule a purchase order it is a party to.
		ArbiterIsParty,
		/// A vendor cannot supply itself.
		SupplierIsVendor,
		/// Quantities and prices must be above zero.
		Zero,
		/// A ship window must be within `1..=MaxShipWindow`.
		InvalidWindow,
		/// The currency is not one the consortium accepts (or has no rate now).
		CurrencyNotAccepted,
		/// The purchase order is worth less than `MinOrderValue`.
		BelowMinimumValue,
		/// An amount would overflow.
		Overflow,
		/// The listing has no reorder rule.
		NoRule,
		/// The quote is above the rule's ceiling.
		AboveCeiling,
		/// No open purchase order has this id.
		PurchaseOrderNotFound,
		/// The purchase order's state does not allow this.
		InvalidState,
		/// The window for this has closed (its deadline has passed).
		WindowClosed,
		/// More units than ordered and not yet shipped, or than shipped and not yet received.
		TooMany,
		/// The supplier cannot receive the payment (its account cannot take it now).
		SupplierCannotReceive,
		/// A ruling may pay the supplier at most what is held and restock at most what was
		/// shipped and not received.
		InvalidRuling,
		/// The purchase order's deadline has not passed yet.
		NotOverdue,
		/// The batch named for a shipment does not exist, or neither the supplier nor the vendor
		/// holds it.
		BatchNotHeld,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::process_deadlines(now, remaining)
		}

		fn integrity_test() {
			let one = BlockNumberFor::<T>::one();
			assert!(T::AcceptWindow::get() >= one, "AcceptWindow must be at least 1");
			assert!(T::MaxShipWindow::get() >= one, "MaxShipWindow must be at least 1");
			assert!(T::ReceiveWindow::get() >= one, "ReceiveWindow must be at least 1");
			assert!(T::RulingWindow::get() >= one, "RulingWindow must be at least 1");
			assert!(T::MaxPage::get() > 0, "MaxPage must be positive");
			assert!(
				!T::MinOrderValue::get().is_zero(),
				"MinOrderValue must be positive: dust purchase orders would be free"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Set the reorder rule of `listing` (replacing any): when an order leaves
		/// `reorder_point` units or fewer in stock, raise a purchase order for
		/// `reorder_quantity` units to `supplier`, in `currency`, at the supplier's quote if it
		/// is at most `max_unit_price`, with `ship_window` blocks to ship. Only the listing's
		/// vendor. Holds the rule's deposit. A replaced rule keeps its open purchase order but
		/// loses the supplier's quote: the supplier quotes again. Emits `ReorderRuleSet`.
		#[pallet::call_index(0)]
		pub fn set_reorder_rule(
			origin: OriginFor<T>,
			listing: ListingId,
			supplier: T::AccountId,
			currency: CurrencyOf<T>,
			reorder_point: u32,
			reorder_quantity: u32,
			max_unit_price: BalanceOf<T>,
			ship_window: BlockNumberFor<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_set_reorder_rule(
				vendor,
				listing,
				supplier,
				currency,
				reorder_point,
				reorder_quantity,
				max_unit_price,
				ship_window,
			)
		}

		/// Remove the reorder rule of `listing` and return its deposit. Only the listing's
		/// vendor. An open purchase order the rule raised runs on. Emits `ReorderRuleRemoved`.
		#[pallet::call_index(1)]
		pub fn remove_reorder_rule(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_remove_reorder_rule(vendor, listing)
		}

		/// As the supplier of `listing`'s reorder rule, quote the unit price it supplies at
		/// (at most the rule's ceiling): the rule raises purchase orders at this price from now
		/// on. `None` withdraws the quote, and the rule raises nothing. A purchase order
		/// already raised keeps its price. Emits `Quoted`.
		#[pallet::call_index(2)]
		pub fn quote(
			origin: OriginFor<T>,
			listing: ListingId,
			unit_price: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let supplier = ensure_signed(origin)?;
			Self::do_quote(supplier, listing, unit_price)
		}

		/// Order `quantity` units for `listing` from `supplier` at `unit_price` of `currency`,
		/// with `ship_window` blocks to ship after acceptance. Only the listing's vendor.
		/// Holds `quantity * unit_price` and the deposit from the vendor. Emits
		/// `PurchaseOrderRaised`.
		#[pallet::call_index(3)]
		pub fn create_purchase_order(
			origin: OriginFor<T>,
			supplier: T::AccountId,
			listing: ListingId,
			currency: CurrencyOf<T>,
			quantity: u32,
			unit_price: BalanceOf<T>,
			ship_window: BlockNumberFor<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_create_purchase_order(
				vendor,
				supplier,
				listing,
				currency,
				quantity,
				unit_price,
				ship_window,
				false,
			)
			.map(|_| ())
		}

		/// Withdraw a purchase order the supplier has not accepted: everything held is
		/// returned. Only its vendor. Emits `PurchaseOrderClosed` with `Cancelled`.
		#[pallet::call_index(4)]
		pub fn cancel_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, purchase_order)
		}

		/// Accept a purchase order at its price, before its accept-by deadline: the ship
		/// window starts. Only its supplier. Emits `PurchaseOrderAccepted`.
		#[pallet::call_index(5)]
		pub fn accept_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, purchase_order)
		}

		/// Decline a purchase order that is not accepted: everything held is returned to the
		/// vendor. Only its supplier. Emits `PurchaseOrderClosed` with `Declined`.
		#[pallet::call_index(6)]
		pub fn decline_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_decline(who, purchase_order)
		}

		/// Ship `quantity` units of an accepted purchase order (at most what is not shipped
		/// yet), before its ship-by deadline, naming the provenance `batch` when the goods are
		/// traced (held by the supplier, or already received by the vendor, in provenance). Starts (or restarts) the vendor's receive window. Only its supplier. Emits
		/// `PurchaseOrderShipped`.
		#[pallet::call_index(7)]
		pub fn ship_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
			quantity: u32,
			batch: Option<BatchId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_ship(who, purchase_order, quantity, batch)
		}

		/// Receive `quantity` shipped units (at most what was shipped and not received): the
		/// supplier is paid for them from the hold and they join the listing's stock. Receiving
		/// the last unit ordered ends the purchase order as `Completed`. Only its vendor.
		/// Emits `PurchaseOrderReceived`.
		#[pallet::call_index(8)]
		pub fn receive_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
			quantity: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_receive(who, purchase_order, quantity)
		}

		/// Take an accepted purchase order to the arbitration panel: its deadlines stop and
		/// the panel rules within `RulingWindow`. Only its vendor or supplier. Emits
		/// `PurchaseOrderDisputed`.
		#[pallet::call_index(9)]
		pub fn dispute_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, purchase_order)
		}

		/// Rule a disputed purchase order: pay `to_supplier` of what is held to the supplier,
		/// add `restock` units (at most those shipped and not received) to the listing's stock,
		/// and return the rest to the vendor. Only the arbitration origin; an individual
		/// arbiter must not be a party. Emits `PurchaseOrderClosed` with `Ruled`.
		#[pallet::call_index(10)]
		pub fn rule_purchase_order(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
			to_supplier: BalanceOf<T>,
			restock: u32,
		) -> DispatchResult {
			let arbiter = T::ArbitrationOrigin::ensure_origin(origin)?;
			Self::do_rule(arbiter, purchase_order, to_supplier, restock)
		}

		/// Apply the timeout of a purchase order whose deadline has passed (what `on_idle`
		/// does when blocks are too full for it). Anyone. Weighed for the costliest timeout.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::timeout())]
		pub fn process_overdue(
			origin: OriginFor<T>,
			purchase_order: PurchaseOrderId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_process_overdue(purchase_order)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The deposit footprint of a purchase order.
		pub fn purchase_order_footprint() -> Footprint {
			Footprint::from_parts(1, PurchaseOrderOf::<T>::max_encoded_len())
		}

		/// The deposit footprint of a reorder rule.
		pub fn rule_footprint() -> Footprint {
			Footprint::from_parts(1, ReorderRuleOf::<T>::max_encoded_len())
		}

		/// The open purchase order `id`.
		pub fn purchase_order(id: PurchaseOrderId) -> Option<PurchaseOrderOf<T>> {
			PurchaseOrders::<T>::get(id)
		}

		/// A page of the open purchase orders in which `who` is vendor or supplier: at most
		/// `max` (capped by `MaxPage`), after `start_after`, in storage order.
		pub fn purchase_orders_of(
			who: T::AccountId,
			start_after: Option<PurchaseOrderId>,
			max: u32,
		) -> Vec<(PurchaseOrderId, PurchaseOrderOf<T>)> {
			let max = max.min(T::MaxPage::get()) as usize;
			let ids: Vec<PurchaseOrderId> = match start_after {
				Some(after) => PartyOrders::<T>::iter_key_prefix_from(
					&who,
					PartyOrders::<T>::hashed_key_for(&who, after),
				)
				.take(max)
				.collect(),
				None => PartyOrders::<T>::iter_key_prefix(&who).take(max).collect(),
			};
			ids.into_iter()
				.filter_map(|id| PurchaseOrders::<T>::get(id).map(|po| (id, po)))
				.collect()
		}

		/// What `supplier`'s purchase orders came to, with its rates.
		pub fn supplier_performance(supplier: T::AccountId) -> SupplierPerformance {
			Suppliers::<T>::get(supplier).performance()
		}
	}
}
