//! The pallet's stored and passed types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commerce_primitives::ListingId;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Identifies an agreement. Assigned sequentially.
pub type AgreementId = u32;

/// Identifies a version of an agreement: 0 for the first, then one more for each change
/// proposed.
pub type VersionIndex = u32;

/// Which of a vendor's orders an agreement covers.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Scope {
	/// The orders of one listing. Takes precedence over an agreement for all listings.
	Listing(ListingId),
	/// The orders of every listing of the vendor that no listing agreement covers.
	AllListings,
}

/// From when the split applies.
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
pub enum Threshold<Balance> {
	/// Once the revenue released to the vendor's side, net of refunds after release, exceeds
	/// this amount: only the part above it is split.
	Revenue(Balance),
	/// Once the units sold (in orders that paid out) exceed this count: only the part of an
	/// order above it is split, pro rata to its units.
	Units(u64),
}

/// The terms of one version: who shares, and from when.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	EqNoBound,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxBeneficiaries))]
pub struct Terms<AccountId, Balance, MaxBeneficiaries: Get<u32>>
where
	AccountId: Clone + Eq + core::fmt::Debug,
	Balance: Clone + Eq + core::fmt::Debug,
{
	/// Each beneficiary and its share of the part of a payout above the threshold. The shares
	/// add up to at most 100%; the vendor keeps the rest.
	pub beneficiaries: BoundedVec<(AccountId, Perbill), MaxBeneficiaries>,
	/// From when the split applies.
	pub threshold: Threshold<Balance>,
}

/// Where a version is in its life.
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
pub enum VersionStatus<BlockNumber> {
	/// Proposed by the vendor, waiting for every beneficiary's consent (or governance).
	Proposed {
		/// When it was proposed.
		at: BlockNumber,
	},
	/// The version new orders settle by.
	Active {
		/// Since when.
		since: BlockNumber,
	},
	/// A later version replaced it; orders placed while it was active still settle by it.
	Superseded {
		/// When it became active.
		since: BlockNumber,
		/// When the next version replaced it.
		until: BlockNumber,
	},
}

/// One version of an agreement.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	EqNoBound,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxBeneficiaries))]
pub struct Version<AccountId, Balance, BlockNumber, MaxBeneficiaries: Get<u32>>
where
	AccountId: Clone + Eq + core::fmt::Debug,
	Balance: Clone + Eq + core::fmt::Debug,
	BlockNumber: Clone + Eq + core::fmt::Debug,
{
	/// Its terms.
	pub terms: Terms<AccountId, Balance, MaxBeneficiaries>,
	/// Bit `i` is set once beneficiary `i` accepted.
	pub accepted: u32,
	/// Where it is in its life.
	pub status: VersionStatus<BlockNumber>,
}

/// What an agreement paid out in one currency, in that currency.
/// `to_vendor + to_beneficiaries + claimable == released` always holds (`try_state` checks
/// it).
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Totals<Balance> {
	/// Everything escrow released to the vendor's side of orders under the agreement.
	pub released: Balance,
	/// What the vendor refunded to buyers after release (see `refund_sale`).
	pub refunded: Balance,
	/// Paid to the vendor: its own part, rounding remainders and clawbacks.
	pub to_vendor: Balance,
	/// Paid to beneficiaries, directly or by a later claim.
	pub to_beneficiaries: Balance,
	/// Set aside for beneficiaries that could not receive, not claimed yet.
	pub claimable: Balance,
}

/// What counts toward an agreement's threshold, over every currency: amounts are values in
/// the native token, each order's at the rate of the moment it was placed.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Progress<Balance> {
	/// The value escrow released to the vendor's side of orders under the agreement.
	pub released: Balance,
	/// The value the vendor refunded to buyers after release.
	pub refunded: Balance,
	/// Units sold in orders under the agreement that paid out.
	pub units: u64,
}

/// Notice to end an agreement.
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
pub struct Ending<BlockNumber> {
	/// Orders placed from this block on are not covered.
	pub at: BlockNumber,
	/// Bit `i` is set once beneficiary `i` of the active version consented to end now.
	pub consents: u32,
}

/// A profit-sharing agreement of a vendor.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Agreement<AccountId, Balance, BlockNumber, Ticket> {
	/// Whose sales are shared.
	pub vendor: AccountId,
	/// Which of its orders.
	pub scope: Scope,
	/// The version new orders settle by; `None` until the first is accepted.
	pub current: Option<VersionIndex>,
	/// A version waiting for consent (at most one at a time).
	pub pending: Option<VersionIndex>,
	/// The index the next version gets. Indices are never reused, so that an acceptance
	/// sent for a withdrawn proposal cannot count for a later one.
	pub next_version: VersionIndex,
	/// How many versions are stored (at most `MaxVersions`).
	pub versions: u32,
	/// The notice given to end it.
	pub ending: Option<Ending<BlockNumber>>,
	/// Orders placed under it that have not ended yet.
	pub open_orders: u32,
	/// What counts toward its threshold (native value and units; the money paid out, per
	/// currency, is in `Payouts`).
	pub progress: Progress<Balance>,
	/// The vendor's storage deposit.
	pub deposit: Ticket,
}

/// What a beneficiary has of an agreement.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Ledger<Balance> {
	/// Received so far, directly or by claims.
	pub received: Balance,
	/// Set aside because it could not receive; it (or anyone for it) claims it.
	pub claimable: Balance,
	/// Clawback still to be netted from its future shares (refunds after release). Never
	/// taken from its balance.
	pub owed: Balance,
}

/// The agreement and version an order settles by, recorded when it is placed, with what the
/// order was worth then.
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
pub struct Placement<Balance> {
	/// The agreement.
	pub agreement: AgreementId,
	/// The version active when the order was placed.
	pub version: VersionIndex,
	/// Units ordered.
	pub quantity: u32,
	/// The version's number of beneficiaries: what its payout costs.
	pub beneficiaries: u32,
	/// The order's price, in its currency.
	pub total: Balance,
	/// What `total` was worth in the native token when the order was placed: an amount `x` of
	/// the order counts `x × value / total` toward a revenue threshold.
	pub value: Balance,
}

/// An order paid out under an agreement, refundable by its vendor until `until`.
#[derive(
	Encode, Decode, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxBeneficiaries))]
pub struct Sale<AccountId, CurrencyId, Balance, BlockNumber, Ticket, MaxBeneficiaries: Get<u32>>
where
	AccountId: Clone + Eq + core::fmt::Debug,
	CurrencyId: Clone + Eq + core::fmt::Debug,
	Balance: Clone + Eq + core::fmt::Debug,
	BlockNumber: Clone + Eq + core::fmt::Debug,
	Ticket: Clone + Eq + core::fmt::Debug,
{
	/// The agreement.
	pub agreement: AgreementId,
	/// The version it settled by.
	pub version: VersionIndex,
	/// Who sold.
	pub vendor: AccountId,
	/// Who bought (who a refund goes to).
	pub buyer: AccountId,
	/// The currency it was paid (and is refunded) in.
	pub currency: CurrencyId,
	/// What escrow released to the vendor's side for it.
	pub amount: Balance,
	/// What `amount` counted toward the threshold (its value in the native token at the
	/// order's rate); a refund takes the same fraction of it off the agreement's progress.
	pub value: Balance,
	/// The part of `amount` above the threshold, which was split.
	pub shared: Balance,
	/// What the sale credited each beneficiary of its version, in the version's order: paid
	/// to it, set aside for it in the pot, or netted against a clawback it owed. Empty when it
	/// credited nobody. The most its refunds ever claw back from each beneficiary.
	pub credited: BoundedVec<Balance, MaxBeneficiaries>,
	/// Refunded so far.
	pub refunded: Balance,
	/// The last block a refund is recorded against the agreement.
	pub until: BlockNumber,
	/// The vendor's storage deposit for this record.
	pub deposit: Ticket,
}

/// How a payout is split, as [`crate::Pallet::plan`] computes it.
#[derive(Clone, Eq, PartialEq, Debug)]
pub struct Plan<AccountId, Balance> {
	/// The order's placement.
	pub placement: Placement<Balance>,
	/// What the payout counts toward the threshold (its native value at the order's rate).
	pub value: Balance,
	/// The part of the payout above the threshold.
	pub shared: Balance,
	/// The vendor's amount: the rest of the payout.
	pub to_vendor: Balance,
	/// Per beneficiary: who, what it is paid, what of its share was netted against its clawback,
	/// and whether it can receive (else its amount is set aside to claim).
	pub shares: alloc::vec::Vec<Share<AccountId, Balance>>,
}

/// One beneficiary's part of a [`Plan`].
#[derive(Clone, Eq, PartialEq, Debug)]
pub struct Share<AccountId, Balance> {
	/// The beneficiary.
	pub beneficiary: AccountId,
	/// Paid to it (or set aside for it).
	pub amount: Balance,
	/// Its share netted against its clawback; paid to the vendor instead.
	pub netted: Balance,
	/// Whether `amount` can be deposited into its account now.
	pub deliverable: bool,
}
