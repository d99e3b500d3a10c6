//! The provenance pallet's types: attesters and their scope, batches and custody, and events in
//! the shape of GS1 EPCIS 2.0 with the Core Business Vocabulary (CBV 2.0).

use crate::gs1::{BatchKey, Gln, Sscc};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commerce_primitives::OrderId;
use frame_support::{
	pallet_prelude::ConstU32, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

/// A batch's id, assigned in order from 0.
pub type BatchId = u64;

/// An event's id, assigned in order from 0 across all batches.
pub type EventId = u64;

/// A GS1 company prefix (6 to 12 digits) as written at the start of a GTIN-13.
pub type CompanyPrefix = BoundedVec<u8, ConstU32<12>>;

/// A document or a sensor report kept off chain, named by its 32-byte hash (e.g. SHA-256 of the
/// file, or of the EPCIS `sensorReport` JSON).
pub type DocumentHash = [u8; 32];

/// The roles an attester may act in, as a set of bits.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct Roles(pub u8);

impl Roles {
	/// Makes goods: commissions batches and transforms inputs into new batches.
	pub const PRODUCER: Roles = Roles(1);
	/// Carries goods: takes custody, ships, packs into shipments.
	pub const CARRIER: Roles = Roles(1 << 1);
	/// Stores goods: takes custody, stores, ships, packs.
	pub const WAREHOUSE: Roles = Roles(1 << 2);
	/// Sells goods to buyers: takes custody, ships against orders.
	pub const RETAILER: Roles = Roles(1 << 3);
	/// Inspects goods it does not hold: quality checks, temperature readings.
	pub const INSPECTOR: Roles = Roles(1 << 4);
	/// Every role that can hold custody of goods.
	pub const CUSTODY: Roles =
		Roles(Self::PRODUCER.0 | Self::CARRIER.0 | Self::WAREHOUSE.0 | Self::RETAILER.0);
	/// Every defined role.
	pub const ALL: Roles = Roles(Self::CUSTODY.0 | Self::INSPECTOR.0);

	/// Whether any of `other`'s roles is in this set.
	pub fn intersects(self, other: Roles) -> bool {
		self.0 & other.0 != 0
	}

	/// Whether the set is non-empty and holds only defined roles.
	pub fn is_valid(self) -> bool {
		self.0 != 0 && self.0 & !Self::ALL.0 == 0
	}
}

/// A party the consortium vetted to attest events, within a scope, until it expires.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxPrefixes))]
pub struct Attester<BlockNumber, MaxPrefixes: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// What it may attest.
	pub roles: Roles,
	/// The GS1 company prefixes of the goods it may speak for; empty: any goods.
	pub prefixes: BoundedVec<CompanyPrefix, MaxPrefixes>,
	/// The first block at which it may no longer attest.
	pub expires_at: BlockNumber,
}

/// Where a batch stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum BatchStatus {
	/// Held by its custodian.
	Held,
	/// Shipped by its custodian to a named next party, which has not received it yet.
	InTransit {
		/// The shipping event, which names the party that is to receive it.
		to_event: EventId,
	},
	/// Consumed by a transformation into another batch: its history is closed.
	Consumed,
}

/// A batch (or a serialised item) of a trade item, and who holds it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Batch<AccountId> {
	/// Its GS1 key.
	pub key: BatchKey,
	/// Who commissioned it (or transformed it from its inputs).
	pub producer: AccountId,
	/// Who holds it now: the producer at first, then each party that received it.
	pub custodian: AccountId,
	/// Held, in transit or consumed.
	pub status: BatchStatus,
	/// How many events its history holds: the next event's place. The history is read in
	/// pages of `MaxEventsPerBatch` places and rolls over into a new page when one is full; it
	/// never fills (its places are numbered up to `u32::MAX`, the last kept for completing a
	/// pending shipment).
	pub events: u32,
	/// How many of those were recorded by parties other than the custodian of the time
	/// (inspections and sensor reports by inspectors, corrections by a party that no longer
	/// holds the batch). Each such party may take at most half of any page.
	pub observations: u32,
}

/// How much of one page of a batch's history a party other than its custodian has taken: at
/// most half of the page (`MaxEventsPerBatch / 2` places), counted anew on each page.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
	Default,
)]
pub struct PageShare {
	/// The page of the party's latest event on the batch (its place / `MaxEventsPerBatch`).
	pub page: u32,
	/// How many places of that page the party's events took.
	pub taken: u32,
}

/// EPCIS event types, with what each names besides the batch it is recorded on.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxInputs))]
pub enum EventKind<MaxInputs: Get<u32>> {
	/// `ObjectEvent` with action `ADD`: the batch came into being (commissioning).
	Commission,
	/// `ObjectEvent` with action `OBSERVE`: the batch was shipped, received, stored, inspected.
	Observe,
	/// `AggregationEvent` with action `ADD`: the batches were packed into a shipment.
	Aggregate {
		/// The shipment (logistic unit) they were packed into.
		parent: Sscc,
		/// Every batch packed.
		children: BoundedVec<BatchId, MaxInputs>,
	},
	/// `TransformationEvent`: the inputs were made into the output batch.
	Transform {
		/// The batches consumed.
		inputs: BoundedVec<BatchId, MaxInputs>,
		/// The batch made.
		output: BatchId,
	},
}

/// CBV 2.0 business steps this chain records.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum BizStep {
	/// `commissioning`
	Commissioning,
	/// `shipping`
	Shipping,
	/// `receiving`
	Receiving,
	/// `storing`
	Storing,
	/// `inspecting`
	Inspecting,
	/// `sensor_reporting`
	SensorReporting,
	/// `packing`
	Packing,
	/// `retail_selling`
	RetailSelling,
}

impl BizStep {
	/// The CBV 2.0 bare-string name.
	pub fn cbv(&self) -> &'static str {
		match self {
			BizStep::Commissioning => "commissioning",
			BizStep::Shipping => "shipping",
			BizStep::Receiving => "receiving",
			BizStep::Storing => "storing",
			BizStep::Inspecting => "inspecting",
			BizStep::SensorReporting => "sensor_reporting",
			BizStep::Packing => "packing",
			BizStep::RetailSelling => "retail_selling",
		}
	}
}

/// CBV 2.0 dispositions this chain records.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum Disposition {
	/// `active`
	Active,
	/// `in_transit`
	InTransit,
	/// `in_progress`
	InProgress,
	/// `conformant`
	Conformant,
	/// `non_conformant`
	NonConformant,
	/// `damaged`
	Damaged,
	/// `expired`
	Expired,
	/// `recalled`
	Recalled,
	/// `sellable_accessible`
	SellableAccessible,
	/// `inactive`
	Inactive,
}

/// Sensor measurement types (the EPCIS `gs1:` type vocabulary) with the unit each is in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum SensorKind {
	/// `gs1:Temperature`, in thousandths of a degree Celsius (`CEL`).
	Temperature,
	/// `gs1:RelativeHumidity`, in thousandths of a percent (`A93`).
	RelativeHumidity,
	/// `gs1:AbsolutePressure`, in pascals (`PAL`).
	AbsolutePressure,
	/// `gs1:Illuminance`, in thousandths of a lux (`LUX`).
	Illuminance,
}

/// One sensor reading: a type and a value in that type's unit, with an optional hash of the
/// device's full report.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct SensorReading {
	/// What was measured, and in which unit.
	pub kind: SensorKind,
	/// The value, in the kind's unit.
	pub value: i64,
}

/// Why an event is declared erroneous (CBV error reasons).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum ErrorReason {
	/// `did_not_occur`: the event never happened.
	DidNotOccur,
	/// `incorrect_data`: it happened, but was recorded wrongly.
	IncorrectData,
}

/// What the attester declares about an event: the EPCIS "what, when, where, why" that is not
/// already given by the call.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxReadings, MaxDocuments))]
pub struct Details<MaxReadings: Get<u32>, MaxDocuments: Get<u32>> {
	/// When it happened, in milliseconds since the Unix epoch (EPCIS `eventTime`).
	pub event_time: u64,
	/// The local time zone's offset from UTC in minutes (EPCIS `eventTimeZoneOffset`).
	pub time_zone_offset: i16,
	/// The disposition of the goods afterwards.
	pub disposition: Disposition,
	/// Where it was observed (EPCIS `readPoint`).
	pub read_point: Option<Gln>,
	/// Where the goods are afterwards (EPCIS `bizLocation`).
	pub biz_location: Option<Gln>,
	/// Sensor readings (EPCIS `sensorElementList`, reduced to a value each).
	pub readings: BoundedVec<SensorReading, MaxReadings>,
	/// Hashes of documents and full sensor reports kept off chain.
	pub documents: BoundedVec<DocumentHash, MaxDocuments>,
}

/// A recorded event.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxInputs, MaxReadings, MaxDocuments))]
pub struct ProvenanceEvent<
	AccountId,
	BlockNumber,
	Ticket,
	MaxInputs: Get<u32>,
	MaxReadings: Get<u32>,
	MaxDocuments: Get<u32>,
> where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Ticket: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The batch whose history it opened (for multi-batch events: the output, or the first
	/// child).
	pub batch: BatchId,
	/// The EPCIS event type and what it names.
	pub kind: EventKind<MaxInputs>,
	/// The CBV business step.
	pub biz_step: BizStep,
	/// What the attester declared.
	pub details: Details<MaxReadings, MaxDocuments>,
	/// The next party, for a shipping event (EPCIS destination).
	pub to: Option<AccountId>,
	/// The shipping event a receiving event completes.
	pub receives: Option<EventId>,
	/// The order it belongs to (EPCIS `bizTransaction` of type `po`).
	pub order: Option<OrderId>,
	/// For a correction: the event it declares erroneous, and why.
	pub corrects: Option<(EventId, ErrorReason)>,
	/// Who attested it.
	pub attester: AccountId,
	/// The block it was recorded in (EPCIS `recordTime` is that block's timestamp).
	pub recorded_at: BlockNumber,
	/// The storage deposit held from the attester for it, for as long as it is stored.
	pub deposit: Ticket,
}
