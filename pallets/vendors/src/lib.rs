//! # Vendors
//!
//! ## Overview
//! The consortium's contract with its vendors, enforced by the chain: who may sell (a vetted
//! registry with bonds and credentials), how well each vendor performs (KPIs computed from the
//! orders themselves, as the orders pallet reports them), and what happens automatically when a
//! vendor falls short (a ladder of warning, probation, slash and suspension).
//!
//! ## Terminology
//! - **Bond**: held from a vendor's account while it is registered (`HoldReason::Bond`). It is
//!   the vendor's storage deposit too, and what a failed cure is slashed from.
//! - **Vetting body**: the runtime's [`Config::VettingOrigin`] (the council, or a body it
//!   appoints): approves and rejects applications, issues and revokes credentials, suspends and
//!   reinstates vendors.
//! - **Credential**: a record `(kind, issuer, hash, expiry)` the vetting body issues. The policy
//!   lists the kinds a vendor must hold unexpired to take orders; an expired one stops new
//!   orders until a renewal is issued.
//! - **Period**: KPIs are counted per period of [`PeriodLength`] blocks (set by governance);
//!   each vendor keeps its last [`Config::MaxPeriods`] periods. An order counts in the period
//!   it ends in.
//! - **KPIs**: per period, orders closed, cancelled by the buyer, shipped on time, missed
//!   deadlines, vendor cancellations, refunds and their amount, disputes and disputes lost,
//!   perfect orders, with the value of each kind; and the rates derived from them
//!   ([`KpiRates`]), weighted by order value: on-time, defect, order defect and cancellation
//!   rate. `docs/vendors.md` gives the formulas.
//! - **Policy**: thresholds per rate, the minimum sample (a period with fewer eligible orders
//!   worth at least [`Config::MinSampleValue`] is not judged), and the ladder's parameters. Set by [`Config::GovernanceOrigin`]; without
//!   a policy KPIs are counted but nobody is judged.
//! - **Ladder**: a breached period warns an active vendor; a second breach in a row puts it on
//!   probation for `cure_periods`; a cure with any breached period, or proven on fewer than
//!   `min_sample` orders, fails, which slashes `slash` of the bond (at most `max_slash`), paid
//!   first to the buyers an arbiter ruled for (service credits, pro rata to their unrecovered
//!   loss, never more) and the rest to [`Config::Treasury`]; after
//!   `failed_cures_to_suspend` failed cures in a row the vendor is suspended. A cure without a
//!   breach, on a sufficient sample, returns the vendor to good standing.
//! - **Replacement tender**: anyone opens one for a suspended vendor's listing, holding the
//!   tender rules' deposit until it closes; while the vendor is suspended, or a tender for the
//!   listing is open, the listing's terms are frozen; the award withdraws the replaced
//!   listing's stock, so a listing is replaced once.
//!
//! ## Interface
//! Vendors: [`Pallet::apply`], [`Pallet::retire`], [`Pallet::withdraw_bond`]. Vetting body:
//! [`Pallet::approve`], [`Pallet::reject`], [`Pallet::issue_credential`],
//! [`Pallet::revoke_credential`], [`Pallet::suspend`], [`Pallet::reinstate`]. Governance:
//! [`Pallet::set_policy`], [`Pallet::set_period_length`]. Anyone: [`Pallet::evaluate`].
//! The orders pallet asks [`commerce_primitives::VendorRegistry`] whether a vendor may sell
//! and reports each order through [`commerce_primitives::OrderObserver`].
//!
//! ## Implementation notes
//! - Periods roll in `on_initialize` (one read per block). A new period starts a sweep that
//!   evaluates every vendor once, in `on_idle` within the weight left, resuming where it
//!   stopped; [`Pallet::evaluate`] evaluates one vendor when blocks are full.
//! - Every vendor's storage is bounded: a record, at most `MaxCredentials` credentials,
//!   `MaxPeriods` KPI records and `MaxAffected` buyers owed service credits.
//! - `try_state` checks that the funds on hold for bonds equal the registry's bonds, and that
//!   each vendor's KPI ring is ordered and within the current period.

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

/// A vendor as stored.
pub type VendorOf<T> = VendorRecord<
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxProfileLen,
>;

/// The policy as stored.
pub type PolicyOf<T> = Policy<<T as Config>::MaxRequiredCredentials>;

/// A credential as stored.
pub type CredentialOf<T> = Credential<frame_system::pallet_prelude::BlockNumberFor<T>>;

/// What names a listing's currency (the orders pallet's).
pub type CurrencyOf<T> = <<T as Config>::Listings as commerce_primitives::ListingProvider<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>>::CurrencyId;

/// A tender as stored.
pub type TenderOf<T> = Tender<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A bid as stored.
pub type BidOf<T> = Bid<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>;

/// Identifies a tender. Assigned sequentially.
pub type TenderId = u32;

/// One period's KPIs as the runtime API returns them: the counts, the rates, and the verdict
/// of the policy in force (`None` without a policy).
pub type PerformanceOf<T> = (PeriodKpis<BalanceOf<T>>, KpiRates, Option<Verdict>);

/// The longest raw storage key the evaluation sweep resumes from.
pub const MAX_SWEEP_KEY: u32 = 256;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use commerce_primitives::{HoldersOf, ListingId, ListingProvider};
	use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency bonds are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// Approves vendors and manages their credentials and suspensions.
		type VettingOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the penalty policy and the KPI period (a council motion).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The bond a vendor holds while registered.
		#[pallet::constant]
		type Bond: Get<BalanceOf<Self>>;

		/// Where the part of a slash not owed to buyers goes.
		type Treasury: Get<Self::AccountId>;

		/// Blocks between `retire` and the earliest `withdraw_bond`.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The KPI period until genesis or governance sets another.
		#[pallet::constant]
		type DefaultPeriodLength: Get<BlockNumberFor<Self>>;

		/// The shortest KPI period governance may set.
		#[pallet::constant]
		type MinPeriodLength: Get<BlockNumberFor<Self>>;

		/// The longest profile reference, in bytes.
		#[pallet::constant]
		type MaxProfileLen: Get<u32>;

		/// The most credentials a vendor holds.
		#[pallet::constant]
		type MaxCredentials: Get<u32>;

		/// The most credential kinds the policy may require.
		#[pallet::constant]
		type MaxRequiredCredentials: Get<u32>;

		/// How many periods of KPIs each vendor keeps.
		#[pallet::constant]
		type MaxPeriods: Get<u32>;

		/// The most buyers a vendor owes service credits at once. When the list is full, a
		/// buyer with a larger unrecovered loss takes the place of the smallest; the others'
		/// defects still count in the KPIs.
		#[pallet::constant]
		type MaxAffected: Get<u32>;

		/// The smallest order total that counts toward a period's sample (`min_sample`):
		/// dust orders a vendor places with itself cannot make a period judgeable or a cure
		/// proven. (Rates are weighted by value, so such orders cannot dilute them either.)
		#[pallet::constant]
		type MinSampleValue: Get<BalanceOf<Self>>;

		/// The listings tenders replace and create (the orders pallet).
		type Listings: ListingProvider<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The most bids a tender takes.
		#[pallet::constant]
		type MaxBids: Get<u32>;

		/// Every account with funds on hold, for `try_state` (never used in dispatch).
		type Holders: HoldersOf<Self::AccountId, Self::RuntimeHoldReason, BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A registered vendor's bond.
		Bond,
		/// A sealed bid's deposit, until it is revealed.
		TenderDeposit,
	}

	/// The registered vendors.
	#[pallet::storage]
	pub type Vendors<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, VendorOf<T>>;

	/// Each vendor's published X25519 public key, to which buyers seal their delivery
	/// addresses (`orders.place_sealed_order`). Only registered vendors have one (paid for by
	/// the bond); removed with the vendor.
	#[pallet::storage]
	pub type EncryptionKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EncryptionKey>;

	/// Each vendor's credentials.
	#[pallet::storage]
	pub type Credentials<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<CredentialOf<T>, T::MaxCredentials>,
		ValueQuery,
	>;

	/// Each vendor's KPIs, one record per period with orders, oldest first; the last
	/// `MaxPeriods` periods.
	#[pallet::storage]
	pub type Performance<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<PeriodKpis<BalanceOf<T>>, T::MaxPeriods>,
		ValueQuery,
	>;

	/// The buyers owed service credits by each vendor since it was last in good standing,
	/// with their unrecovered loss: buyers whose dispute an arbiter ruled for them in part
	/// (`total - refunded`). A slash pays them pro rata to that loss, at most the loss.
	#[pallet::storage]
	pub type Affected<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(T::AccountId, BalanceOf<T>), T::MaxAffected>,
		ValueQuery,
	>;

	/// The id the next tender gets.
	#[pallet::storage]
	pub type NextTenderId<T> = StorageValue<_, TenderId, ValueQuery>;

	/// The open tenders.
	#[pallet::storage]
	pub type Tenders<T: Config> = StorageMap<_, Twox64Concat, TenderId, TenderOf<T>>;

	/// The open tender of each listing (one at a time).
	#[pallet::storage]
	pub type ListingTenders<T: Config> = StorageMap<_, Twox64Concat, ListingId, TenderId>;

	/// The bids of each open tender, by bidder.
	#[pallet::storage]
	pub type Bids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TenderId, Blake2_128Concat, T::AccountId, BidOf<T>>;

	/// The penalty policy; `None` counts KPIs without judging anyone.
	#[pallet::storage]
	pub type ActivePolicy<T: Config> = StorageValue<_, PolicyOf<T>>;

	/// The KPI period before genesis or governance sets one.
	#[pallet::type_value]
	pub fn DefaultPeriod<T: Config>() -> BlockNumberFor<T> {
		T::DefaultPeriodLength::get()
	}

	/// The length of a KPI period, in blocks.
	#[pallet::storage]
	pub type PeriodLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultPeriod<T>>;

	/// The period now running.
	#[pallet::storage]
	pub type CurrentPeriod<T: Config> = StorageValue<_, PeriodInfo<BlockNumberFor<T>>, ValueQuery>;

	/// The evaluation sweep of the last period: `None` when done; `Some(None)` to start from
	/// the first vendor; `Some(Some(key))` to resume after the vendor stored at `key`.
	#[pallet::storage]
	pub type Sweep<T: Config> = StorageValue<_, Option<BoundedVec<u8, ConstU32<MAX_SWEEP_KEY>>>>;

	/// The registry's state at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Approved vendors and their profiles; each holds the bond from its balance.
		pub vendors: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<u8>)>,
		/// The penalty policy.
		pub policy: Option<PolicyOf<T>>,
		/// The KPI period; `None` keeps `DefaultPeriodLength`.
		pub period_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(length) = self.period_length {
				assert!(length >= T::MinPeriodLength::get(), "genesis period below minimum");
				PeriodLength::<T>::put(length);
			}
			if let Some(policy) = &self.policy {
				assert!(Pallet::<T>::policy_is_valid(policy), "invalid genesis policy");
				ActivePolicy::<T>::put(policy);
			}
			for (who, profile) in &self.vendors {
				let profile =
					BoundedVec::try_from(profile.clone()).expect("genesis vendor profile too long");
				Pallet::<T>::do_apply(who.clone(), profile).expect("genesis vendor bond");
				Pallet::<T>::do_approve(who.clone()).expect("genesis vendor approval");
			}
		}
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A vendor published (`Some`) or withdrew (`None`) its encryption key.
		EncryptionKeySet {
			/// The vendor.
			vendor: T::AccountId,
			/// The X25519 public key buyers seal delivery addresses to now.
			key: Option<EncryptionKey>,
		},
		/// An account applied to sell; its bond is on hold.
		Applied {
			/// The applicant.
			vendor: T::AccountId,
			/// The bond held.
			bond: BalanceOf<T>,
		},
		/// The vetting body approved a vendor: it may list and take orders.
		Approved {
			/// The vendor.
			vendor: T::AccountId,
		},
		/// The vetting body rejected an application; the bond is returned.
		Rejected {
			/// The applicant.
			vendor: T::AccountId,
		},
		/// The vetting body issued (or renewed) a credential.
		CredentialIssued {
			/// The vendor.
			vendor: T::AccountId,
			/// The credential.
			credential: CredentialOf<T>,
		},
		/// The vetting body revoked a credential.
		CredentialRevoked {
			/// The vendor.
			vendor: T::AccountId,
			/// Its kind.
			kind: CredentialKind,
		},
		/// A period of a vendor was evaluated against the policy.
		Evaluated {
			/// The vendor.
			vendor: T::AccountId,
			/// The period.
			period: PeriodIndex,
			/// Its rates.
			rates: KpiRates,
			/// The judgement.
			verdict: Verdict,
		},
		/// A vendor breached the policy: the first rung of the ladder.
		Warned {
			/// The vendor.
			vendor: T::AccountId,
			/// The period that breached.
			period: PeriodIndex,
		},
		/// A vendor is on probation: it keeps selling and has until `ends` to cure.
		ProbationStarted {
			/// The vendor.
			vendor: T::AccountId,
			/// The cure ends with the first period starting at or after this block.
			ends: BlockNumberFor<T>,
		},
		/// A vendor's cure succeeded: it is back in good standing.
		Recovered {
			/// The vendor.
			vendor: T::AccountId,
		},
		/// A buyer of a defective order received part of a slash.
		ServiceCredit {
			/// The vendor slashed.
			vendor: T::AccountId,
			/// The buyer.
			buyer: T::AccountId,
			/// What the buyer received.
			amount: BalanceOf<T>,
		},
		/// A failed cure slashed a vendor's bond.
		Slashed {
			/// The vendor.
			vendor: T::AccountId,
			/// Paid to buyers as service credits.
			to_buyers: BalanceOf<T>,
			/// Paid to the treasury.
			to_treasury: BalanceOf<T>,
			/// The bond left.
			bond: BalanceOf<T>,
		},
		/// A vendor may no longer take new orders; its open orders run to their end.
		Suspended {
			/// The vendor.
			vendor: T::AccountId,
			/// `true` when the policy suspended it, `false` when the vetting body did.
			by_policy: bool,
		},
		/// The vetting body reinstated a suspended vendor.
		Reinstated {
			/// The vendor.
			vendor: T::AccountId,
		},
		/// A vendor started to retire; it takes no new orders.
		Retiring {
			/// The vendor.
			vendor: T::AccountId,
			/// The first block its bond may be withdrawn.
			unbonds_at: BlockNumberFor<T>,
		},
		/// A vendor left the registry; its bond is returned.
		Retired {
			/// The vendor.
			vendor: T::AccountId,
			/// The bond returned.
			bond: BalanceOf<T>,
		},
		/// Governance set (or with `None` cleared) the penalty policy.
		PolicySet {
			/// The new policy.
			policy: Option<PolicyOf<T>>,
		},
		/// Governance set the KPI period length.
		PeriodLengthSet {
			/// Blocks per period.
			length: BlockNumberFor<T>,
		},
		/// A KPI period started; the vendors are evaluated for the one that ended.
		PeriodStarted {
			/// The new period.
			period: PeriodIndex,
		},
		/// A tender opened for the goods of `listing`.
		TenderOpened {
			/// The tender.
			tender: TenderId,
			/// The listing whose goods are tendered.
			listing: ListingId,
			/// The currency of the reference price and of every bid: the listing's.
			currency: CurrencyOf<T>,
			/// The price bids are scored against (the listing's unit price).
			reference_price: BalanceOf<T>,
			/// Units the winner lists.
			quantity: u32,
			/// The longest ship window a bid may promise.
			max_ship_window: BlockNumberFor<T>,
			/// Commitments until before this block.
			commit_end: BlockNumberFor<T>,
			/// Reveals until before this block.
			reveal_end: BlockNumberFor<T>,
		},
		/// A vendor committed a sealed bid; its deposit is on hold.
		BidCommitted {
			/// The tender.
			tender: TenderId,
			/// The bidder.
			bidder: T::AccountId,
		},
		/// A bid was revealed; its deposit is returned.
		BidRevealed {
			/// The tender.
			tender: TenderId,
			/// The bidder.
			bidder: T::AccountId,
			/// The unit price it offers.
			unit_price: BalanceOf<T>,
			/// The ship window it promises.
			ship_window: BlockNumberFor<T>,
		},
		/// A bid never revealed: its deposit went to the treasury.
		BidForfeited {
			/// The tender.
			tender: TenderId,
			/// The bidder.
			bidder: T::AccountId,
			/// The deposit forfeited.
			deposit: BalanceOf<T>,
		},
		/// The best bid won: the winner has a new listing at its bid.
		TenderAwarded {
			/// The tender.
			tender: TenderId,
			/// The winner.
			winner: T::AccountId,
			/// The winner's new listing.
			listing: ListingId,
			/// Its unit price.
			unit_price: BalanceOf<T>,
			/// Its ship window.
			ship_window: BlockNumberFor<T>,
			/// The winning score, in parts per billion of the best possible.
			score: u64,
		},
		/// The tender closed with no valid bid (or no winner able to list); it may be opened
		/// again.
		TenderFailed {
			/// The tender.
			tender: TenderId,
			/// The listing whose goods were tendered.
			listing: ListingId,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is registered already (applied or approved).
		AlreadyRegistered,
		/// The account is not a registered vendor.
		NotRegistered,
		/// The vendor's status does not allow this.
		InvalidStatus,
		/// A vendor on probation cannot retire before its cure ends.
		OnProbation,
		/// The vendor has the most credentials already.
		TooManyCredentials,
		/// The vendor holds no credential of this kind.
		CredentialNotFound,
		/// A credential must expire after the current block.
		CredentialExpired,
		/// The unbonding period has not passed.
		StillUnbonding,
		/// The vendor still has open orders.
		HasOpenOrders,
		/// The vendor was evaluated for every period that ended.
		NothingToEvaluate,
		/// The policy needs `cure_periods` and `failed_cures_to_suspend` of at least 1.
		InvalidPolicy,
		/// The period is shorter than `MinPeriodLength`.
		InvalidPeriod,
		/// No listing has this id.
		ListingNotFound,
		/// The listing has an open tender already.
		TenderAlreadyOpen,
		/// Only the vetting body opens a tender for a listing whose vendor is not suspended.
		VendorNotSuspended,
		/// A tender needs a quantity and a ship window of at least one (a replaced listing's
		/// stock is withdrawn at the award, so it cannot be tendered again).
		InvalidTerms,
		/// No policy is set, so there are no tender rules.
		NoPolicy,
		/// No open tender has this id.
		TenderNotFound,
		/// Commitments are closed for this tender.
		CommitClosed,
		/// The reveal window is not open (too early or too late).
		NotInRevealWindow,
		/// The reveal window has not ended yet.
		TenderNotOver,
		/// Only an active vendor with the required credentials may bid.
		NotAnActiveVendor,
		/// The bidder's latest judged period is below the tender's KPI floor.
		BelowKpiFloor,
		/// The bidder committed a bid to this tender already.
		AlreadyCommitted,
		/// The tender has `MaxBids` bids.
		TooManyBids,
		/// The account has no bid in this tender.
		BidNotFound,
		/// The bid was revealed already.
		AlreadyRevealed,
		/// The revealed terms and salt do not hash to the commitment.
		RevealMismatch,
		/// The revealed bid is outside the tender's terms (a zero price, or a ship window
		/// shorter than a listing may have or longer than the tender's).
		BidOutOfTerms,
		/// An encryption key must not be all zeros (no X25519 public key is).
		InvalidEncryptionKey,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::roll_period(now)
		}

		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep(remaining)
		}

		fn integrity_test() {
			assert!(T::MaxPeriods::get() >= 1, "MaxPeriods must keep at least one period");
			assert!(
				T::MinPeriodLength::get() >= 1u32.into(),
				"MinPeriodLength must be at least a block"
			);
			assert!(
				T::DefaultPeriodLength::get() >= T::MinPeriodLength::get(),
				"DefaultPeriodLength below MinPeriodLength"
			);
			assert!(
				T::AccountId::max_encoded_len() + 48 <= MAX_SWEEP_KEY as usize,
				"a vendor's storage key must fit the sweep cursor"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply to sell: hold the bond and record the profile reference. The vetting body
		/// approves or rejects.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			profile: BoundedVec<u8, T::MaxProfileLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(who, profile)
		}

		/// Approve an application: the vendor may list and take orders.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, vendor: T::AccountId) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_approve(vendor)
		}

		/// Reject an application and return the bond.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(origin: OriginFor<T>, vendor: T::AccountId) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_reject(vendor)
		}

		/// Issue a credential to a vendor, replacing one of the same kind (a renewal).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::issue_credential())]
		pub fn issue_credential(
			origin: OriginFor<T>,
			vendor: T::AccountId,
			credential: CredentialOf<T>,
		) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_issue_credential(vendor, credential)
		}

		/// Revoke a vendor's credential of `kind`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke_credential())]
		pub fn revoke_credential(
			origin: OriginFor<T>,
			vendor: T::AccountId,
			kind: CredentialKind,
		) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_revoke_credential(vendor, kind)
		}

		/// Suspend an active or probationary vendor: no new orders; open ones run on.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, vendor: T::AccountId) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_suspend(vendor)
		}

		/// Reinstate a suspended vendor, in good standing from the current period.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, vendor: T::AccountId) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_reinstate(vendor)
		}

		/// Stop selling and start the unbonding period. An applicant gets its bond back at
		/// once; a vendor on probation must finish its cure first.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::retire())]
		pub fn retire(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire(who)
		}

		/// After the unbonding period, with no open orders: return the bond and leave.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw_bond())]
		pub fn withdraw_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_bond(who)
		}

		/// Evaluate `vendor` for the periods that ended since its last evaluation, when the
		/// `on_idle` sweep has not reached it (full blocks). Anyone may call it.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::evaluate())]
		pub fn evaluate(origin: OriginFor<T>, vendor: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_evaluate(&vendor)
		}

		/// Set the penalty policy, or clear it with `None` (KPIs are still counted).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_policy())]
		pub fn set_policy(origin: OriginFor<T>, policy: Option<PolicyOf<T>>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_policy(policy)
		}

		/// Set the KPI period length. The running period ends once it has lasted `length`
		/// blocks (in the next block if it already has).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_period_length())]
		pub fn set_period_length(
			origin: OriginFor<T>,
			length: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(length >= T::MinPeriodLength::get(), Error::<T>::InvalidPeriod);
			PeriodLength::<T>::put(length);
			Self::deposit_event(Event::PeriodLengthSet { length });
			Ok(())
		}

		/// Open a tender for the goods of `listing`: `quantity` units to be shipped within
		/// `max_ship_window`, under the policy's tender rules. The vetting body may open one for
		/// any listing.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::open_tender())]
		pub fn open_tender(
			origin: OriginFor<T>,
			listing: ListingId,
			quantity: u32,
			max_ship_window: BlockNumberFor<T>,
		) -> DispatchResult {
			T::VettingOrigin::ensure_origin(origin)?;
			Self::do_open_tender(listing, Some((quantity, max_ship_window)), None)
		}

		/// Open the replacement tender of a suspended vendor's listing: its stock, within its
		/// ship window. Anyone may call it (an off-chain service does at `Suspended`), holding
		/// the tender rules' `deposit` until the tender closes (returned then, whatever the
		/// outcome). The award withdraws the listing's stock: a listing is replaced once.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::open_tender())]
		pub fn open_replacement_tender(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_tender(listing, None, Some(who))
		}

		/// Commit a sealed bid: `commitment` is `blake2_256` of the SCALE encoding of
		/// `(tender, bidder, unit_price, ship_window, salt)`. Holds the tender's deposit.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::commit_bid())]
		pub fn commit_bid(
			origin: OriginFor<T>,
			tender: TenderId,
			commitment: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_bid(who, tender, commitment)
		}

		/// Reveal a committed bid in the reveal window; returns the deposit.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::reveal_bid())]
		pub fn reveal_bid(
			origin: OriginFor<T>,
			tender: TenderId,
			unit_price: BalanceOf<T>,
			ship_window: BlockNumberFor<T>,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_bid(who, tender, unit_price, ship_window, salt)
		}

		/// After the reveal window: forfeit unrevealed deposits, award the best revealed bid a
		/// listing, and remove the tender. Anyone may call it. Declared for `MaxBids` bids,
		/// charged for the bids the tender had.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::close_tender(T::MaxBids::get()))]
		pub fn close_tender(origin: OriginFor<T>, tender: TenderId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let bids = Self::do_close_tender(tender)?;
			Ok(Some(T::WeightInfo::close_tender(bids)).into())
		}

		/// Publish (`Some`) or withdraw (`None`) the caller's X25519 public key, to which
		/// buyers seal their delivery addresses. Only a registered vendor. Orders sealed to a
		/// previous key stay sealed to it: keep the old secret until they close. Emits
		/// `EncryptionKeySet`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_encryption_key())]
		pub fn set_encryption_key(
			origin: OriginFor<T>,
			key: Option<EncryptionKey>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_encryption_key(who, key)
		}
	}
}
