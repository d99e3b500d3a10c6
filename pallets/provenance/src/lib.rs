//! # Provenance
//!
//! ## Overview
//! A product batch's history on chain, in the shape of GS1 EPCIS 2.0: who made it, who carried
//! and stored it, inspections and sensor readings, what it was made from and which orders
//! delivered it. Each event is attested by a party the consortium vetted, within a scope, and
//! the batch is found from the GS1 Digital Link its QR code carries.
//!
//! ## Terminology
//! - **Batch**: a lot of a trade item, or one serialised item, named by its GS1 key (GTIN, lot,
//!   optional serial; see [`gs1`]). The key is unique on chain; its Digital Link path
//!   `/01/{gtin}/10/{lot}[/21/{serial}]` finds it through the runtime API.
//! - **Attester**: an account [`Config::AttesterOrigin`] registered with [`Roles`], optionally
//!   the GS1 company prefixes of the goods it may speak for, and an expiry. Revocable.
//! - **Event**: an EPCIS event ([`EventKind`]: object, aggregation, transformation) with a CBV
//!   business step and disposition, its time, read point and business location (GLNs), sensor
//!   readings and hashes of documents kept off chain. Each holds a deposit from its attester
//!   for as long as it is stored, which is forever: events are never edited or deleted.
//! - **Custody**: the batch's producer holds it first. The custodian ships it to a named next
//!   party; that party receives it, naming the shipping event; only then does custody move.
//!   Only the custodian ships, stores or packs a batch.
//! - **Correction**: an event that declares an earlier one erroneous (EPCIS
//!   `errorDeclaration`), recorded by the same attester; the history shows both. Declaring a
//!   pending shipment erroneous cancels it.
//! - **Order link**: a shipment to a buyer against an open order of the orders pallet names
//!   the order; the order's batches and each batch's orders are then found both ways.
//!
//! ## Interface
//! Governance: [`Pallet::register_attester`], [`Pallet::revoke_attester`]. Attesters:
//! [`Pallet::commission`], [`Pallet::ship`], [`Pallet::receive`], [`Pallet::record`]
//! (storing, inspecting, sensor reports), [`Pallet::aggregate`], [`Pallet::transform`],
//! [`Pallet::correct`].
//!
//! ## Implementation notes
//! - A batch's history is a sequence `(batch, n) -> event`, read in pages of
//!   [`Config::MaxEventsPerBatch`] places. It rolls over into a new page when one is full and
//!   never fills: each place is paid by the deposit of the event that takes it, so a
//!   long-lived batch (a cold chain's sensor reports) goes on recording. Places are numbered
//!   up to `u32::MAX`; a shipment is accepted only with a place left for its receipt or
//!   cancellation, and while it is pending nothing else may take that place.
//! - No party's events can stop another's. The custodian's events (and a receipt, which makes
//!   its attester the custodian) are never refused for room. A party other than the custodian
//!   of the time (an inspector; a former holder correcting its old events) may take at most
//!   half of any page ([`ObserverShares`]); its corrections count against it as well.
//! - `try_state` checks that deposits equal holds, that each batch's custody is what its
//!   history says, that no party took more than its share of a page, and the indexes against
//!   the records.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod gs1;
pub mod types;

pub use types::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
// Compiled always, so that runtime tests can check the invariants too.
mod invariants;
pub use functions::queries::HistoryEntry;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// An attester as stored.
pub type AttesterOf<T> = Attester<BlockNumberFor<T>, <T as Config>::MaxPrefixes>;

/// What an attester declares about an event, as passed to calls.
pub type DetailsOf<T> = Details<<T as Config>::MaxReadings, <T as Config>::MaxDocuments>;

/// An event as stored.
pub type EventOf<T> = ProvenanceEvent<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::EventDeposit,
	<T as Config>::MaxInputs,
	<T as Config>::MaxReadings,
	<T as Config>::MaxDocuments,
>;

/// A batch as stored.
pub type BatchOf<T> = Batch<<T as frame_system::Config>::AccountId>;

/// The batches of one multi-batch event, as passed to calls.
pub type BatchListOf<T> = frame_support::BoundedVec<BatchId, <T as Config>::MaxInputs>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::gs1::{Attribute, Gs1Error, Sscc};
	use commerce_primitives::{DepositAmount, HoldersOf, OrderId, OrderParties};
	use frame_support::{
		pallet_prelude::*,
		traits::{Consideration, Footprint, UnixTime},
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// The deposit an attester holds for each event it records, sized by the event's
		/// record and its entries in the histories of the batches it names. Held for as long
		/// as the event is stored.
		type EventDeposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Clone
			+ Eq;

		/// The deposit a producer holds for each batch it commissions or makes (its record
		/// and its key's index).
		type BatchDeposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Clone
			+ Eq;

		/// Registers and revokes attesters (the vetting body, or a council motion).
		type AttesterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The open orders a shipment may name (the orders pallet).
		type Orders: OrderParties<Self::AccountId>;

		/// The chain's time, to refuse events dated in the future.
		type UnixTime: UnixTime;

		/// How far into the future (milliseconds past the chain's time) an event may be dated:
		/// clocks drift.
		#[pallet::constant]
		type MaxClockDrift: Get<u64>;

		/// The most company prefixes one attester may be scoped to.
		#[pallet::constant]
		type MaxPrefixes: Get<u32>;

		/// The most batches one aggregation or transformation names.
		#[pallet::constant]
		type MaxInputs: Get<u32>;

		/// The most sensor readings one event carries.
		#[pallet::constant]
		type MaxReadings: Get<u32>;

		/// The most document hashes one event carries.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;

		/// The places of one page of a batch's history. A history rolls over into a new page
		/// when one is full and never fills; a party other than the batch's custodian may take
		/// at most half of any page. Also the most events one [`Pallet::history`] read returns.
		#[pallet::constant]
		type MaxEventsPerBatch: Get<u32>;

		/// The most batches one order names.
		#[pallet::constant]
		type MaxBatchesPerOrder: Get<u32>;

		/// Every account with funds on hold, for `try_state` (never used in dispatch).
		type Holders: HoldersOf<Self::AccountId, Self::RuntimeHoldReason, BalanceOf<Self>>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An attester's deposit for an event it recorded.
		EventDeposit,
		/// A producer's deposit for a batch it commissioned or made.
		BatchDeposit,
	}

	/// The registered attesters.
	#[pallet::storage]
	pub type Attesters<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AttesterOf<T>>;

	/// The id the next batch gets.
	#[pallet::storage]
	pub type NextBatchId<T> = StorageValue<_, BatchId, ValueQuery>;

	/// The batches.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Twox64Concat, BatchId, BatchOf<T>>;

	/// Each batch's id by its GS1 key.
	#[pallet::storage]
	pub type BatchByKey<T: Config> = StorageMap<_, Blake2_128Concat, gs1::BatchKey, BatchId>;

	/// The deposit each batch holds from its producer.
	#[pallet::storage]
	pub type BatchDeposits<T: Config> =
		StorageMap<_, Twox64Concat, BatchId, (T::AccountId, T::BatchDeposit)>;

	/// The id the next event gets.
	#[pallet::storage]
	pub type NextEventId<T> = StorageValue<_, EventId, ValueQuery>;

	/// The events.
	#[pallet::storage]
	pub type Events<T: Config> = StorageMap<_, Twox64Concat, EventId, EventOf<T>>;

	/// Each batch's history: its `n`th event.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BatchId, Twox64Concat, u32, EventId>;

	/// How much of the current page of a batch's history each party other than its custodian
	/// has taken. Written by the party's first event on the batch (whose deposit pays for it)
	/// and kept, like the events.
	#[pallet::storage]
	pub type ObserverShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BatchId,
		Blake2_128Concat,
		T::AccountId,
		PageShare,
		OptionQuery,
	>;

	/// The orders each batch was shipped against (the reverse of [`OrderBatches`]): written by
	/// a shipment against an order (whose deposit pays for it), removed if it is cancelled.
	#[pallet::storage]
	pub type OrdersOfBatch<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BatchId, Twox64Concat, OrderId, (), OptionQuery>;

	/// Events declared erroneous, and the event that declared it.
	#[pallet::storage]
	pub type Corrections<T: Config> = StorageMap<_, Twox64Concat, EventId, EventId>;

	/// The batches shipped against each order.
	#[pallet::storage]
	pub type OrderBatches<T: Config> = StorageMap<
		_,
		Twox64Concat,
		OrderId,
		BoundedVec<BatchId, T::MaxBatchesPerOrder>,
		ValueQuery,
	>;

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An attester was registered, or its scope or expiry changed.
		AttesterRegistered {
			/// The attester.
			who: T::AccountId,
			/// Its roles.
			roles: Roles,
			/// The block from which it may no longer attest.
			expires_at: BlockNumberFor<T>,
		},
		/// An attester was revoked: it may no longer attest (its events stay).
		AttesterRevoked {
			/// The attester.
			who: T::AccountId,
		},
		/// A batch came into being: commissioned, or made by a transformation.
		BatchCreated {
			/// The batch.
			batch: BatchId,
			/// Its GS1 key.
			key: gs1::BatchKey,
			/// Who made it and holds it.
			producer: T::AccountId,
		},
		/// An event was recorded on the histories of `batches`.
		Recorded {
			/// The event.
			event: EventId,
			/// Its business step.
			biz_step: BizStep,
			/// The batches whose histories it joined.
			batches: BatchListOf<T>,
			/// Who attested it.
			attester: T::AccountId,
		},
		/// A batch's custody moved.
		CustodyTransferred {
			/// The batch.
			batch: BatchId,
			/// Who held it.
			from: T::AccountId,
			/// Who holds it now.
			to: T::AccountId,
		},
		/// A batch was shipped against an order.
		ShippedForOrder {
			/// The order.
			order: OrderId,
			/// The batch.
			batch: BatchId,
		},
		/// An event was declared erroneous by `correction`.
		Corrected {
			/// The erroneous event.
			event: EventId,
			/// The event that declares it so.
			correction: EventId,
			/// Why.
			reason: ErrorReason,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// A GTIN has 8, 12, 13 or 14 digits.
		GtinBadLength,
		/// A GTIN, GLN or SSCC holds something other than digits.
		NotDigits,
		/// A GTIN's, GLN's or SSCC's last digit is not its check digit.
		BadCheckDigit,
		/// A lot or serial number is empty or longer than 20 characters.
		BadLotLength,
		/// A lot or serial number holds a character outside GS1's character set 82.
		BadLotCharacter,
		/// A company prefix has 6 to 12 digits.
		BadCompanyPrefix,
		/// An attester needs at least one role, and only defined roles.
		BadRoles,
		/// An attester's expiry must lie in the future.
		ExpiryInPast,
		/// The account is not a registered attester.
		NotAttester,
		/// The attester's registration has expired.
		AttesterExpired,
		/// The attester's roles do not include what this event needs.
		RoleNotAllowed,
		/// The goods' GTIN is outside the attester's company prefixes.
		OutsideScope,
		/// A batch with this GS1 key exists already.
		BatchExists,
		/// No batch with this id.
		BatchNotFound,
		/// Only the batch's custodian may do this.
		NotCustodian,
		/// The batch is in transit: it must be received (or the shipment corrected) first.
		InTransit,
		/// The batch was consumed by a transformation: its history is closed.
		Consumed,
		/// The batch's history has used all its places (`u32::MAX` events). Its last place is
		/// kept for the receipt or cancellation of a pending shipment, and a shipment needs it.
		HistoryFull,
		/// A party other than the batch's custodian may take at most half of each page of its
		/// history (`MaxEventsPerBatch / 2` places), corrections included: it can record again
		/// once the page has rolled over.
		ObservationsFull,
		/// No event with this id.
		EventNotFound,
		/// The event is not this batch's pending shipment.
		NotPendingShipment,
		/// The caller is not the party the batch was shipped to.
		NotRecipient,
		/// A shipment cannot be addressed to its sender.
		ShipToSelf,
		/// The business step does not fit this call.
		WrongBizStep,
		/// The event is dated further in the future than clocks drift.
		EventInFuture,
		/// The order is not open.
		OrderNotOpen,
		/// Only the order's vendor ships against it, and only to its buyer.
		NotOrderParties,
		/// The order names the most batches already.
		TooManyBatchesForOrder,
		/// A batch is named twice.
		DuplicateBatch,
		/// An aggregation or transformation names no batch.
		NoBatches,
		/// A transformation names at most `MaxInputs - 1` inputs (its output is the last).
		TooManyInputs,
		/// Only the attester of an event may declare it erroneous.
		NotEventAttester,
		/// The event was declared erroneous already.
		AlreadyCorrected,
		/// A correction cannot itself be corrected; record a new event.
		CorrectionOfCorrection,
		/// A receipt moved custody and cannot be declared erroneous: the holder ships the
		/// goods back instead.
		ReceiptIsFinal,
		/// An id counter is exhausted.
		Overflow,
	}

	impl<T> From<Gs1Error> for Error<T> {
		fn from(error: Gs1Error) -> Self {
			match error {
				Gs1Error::BadLength => Error::GtinBadLength,
				Gs1Error::NotDigits => Error::NotDigits,
				Gs1Error::BadCheckDigit => Error::BadCheckDigit,
				Gs1Error::BadAttributeLength => Error::BadLotLength,
				Gs1Error::BadAttributeCharacter | Gs1Error::NotADigitalLink => {
					Error::BadLotCharacter
				},
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxEventsPerBatch::get() >= 4, "a history must hold at least 4 events");
			assert!(T::MaxInputs::get() >= 1, "an aggregation must name at least one batch");
			assert!(T::MaxBatchesPerOrder::get() >= 1, "an order must name at least one batch");
			assert!(T::MaxPrefixes::get() >= 1, "an attester must hold at least one prefix");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register `who` as an attester with `roles`, for goods of the GS1 company `prefixes`
		/// (none: any goods), until `expires_at`; or change an attester's scope.
		///
		/// Origin: [`Config::AttesterOrigin`]. Emits `AttesterRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_attester())]
		pub fn register_attester(
			origin: OriginFor<T>,
			who: T::AccountId,
			roles: Roles,
			prefixes: BoundedVec<CompanyPrefix, T::MaxPrefixes>,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_register_attester(who, roles, prefixes, expires_at)
		}

		/// Revoke an attester: it may no longer attest. Its events stay in the histories.
		///
		/// Origin: [`Config::AttesterOrigin`]. Emits `AttesterRevoked`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_attester())]
		pub fn revoke_attester(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_revoke_attester(who)
		}

		/// Commission a batch (EPCIS object event, action `ADD`, step `commissioning`): the
		/// caller, a producer scoped for the GTIN, makes it and holds it. Holds the batch and
		/// event deposits.
		///
		/// Emits `BatchCreated` and `Recorded`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commission())]
		pub fn commission(
			origin: OriginFor<T>,
			gtin: BoundedVec<u8, ConstU32<14>>,
			lot: Attribute,
			serial: Option<Attribute>,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = gs1::BatchKey::parse(&gtin, &lot, serial.as_ref().map(|s| s.as_slice()))
				.map_err(Error::<T>::from)?;
			Self::do_commission(who, key, details)
		}

		/// Ship a batch to `to` (step `shipping`, disposition as declared): the caller must be
		/// its custodian; custody moves when `to` receives it. With `order`, the caller must
		/// be the order's vendor and `to` its buyer, and the order then names the batch.
		///
		/// Emits `Recorded` (and `ShippedForOrder`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::ship())]
		pub fn ship(
			origin: OriginFor<T>,
			batch: BatchId,
			to: T::AccountId,
			order: Option<OrderId>,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_ship(who, batch, to, order, details)
		}

		/// Receive a batch shipped to the caller, naming the shipping event (step
		/// `receiving`): the caller becomes its custodian.
		///
		/// Emits `Recorded` and `CustodyTransferred`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::receive())]
		pub fn receive(
			origin: OriginFor<T>,
			batch: BatchId,
			shipping: EventId,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_receive(who, batch, shipping, details)
		}

		/// Record an observation of a batch (EPCIS object event, action `OBSERVE`): `storing`
		/// or `retail_selling` by its custodian; `inspecting` or `sensor_reporting` by its
		/// custodian or by an inspector.
		///
		/// Emits `Recorded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record())]
		pub fn record(
			origin: OriginFor<T>,
			batch: BatchId,
			biz_step: BizStep,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record(who, batch, biz_step, details)
		}

		/// Pack batches into a shipment `parent` (EPCIS aggregation event, action `ADD`, step
		/// `packing`): the caller must hold every one. The event joins each batch's history.
		///
		/// Emits `Recorded`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::aggregate(children.len() as u32))]
		pub fn aggregate(
			origin: OriginFor<T>,
			parent: BoundedVec<u8, ConstU32<18>>,
			children: BatchListOf<T>,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let parent = Sscc::parse(&parent).map_err(Error::<T>::from)?;
			Self::do_aggregate(who, parent, children, details)
		}

		/// Make a new batch from `inputs` (EPCIS transformation event, step
		/// `commissioning`): the caller, a producer scoped for the output's GTIN, must hold
		/// every input; the inputs are consumed and the output is the caller's.
		///
		/// Emits `BatchCreated` and `Recorded`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::transform(inputs.len() as u32))]
		pub fn transform(
			origin: OriginFor<T>,
			inputs: BatchListOf<T>,
			gtin: BoundedVec<u8, ConstU32<14>>,
			lot: Attribute,
			serial: Option<Attribute>,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = gs1::BatchKey::parse(&gtin, &lot, serial.as_ref().map(|s| s.as_slice()))
				.map_err(Error::<T>::from)?;
			Self::do_transform(who, inputs, key, details)
		}

		/// Declare an event the caller attested erroneous (EPCIS `errorDeclaration`), with the
		/// corrected details if it happened: a new event joins the same histories and both
		/// stay. Declaring a pending shipment erroneous cancels it.
		///
		/// Emits `Recorded` and `Corrected`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::correct(T::MaxInputs::get()))]
		pub fn correct(
			origin: OriginFor<T>,
			event: EventId,
			reason: ErrorReason,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_correct(who, event, reason, details)
		}
	}
}
