//! The records the vendors pallet stores, and the KPI arithmetic.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Zero},
	Perbill, SaturatedConversion,
};

/// The index of a KPI period: periods are counted from genesis, each `PeriodLength` blocks.
pub type PeriodIndex = u32;

/// A kind of credential, numbered by the consortium (e.g. 1 = food-safety certificate, 2 =
/// trade licence). The policy lists the kinds a vendor must hold to sell.
pub type CredentialKind = u16;

/// A 32-byte reference to off-chain data: a document's hash, an issuer's identifier.
pub type Reference = [u8; 32];

/// Where a vendor stands in the registry.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum VendorStatus<BlockNumber> {
	/// Applied with a bond; waits for the vetting body. Cannot sell.
	Applied,
	/// Approved and in good standing: may list and take orders.
	Active,
	/// Breached the policy twice in a row: still sells, and has until `ends` to cure.
	Probation {
		/// The cure period ends with the first KPI period that starts at or after this block.
		ends: BlockNumber,
		/// Whether a period judged during the cure breached the policy.
		breached: bool,
		/// Eligible orders worth at least [`crate::Config::MinSampleValue`] in the periods
		/// judged during the cure: a cure on fewer than the policy's `min_sample` fails.
		sampled: u32,
	},
	/// Stopped from taking new orders (by the policy or by the vetting body); its open orders
	/// still run to their end.
	Suspended,
	/// Leaving: takes no new orders; the bond is returned from `unbonds_at` once no order is
	/// open.
	Retiring {
		/// The first block `withdraw_bond` may be called.
		unbonds_at: BlockNumber,
	},
}

/// A registered vendor.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxProfileLen))]
pub struct VendorRecord<Balance, BlockNumber, MaxProfileLen: Get<u32>> {
	/// Where it stands.
	pub status: VendorStatus<BlockNumber>,
	/// The bond held from the vendor's account under `HoldReason::Bond`.
	pub bond: Balance,
	/// Where the vendor describes itself off chain: a URI or a content hash.
	pub profile: BoundedVec<u8, MaxProfileLen>,
	/// Whether the last judged period breached the policy (the first rung of the ladder).
	pub warned: bool,
	/// Failed cures since the vendor was last in good standing.
	pub failed_cures: u32,
	/// Orders of this vendor that are open.
	pub open_orders: u32,
	/// The first period not yet evaluated.
	pub next_evaluation: PeriodIndex,
}

/// A credential the vetting body issued to a vendor.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Credential<BlockNumber> {
	/// What it certifies.
	pub kind: CredentialKind,
	/// Who certified it (an identifier of the certifying body, hashed).
	pub issuer: Reference,
	/// The hash of the credential document.
	pub hash: Reference,
	/// The first block at which it is no longer valid.
	pub expires: BlockNumber,
}

/// A vendor's order facts in one period. Every order is counted in the period it ends in.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PeriodKpis<Balance> {
	/// The period.
	pub period: PeriodIndex,
	/// Orders that ended.
	pub closed: u32,
	/// Of those, cancelled by their buyer before shipment (not the vendor's doing).
	pub buyer_cancelled: u32,
	/// Shipped before the ship-by deadline (a late shipment is refused).
	pub shipped_on_time: u32,
	/// Not shipped by the ship-by deadline.
	pub missed_deadlines: u32,
	/// Refunded in full by the vendor before shipment.
	pub vendor_cancelled: u32,
	/// Orders with any refund from the vendor (full or partial).
	pub refunded: u32,
	/// What buyers received back, buyer cancellations aside.
	pub refund_amount: Balance,
	/// Disputes settled.
	pub disputes: u32,
	/// Disputes whose settlement returned any part of the payment to the buyer.
	pub disputes_lost: u32,
	/// Shipped on time, nothing refunded, no dispute lost.
	pub perfect: u32,
	/// Orders the vendor answers for (not cancelled by their buyer) worth at least
	/// [`crate::Config::MinSampleValue`]: the sample a period is judged on.
	pub sampled: u32,
	/// The value (order totals) of the orders the vendor answers for.
	pub eligible_value: Balance,
	/// Of that, the value of the orders that were not perfect.
	pub imperfect_value: Balance,
	/// The value of the orders shipped on time.
	pub shipped_value: Balance,
	/// The value of the orders not shipped by their deadline.
	pub missed_value: Balance,
	/// The value of the orders the vendor cancelled or let miss their deadline.
	pub cancelled_value: Balance,
	/// The value of the orders whose dispute returned any part of the payment to the buyer.
	pub disputes_lost_value: Balance,
}

/// The rates a vendor is judged by, derived from one period's [`PeriodKpis`].
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct KpiRates {
	/// The sample: orders the vendor answers for (`closed - buyer_cancelled`) worth at least
	/// [`crate::Config::MinSampleValue`].
	pub eligible: u32,
	/// `shipped_value / (shipped_value + missed_value)`.
	pub on_time: Perbill,
	/// `imperfect_value / eligible_value`: the share, by value, of orders that were not perfect.
	pub defect: Perbill,
	/// `disputes_lost_value / eligible_value`.
	pub order_defect: Perbill,
	/// `cancelled_value / eligible_value`.
	pub cancellation: Perbill,
}

impl<Balance: AtLeast32BitUnsigned + Copy> PeriodKpis<Balance> {
	/// The rates of this period, weighted by order value, so that cheap orders cannot dilute
	/// expensive defective ones. A rate with a zero denominator is perfect (100% on time, 0%
	/// defects).
	pub fn rates(&self) -> KpiRates {
		let share = |part: Balance, whole: Balance| {
			if whole.is_zero() {
				Perbill::zero()
			} else {
				let whole: u128 = whole.saturated_into();
				Perbill::from_rational(part.saturated_into::<u128>().min(whole), whole)
			}
		};
		let shipping = self.shipped_value.saturating_add(self.missed_value);
		KpiRates {
			eligible: self.sampled,
			on_time: if shipping.is_zero() {
				Perbill::one()
			} else {
				share(self.shipped_value, shipping)
			},
			defect: share(self.imperfect_value, self.eligible_value),
			order_defect: share(self.disputes_lost_value, self.eligible_value),
			cancellation: share(self.cancelled_value, self.eligible_value),
		}
	}
}

/// The consortium's penalty clauses: KPI thresholds, the minimum sample, and the ladder.
#[derive(
	CloneNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	EqNoBound,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde", bound = "", rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxRequired))]
pub struct Policy<MaxRequired: Get<u32>> {
	/// A period is judged only with at least this many eligible orders worth at least
	/// [`crate::Config::MinSampleValue`]; a cure must be proven on at least as many.
	pub min_sample: u32,
	/// Breach if the on-time rate is below this.
	pub min_on_time: Perbill,
	/// Breach if the defect rate is above this.
	pub max_defect: Perbill,
	/// Breach if the order defect rate is above this.
	pub max_order_defect: Perbill,
	/// Breach if the cancellation rate is above this.
	pub max_cancellation: Perbill,
	/// How many periods a probation lasts (at least 1).
	pub cure_periods: u32,
	/// The share of the bond slashed when a cure fails.
	pub slash: Perbill,
	/// The most slashed from one vendor in one period, in the currency's smallest unit.
	pub max_slash: u128,
	/// Failed cures (in a row) after which the vendor is suspended (at least 1).
	pub failed_cures_to_suspend: u32,
	/// The credential kinds a vendor must hold, unexpired, to take orders.
	pub required_credentials: BoundedVec<CredentialKind, MaxRequired>,
	/// The rules a tender opened under this policy keeps until it closes.
	pub tender: TenderRules,
}

/// How a replacement tender runs and scores bids; fixed in the tender when it opens.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde", rename_all = "camelCase")]
pub struct TenderRules {
	/// Blocks in which sealed bids are committed.
	pub commit_blocks: u32,
	/// Blocks after that in which bids are revealed.
	pub reveal_blocks: u32,
	/// The deposit a commitment holds, in the currency's smallest unit; returned on reveal,
	/// forfeited to the treasury if never revealed.
	pub deposit: u128,
	/// The weight of the price score (the replaced listing's price over the bid's, at most 1).
	pub price_weight: Perbill,
	/// The weight of the delivery score (`1 - ship window / the tender's longest`).
	pub delivery_weight: Perbill,
	/// The weight of the bidder's KPI score (its latest judged period's perfect-order rate).
	pub kpi_weight: Perbill,
	/// A bidder whose latest judged period's perfect-order rate is below this may not bid.
	pub kpi_floor: Perbill,
}

/// A replacement tender: the goods of a listing, offered to other vendors in sealed bids.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Tender<AccountId, Balance, BlockNumber> {
	/// The listing whose goods are tendered (its metadata and confirm window carry over).
	pub listing: commerce_primitives::ListingId,
	/// A replacement tender's opener and the deposit it holds until the tender closes; `None`
	/// for a tender the vetting body opened with its own terms.
	pub opener: Option<(AccountId, Balance)>,
	/// Units the winner lists.
	pub quantity: u32,
	/// The longest ship window a bid may promise.
	pub max_ship_window: BlockNumber,
	/// The price a bid is scored against (the replaced listing's).
	pub reference_price: Balance,
	/// Commitments are accepted before this block.
	pub commit_end: BlockNumber,
	/// Reveals are accepted from `commit_end` until before this block; then anyone closes it.
	pub reveal_end: BlockNumber,
	/// The rules, as the policy had them when the tender opened.
	pub rules: TenderRules,
	/// Bids committed.
	pub bids: u32,
}

/// A sealed bid, revealed or not.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Bid<Balance, BlockNumber> {
	/// `blake2_256` of the SCALE encoding of `(tender, bidder, unit_price, ship_window, salt)`.
	pub commitment: [u8; 32],
	/// The order in which bids were committed (the last tie-break).
	pub index: u32,
	/// The deposit on hold until the reveal.
	pub deposit: Balance,
	/// The revealed unit price and ship window.
	pub revealed: Option<(Balance, BlockNumber)>,
}

impl<MaxRequired: Get<u32>> Policy<MaxRequired> {
	/// Whether `rates` break any threshold, whatever the sample.
	pub fn breached_by(&self, rates: &KpiRates) -> bool {
		rates.on_time < self.min_on_time
			|| rates.defect > self.max_defect
			|| rates.order_defect > self.max_order_defect
			|| rates.cancellation > self.max_cancellation
	}

	/// How this policy judges a period with `rates`.
	pub fn judge(&self, rates: &KpiRates) -> Verdict {
		if rates.eligible < self.min_sample {
			Verdict::TooFewOrders
		} else if self.breached_by(rates) {
			Verdict::Breached
		} else {
			Verdict::Met
		}
	}
}

/// The KPI period now running.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PeriodInfo<BlockNumber> {
	/// Its index.
	pub index: PeriodIndex,
	/// The block it started at.
	pub start: BlockNumber,
}

/// How a period's evaluation judged a vendor.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Verdict {
	/// Too few eligible orders to judge.
	TooFewOrders,
	/// Within every threshold.
	Met,
	/// At least one threshold broken.
	Breached,
}

impl<Balance: Zero> PeriodKpis<Balance> {
	/// An empty record for `period`.
	pub fn new(period: PeriodIndex) -> Self {
		Self {
			period,
			closed: 0,
			buyer_cancelled: 0,
			shipped_on_time: 0,
			missed_deadlines: 0,
			vendor_cancelled: 0,
			refunded: 0,
			refund_amount: Zero::zero(),
			disputes: 0,
			disputes_lost: 0,
			perfect: 0,
			sampled: 0,
			eligible_value: Zero::zero(),
			imperfect_value: Zero::zero(),
			shipped_value: Zero::zero(),
			missed_value: Zero::zero(),
			cancelled_value: Zero::zero(),
			disputes_lost_value: Zero::zero(),
		}
	}
}

/// A vendor's X25519 public key (32 bytes, as libsodium's `crypto_box` uses it): buyers seal
/// their delivery addresses to it in the browser (a sealed box), and only the vendor's secret
/// key opens them.
pub type EncryptionKey = [u8; 32];
