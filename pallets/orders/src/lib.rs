//! # Orders
//!
//! ## Overview
//! Vendors list goods with an on-chain stock; buyers order them. Placing an order reserves the
//! units and moves the buyer's payment into escrow in the same dispatch, so stock is never
//! reserved without funds held, and two buyers can never both get the last unit. Every order
//! then ends in exactly one terminal outcome, on time: completed, cancelled, refunded or settled
//! after a dispute.
//!
//! ## Terminology
//! - **Listing**: goods a vendor offers, with a unit price, available stock, an off-chain
//!   metadata reference and two windows (ship within, confirm within). Holds a deposit.
//! - **Stock / reserved**: units available to new orders / units taken by paid orders that are
//!   not shipped yet. A cancelled order's units return to stock.
//! - **Order**: `quantity` units of a listing bought at `unit_price`; `total` is in escrow.
//!   Holds a deposit from the buyer while open; removed when it ends (its outcome is in the
//!   `OrderClosed` event).
//! - **Deadline**: the block at which an order times out. Paid orders not shipped by their
//!   ship-by deadline are cancelled and refunded; shipped or delivered orders not confirmed or
//!   disputed by their confirm-by deadline complete.
//! - **Windows**: a listing's ship window is at least [`Config::MinShipWindow`]; the confirm
//!   window a buyer gets is at least [`MinConfirmWindow`] (a day on the production chain, set by
//!   governance), whatever the listing says.
//! - **Partial refund**: a vendor returns part of a shipped order's payment to the buyer; the
//!   rest stays in escrow and the order goes on as before (the buyer keeps every right).
//! - **Delivery oracle**: an account of the runtime's `DeliveryOracleOrigin` (a logistics
//!   firm) that attests a delivery.
//!
//! ## State machine
//! ```text
//!  place_order ──> Paid ──ship_order──> Shipped ──attest_delivery──> Delivered
//!                   │                      │  │                         │  │
//!  cancel_order,    │      confirm_delivery│  │ open_dispute (escrow)   │  │
//!  ship-by deadline │      confirm-by dl.  │  └──────────> Disputed <───┘  │
//!  refund_order     │                      v                  │            │
//!                   v                  Completed <────────────┼────────────┘
//!          CancelledByBuyer /                                 v
//!          ShippingDeadlineMissed /       DisputeSettled (ruling) / DisputeLapsed (fallback)
//!          Refunded
//! ```
//! `refund_order` while shipped or delivered returns part of the payment and leaves the order
//! where it was; refunding what is left in escrow ends it as `Refunded`.
//! `docs/orders.md` describes each transition and its events.
//!
//! ## Interface
//! Vendors: [`Pallet::create_listing`], [`Pallet::update_listing`], [`Pallet::delist`],
//! [`Pallet::ship_order`], [`Pallet::refund_order`]. Buyers: [`Pallet::place_order`],
//! [`Pallet::cancel_order`], [`Pallet::confirm_delivery`]. Oracles: [`Pallet::attest_delivery`].
//! Anyone: [`Pallet::process_overdue`]. Governance: [`Pallet::set_min_confirm_window`]. Disputes are opened and ruled in the escrow pallet,
//! which calls this pallet through [`commerce_primitives::OrderDisputes`].
//!
//! ## Implementation notes
//! - Money moves only through [`Config::Escrow`]; who may sell is [`Config::VendorRegistry`],
//!   asked when a listing is created and when an order is placed. Each order's facts go to
//!   [`Config::Observer`] (the vendors pallet's KPIs) when it is placed and when it ends.
//! - Deadlines are entries keyed by `(block, order)` ([`commerce_primitives::deadlines`]): each
//!   transition removes the old entry and inserts the new one, O(1), with no per-block capacity
//!   another user could fill. `on_idle` drains the due ones within the weight left.
//! - `try_state` checks that every listing's reserved units equal the paid orders' quantities,
//!   that escrow holds each open order's total less its partial refunds, that deposits equal the
//!   funds on hold for them, and that the indexes and deadline entries match the orders.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
pub mod migrations;
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

use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A listing as stored.
pub type ListingOf<T> = Listing<
	<T as frame_system::Config>::AccountId,
	<T as Config>::CurrencyId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxMetadataLen,
	<T as Config>::ListingDeposit,
>;

/// An order as stored.
pub type OrderOf<T> = Order<
	<T as frame_system::Config>::AccountId,
	<T as Config>::CurrencyId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	BalanceOf<T>,
>;

/// An order's delivery address sealed to its vendor's encryption key: opaque ciphertext.
pub type SealedDeliveryOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxSealedDelivery>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use commerce_primitives::{
		currency::{CurrencyDeposit, CurrencyHoldersOf},
		AcceptedCurrencies, DepositAmount, Escrow, ListingId, OrderId, OrderObserver, Outcome,
		Replenisher, VendorRegistry,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{Consideration, Footprint},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::One;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native token: listing deposits are held in it. Its balance type is every
		/// amount's.
		type Currency: fungible::Inspect<Self::AccountId> + fungible::Mutate<Self::AccountId>;

		/// What names the currency of a listing and its orders: the native token or an asset.
		type CurrencyId: Parameter + MaxEncodedLen + Ord;

		/// The currencies listings may be priced in (the consortium's approved ones), and their
		/// value in the native token.
		type Currencies: AcceptedCurrencies<Self::CurrencyId, BalanceOf<Self>>;

		/// The native token's currency id: the currency of listings and orders stored before
		/// there were others (storage version 0, see [`crate::migrations`]).
		type NativeCurrency: Get<Self::CurrencyId>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// The deposit a vendor holds for a listing, by its storage footprint.
		type ListingDeposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Eq;

		/// The deposit a buyer holds for an open order, by its storage footprint, in the
		/// order's currency: a buyer who holds only a stablecoin can order in it.
		type OrderDeposit: CurrencyDeposit<Self::AccountId, Self::CurrencyId, BalanceOf<Self>>;

		/// Where order payments are held, in the order's currency, and from where they are paid
		/// out.
		type Escrow: Escrow<Self::AccountId, Self::CurrencyId, BalanceOf<Self>>;

		/// Who may create listings and take orders.
		type VendorRegistry: VendorRegistry<Self::AccountId>;

		/// Receives each order's facts (the vendor registry's KPIs); `()` ignores them.
		type Observer: OrderObserver<Self::AccountId, BalanceOf<Self>>;

		/// Told when an order takes a listing's stock down, to raise a purchase order when it
		/// reaches the listing's reorder point; `()` without replenishment. Its worst case is
		/// declared on `place_order` and what it used is charged.
		type Replenisher: Replenisher<Self::AccountId>;

		/// The origin of delivery attestations (the consortium's logistics oracles).
		type DeliveryOracleOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that sets the buyers' minimum confirm window (a council motion).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Every account with funds on hold, for `try_state` (never used in dispatch).
		type Holders: CurrencyHoldersOf<
			Self::CurrencyId,
			Self::AccountId,
			Self::RuntimeHoldReason,
			BalanceOf<Self>,
		>;

		/// The longest metadata reference of a listing, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The shortest ship window a listing may have, in blocks (at least 1).
		#[pallet::constant]
		type MinShipWindow: Get<BlockNumberFor<Self>>;

		/// The buyers' minimum confirm window until genesis or governance sets another.
		#[pallet::constant]
		type DefaultMinConfirmWindow: Get<BlockNumberFor<Self>>;

		/// The longest ship or confirm window, in blocks.
		#[pallet::constant]
		type MaxWindow: Get<BlockNumberFor<Self>>;

		/// The most orders `orders_of` returns at once.
		#[pallet::constant]
		type MaxOrdersPage: Get<u32>;

		/// The longest sealed delivery address an order may carry, in bytes (ciphertext, so
		/// the plaintext bound plus the sealing scheme's overhead: 48 bytes for a sealed box).
		#[pallet::constant]
		type MaxSealedDelivery: Get<u32>;

		/// Weights of this pallet's calls and hooks, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// The currency the benchmarks list and pay in: the dearest one the runtime accepts.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkCurrency: commerce_primitives::BenchmarkCurrency<
			Self::AccountId,
			Self::CurrencyId,
			BalanceOf<Self>,
		>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a listing.
		ListingDeposit,
		/// The storage deposit of an open order.
		OrderDeposit,
	}

	/// The id the next listing gets.
	#[pallet::storage]
	pub type NextListingId<T> = StorageValue<_, ListingId, ValueQuery>;

	/// The listings, by id.
	#[pallet::storage]
	pub type Listings<T: Config> = StorageMap<_, Twox64Concat, ListingId, ListingOf<T>>;

	/// The id the next order gets.
	#[pallet::storage]
	pub type NextOrderId<T> = StorageValue<_, OrderId, ValueQuery>;

	/// The open orders, by id.
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, OrderOf<T>>;

	/// The sealed delivery address of an open order: ciphertext only the order's vendor can
	/// open (sealed in the buyer's browser to the vendor's published encryption key). Paid for
	/// by the order's deposit and erased when the order closes.
	#[pallet::storage]
	pub type SealedDeliveries<T: Config> =
		StorageMap<_, Twox64Concat, OrderId, SealedDeliveryOf<T>>;

	/// The open orders of each account, as buyer or as vendor.
	#[pallet::storage]
	pub type AccountOrders<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, OrderId, ()>;

	/// The deadlines: `(block, order)` for each open order that is not disputed, at the block
	/// it times out. Moved or removed with each transition of the order.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, OrderId, ()>;

	/// The minimum confirm window before genesis or governance sets one.
	#[pallet::type_value]
	pub fn DefaultMinConfirm<T: Config>() -> BlockNumberFor<T> {
		T::DefaultMinConfirmWindow::get()
	}

	/// The shortest confirm window a buyer gets, in blocks: an order's confirm window is the
	/// larger of this and its listing's. Set by governance.
	#[pallet::storage]
	pub type MinConfirmWindow<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultMinConfirm<T>>;

	/// The buyers' minimum confirm window at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The minimum confirm window in blocks; `None` keeps `DefaultMinConfirmWindow`.
		pub min_confirm_window: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(window) = self.min_confirm_window {
				assert!(
					window >= One::one() && window <= T::MaxWindow::get(),
					"genesis min_confirm_window outside 1..=MaxWindow"
				);
				MinConfirmWindow::<T>::put(window);
			}
		}
	}

	/// The first block whose deadlines are not all processed.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Events of the pallet. They carry what off-chain inventory and shipping services need.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A vendor listed goods.
		ListingCreated {
			/// The new listing.
			listing: ListingId,
			/// Its vendor.
			vendor: T::AccountId,
			/// What it is priced and paid in.
			currency: T::CurrencyId,
			/// The price of one unit.
			unit_price: BalanceOf<T>,
			/// Units available.
			stock: u32,
			/// The off-chain metadata reference.
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
			/// Blocks to ship an order.
			ship_window: BlockNumberFor<T>,
			/// Blocks to confirm or dispute a shipped order.
			confirm_window: BlockNumberFor<T>,
		},
		/// A vendor changed a listing's price or stock.
		ListingUpdated {
			/// The listing.
			listing: ListingId,
			/// The unit price now.
			unit_price: BalanceOf<T>,
			/// The units available now.
			stock: u32,
		},
		/// A vendor removed a listing; its deposit is returned.
		ListingRemoved {
			/// The listing.
			listing: ListingId,
			/// Its vendor.
			vendor: T::AccountId,
		},
		/// A buyer placed an order; `total` is in escrow and `quantity` units are reserved.
		OrderPlaced {
			/// The new order.
			order: OrderId,
			/// The listing ordered from.
			listing: ListingId,
			/// Who pays.
			buyer: T::AccountId,
			/// Who ships and is paid.
			vendor: T::AccountId,
			/// Units ordered.
			quantity: u32,
			/// The currency of both amounts.
			currency: T::CurrencyId,
			/// The unit price paid.
			unit_price: BalanceOf<T>,
			/// The amount in escrow.
			total: BalanceOf<T>,
			/// The order is cancelled and refunded if not shipped by this block.
			ship_by: BlockNumberFor<T>,
		},
		/// The vendor shipped an order.
		OrderShipped {
			/// The order.
			order: OrderId,
			/// The listing the units came from.
			listing: ListingId,
			/// Units shipped.
			quantity: u32,
			/// The shipment's tracking reference.
			tracking: Reference,
			/// The order completes at this block unless confirmed or disputed before.
			confirm_by: BlockNumberFor<T>,
		},
		/// A delivery oracle attested an order's delivery.
		DeliveryAttested {
			/// The order.
			order: OrderId,
			/// The order completes at this block unless confirmed or disputed before.
			confirm_by: BlockNumberFor<T>,
		},
		/// The vendor returned part of a shipped order's payment to the buyer. The rest stays in
		/// escrow and the order goes on where it was.
		OrderPartiallyRefunded {
			/// The order.
			order: OrderId,
			/// Returned to the buyer now.
			amount: BalanceOf<T>,
			/// Returned to the buyer so far.
			refunded: BalanceOf<T>,
			/// Still in escrow.
			remaining: BalanceOf<T>,
		},
		/// Governance set the buyers' minimum confirm window (for orders placed from now on).
		MinConfirmWindowSet {
			/// The window in blocks.
			window: BlockNumberFor<T>,
		},
		/// The buyer or the vendor disputed an order; escrow holds the payment until a ruling.
		OrderDisputed {
			/// The order.
			order: OrderId,
			/// Who opened the dispute.
			by: T::AccountId,
		},
		/// An order carries a sealed delivery address (in `SealedDeliveries`) for its vendor.
		DeliverySealed {
			/// The order.
			order: OrderId,
			/// The ciphertext's length in bytes.
			bytes: u32,
		},
		/// An order ended; it is removed from storage, with its sealed delivery address, and
		/// the buyer's deposit returned.
		OrderClosed {
			/// The order.
			order: OrderId,
			/// The listing it was placed on.
			listing: ListingId,
			/// Its buyer.
			buyer: T::AccountId,
			/// Its vendor.
			vendor: T::AccountId,
			/// How it ended.
			outcome: Outcome,
			/// What the buyer received back in all, partial refunds included: the refund, the
			/// buyer's part of a ruling, or a share that could not be paid to the vendor.
			refunded: BalanceOf<T>,
			/// Units returned to the listing's stock.
			restocked: u32,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is not allowed to sell (see the vendor registry).
		NotAVendor,
		/// The listing's vendor may not take orders now (suspended, retiring, or a required
		/// credential expired); its open orders still run to their end.
		VendorNotActive,
		/// No listing has this id.
		ListingNotFound,
		/// Only the listing's or the order's vendor may do this.
		NotTheVendor,
		/// Only the order's buyer may do this.
		NotTheBuyer,
		/// Only the order's buyer or vendor may do this.
		NotAParty,
		/// A price must be above zero.
		ZeroPrice,
		/// A quantity must be above zero.
		ZeroQuantity,
		/// The metadata reference is longer than `MaxMetadataLen`.
		MetadataTooLong,
		/// A ship window is shorter than `MinShipWindow`, or a window is longer than
		/// `MaxWindow`, or a minimum confirm window is zero or above `MaxWindow`.
		InvalidWindow,
		/// An update must change the price or the stock.
		NothingToUpdate,
		/// The listing has paid orders that are not shipped yet.
		ListingHasOpenOrders,
		/// Fewer units are in stock than ordered.
		InsufficientStock,
		/// The unit price is above the buyer's maximum.
		PriceAboveMaximum,
		/// The currency is not one listings may be priced in.
		CurrencyNotAccepted,
		/// The listing is priced in another currency than the buyer named.
		WrongCurrency,
		/// A vendor cannot buy from its own listing.
		CannotBuyOwnListing,
		/// An amount or count would overflow.
		Overflow,
		/// No open order has this id.
		OrderNotFound,
		/// The order's state does not allow this.
		InvalidState,
		/// The order's deadline has not passed yet.
		NotOverdue,
		/// The order's window for this has closed (its deadline has passed).
		WindowClosed,
		/// A refund must be above zero and at most what is still in escrow.
		InvalidRefund,
		/// An order that is not shipped is refunded in full or not at all.
		PartialRefundBeforeShipment,
		/// The listing's terms are frozen: its vendor is suspended, or a replacement tender for
		/// it is open (the vendor registry decides).
		ListingFrozen,
		/// A sealed delivery address must not be empty.
		EmptyDelivery,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::process_deadlines(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MinShipWindow::get() >= One::one(), "MinShipWindow must be at least 1");
			assert!(T::MinShipWindow::get() <= T::MaxWindow::get(), "MinShipWindow > MaxWindow");
			let confirm = T::DefaultMinConfirmWindow::get();
			assert!(confirm >= One::one(), "DefaultMinConfirmWindow must be at least 1");
			assert!(confirm <= T::MaxWindow::get(), "DefaultMinConfirmWindow > MaxWindow");
			assert!(T::MaxMetadataLen::get() > 0, "MaxMetadataLen must be positive");
			assert!(T::MaxOrdersPage::get() > 0, "MaxOrdersPage must be positive");
			assert!(T::MaxSealedDelivery::get() > 0, "MaxSealedDelivery must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// List `stock` units at `unit_price` of `currency`. Holds the listing deposit (in the
		/// native token) from the caller.
		///
		/// `currency` must be one the consortium accepts ([`Config::Currencies`]); it never
		/// changes for the listing and its orders.
		/// `metadata` is an off-chain reference (URI or content hash) of at most
		/// `MaxMetadataLen` bytes; `ship_window` and `confirm_window` are in blocks, at most
		/// `MaxWindow`, the ship window at least `MinShipWindow` (orders get at least
		/// [`MinConfirmWindow`] to confirm, whatever `confirm_window` says). Emits
		/// `ListingCreated`.
		#[pallet::call_index(0)]
		pub fn create_listing(
			origin: OriginFor<T>,
			currency: T::CurrencyId,
			unit_price: BalanceOf<T>,
			stock: u32,
			metadata: Vec<u8>,
			ship_window: BlockNumberFor<T>,
			confirm_window: BlockNumberFor<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_create_listing(
				vendor,
				currency,
				unit_price,
				stock,
				metadata,
				ship_window,
				confirm_window,
			)
			.map(|_| ())
		}

		/// Change a listing's unit price and/or available stock. Open orders keep the price
		/// they were placed at. Only the listing's vendor. Emits `ListingUpdated`.
		#[pallet::call_index(1)]
		pub fn update_listing(
			origin: OriginFor<T>,
			listing: ListingId,
			unit_price: Option<BalanceOf<T>>,
			stock: Option<u32>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_listing(who, listing, unit_price, stock)
		}

		/// Remove a listing and return its deposit. Only the listing's vendor, and only when
		/// no paid order awaits shipment from it. Emits `ListingRemoved`.
		#[pallet::call_index(2)]
		pub fn delist(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delist(who, listing)
		}

		/// Order `quantity` units of `listing`, paying at most `max_unit_price` each, in
		/// `currency`: the listing's, which the buyer names so that a price ceiling is never
		/// read in another currency than the buyer meant.
		///
		/// In one dispatch: reserves the units, holds `quantity * unit_price` of `currency` in
		/// escrow and the order deposit, and schedules the ship-by deadline. Emits
		/// `OrderPlaced`. If the order takes the stock to the listing's reorder point, the
		/// [`Config::Replenisher`] may raise a purchase order in the same dispatch; the buyer
		/// pays for that work (declared up front, charged as used).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::place_order()
			.saturating_add(T::Escrow::payout_weight())
			.saturating_add(T::Replenisher::max_weight()))]
		pub fn place_order(
			origin: OriginFor<T>,
			listing: ListingId,
			quantity: u32,
			max_unit_price: BalanceOf<T>,
			currency: T::CurrencyId,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			let (order, replenished) =
				Self::do_place_order(buyer, listing, quantity, max_unit_price, currency, None)?;
			Ok(Self::with_payout(T::WeightInfo::place_order().saturating_add(replenished), order))
		}

		/// [`Pallet::place_order`] with the buyer's delivery address sealed to the vendor's
		/// published encryption key (`vendors.EncryptionKeys`): the chain stores `delivery` as
		/// opaque ciphertext of at most `MaxSealedDelivery` bytes in `SealedDeliveries`, pays
		/// for it with a larger order deposit, and erases it when the order closes. Nothing in
		/// it is readable on chain; the vendor opens it off chain. Emits `OrderPlaced`, then
		/// `DeliverySealed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::place_sealed_order()
			.saturating_add(T::Escrow::payout_weight())
			.saturating_add(T::Replenisher::max_weight()))]
		pub fn place_sealed_order(
			origin: OriginFor<T>,
			listing: ListingId,
			quantity: u32,
			max_unit_price: BalanceOf<T>,
			currency: T::CurrencyId,
			delivery: SealedDeliveryOf<T>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			let (order, replenished) = Self::do_place_order(
				buyer,
				listing,
				quantity,
				max_unit_price,
				currency,
				Some(delivery),
			)?;
			let used = T::WeightInfo::place_sealed_order().saturating_add(replenished);
			Ok(Self::with_payout(used, order))
		}

		/// Cancel a paid order before it ships: full refund, units back in stock. Only the
		/// buyer. Emits `OrderClosed` with `CancelledByBuyer`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_order().saturating_add(T::Escrow::payout_weight()))]
		pub fn cancel_order(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let charged = Self::with_payout(T::WeightInfo::cancel_order(), order);
			Self::do_cancel_order(who, order)?;
			Ok(charged)
		}

		/// Mark a paid order shipped, with a tracking reference. Only the vendor, before the
		/// ship-by deadline. Starts the confirm window. Emits `OrderShipped`.
		#[pallet::call_index(5)]
		pub fn ship_order(
			origin: OriginFor<T>,
			order: OrderId,
			tracking: Reference,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_ship_order(who, order, tracking)
		}

		/// Confirm delivery of a shipped or delivered order: the escrow is released to the
		/// vendor. Only the buyer. Emits `OrderClosed` with `Completed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::confirm_delivery().saturating_add(T::Escrow::payout_weight()))]
		pub fn confirm_delivery(
			origin: OriginFor<T>,
			order: OrderId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let charged = Self::with_payout(T::WeightInfo::confirm_delivery(), order);
			Self::do_confirm_delivery(who, order)?;
			Ok(charged)
		}

		/// Attest the delivery of a shipped order. Only a delivery oracle, and only before the
		/// order's confirm-by deadline (after it, the order is due to complete). Restarts the
		/// confirm window from now. Emits `DeliveryAttested`.
		#[pallet::call_index(7)]
		pub fn attest_delivery(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			T::DeliveryOracleOrigin::ensure_origin(origin)?;
			Self::do_attest_delivery(order)
		}

		/// Return `amount` of an order's payment to its buyer. Only the vendor.
		///
		/// Before shipment the refund must be the whole total: the order ends as `Refunded`
		/// and its units return to stock. Once shipped or delivered, a refund below what is
		/// still in escrow returns that much and leaves the rest escrowed: the order goes on
		/// where it was, and the buyer may still confirm, dispute or let the deadline pass
		/// (`OrderPartiallyRefunded`). Refunding all that is left ends the order as
		/// `Refunded`. Nothing is ever paid to the vendor by this call.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::refund_order().saturating_add(T::Escrow::payout_weight()))]
		pub fn refund_order(
			origin: OriginFor<T>,
			order: OrderId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let charged = Self::with_payout(T::WeightInfo::refund_order(), order);
			Self::do_refund_order(who, order, amount)?;
			Ok(charged)
		}

		/// Apply the timeout of an order whose deadline has passed: a paid order is cancelled
		/// and refunded, a shipped or delivered one completes. Anyone may call this; it does
		/// what `on_idle` would do when blocks are too full for it. Weighed for the costlier of
		/// the two paths.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::process_overdue_unshipped()
			.max(T::WeightInfo::process_overdue_unconfirmed())
			.saturating_add(T::Escrow::payout_weight()))]
		pub fn process_overdue(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let base = T::WeightInfo::process_overdue_unshipped()
				.max(T::WeightInfo::process_overdue_unconfirmed());
			let charged = Self::with_payout(base, order);
			Self::do_process_overdue(order)?;
			Ok(charged)
		}

		/// Set the shortest confirm window buyers get, in blocks (`1..=MaxWindow`). Only
		/// [`Config::GovernanceOrigin`]. Applies to orders placed from now on. Emits
		/// `MinConfirmWindowSet`.
		#[pallet::call_index(10)]
		pub fn set_min_confirm_window(
			origin: OriginFor<T>,
			window: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_min_confirm_window(window)
		}
	}

	impl<T: Config> Pallet<T> {
		/// `base` plus what the payout split of `order` costs (zero outside any profit-sharing
		/// agreement): the weight a call that places or settles `order` actually used, so that
		/// the worst case declared up front is refunded down to it.
		fn with_payout(base: Weight, order: OrderId) -> frame_support::dispatch::PostDispatchInfo {
			Some(base.saturating_add(T::Escrow::payout_weight_of(order))).into()
		}

		/// The deposit footprint of a listing with `metadata_len` bytes of metadata.
		pub fn listing_footprint(metadata_len: usize) -> Footprint {
			Footprint::from_parts(
				1,
				ListingOf::<T>::max_encoded_len().saturating_sub(
					(T::MaxMetadataLen::get() as usize).saturating_sub(metadata_len),
				),
			)
		}

		/// The deposit footprint of an order.
		pub fn order_footprint() -> Footprint {
			Footprint::from_parts(1, OrderOf::<T>::max_encoded_len())
		}

		/// The deposit footprint of an order with a sealed delivery address of `bytes` bytes:
		/// the order's bytes and the address item's (its key and length prefix included),
		/// counted as one item (storage prices multiply `count` by `size`, so the bytes are
		/// charged once).
		pub fn sealed_order_footprint(bytes: usize) -> Footprint {
			let item = OrderId::max_encoded_len()
				.saturating_add(codec::Compact::<u32>::max_encoded_len())
				.saturating_add(bytes);
			Footprint::from_parts(1, OrderOf::<T>::max_encoded_len().saturating_add(item))
		}
	}
}
