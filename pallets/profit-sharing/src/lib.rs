//! # Profit sharing
//!
//! ## Overview
//! A vendor and its suppliers (or a reinvestment account) agree on chain how the revenue of
//! its sales is shared: nothing until sales cross a threshold, then each beneficiary's preset
//! share of every payout, paid by escrow in the same transfer that pays the vendor. This pallet
//! is the escrow's [`commerce_primitives::PayoutSplitter`] and hears of every order through
//! [`commerce_primitives::OrderObserver`], so that an order settles by the version of the
//! agreement in force when it was placed.
//!
//! ## Terminology
//! - **Agreement**: a vendor's, for one listing or for all its listings ([`Scope`]); a
//!   listing's own agreement takes precedence. One live agreement per vendor and scope.
//! - **Version**: the terms (beneficiaries with their shares, and a [`Threshold`]). The vendor
//!   proposes; a version takes effect when every beneficiary accepted it, or when
//!   [`Config::GovernanceOrigin`] imposes it. A change is a new version that needs the same
//!   consent and applies to orders placed after it took effect. At most
//!   [`Config::MaxVersions`] versions per agreement.
//! - **Currency**: an order is paid in the currency of its listing (CMRC or an asset such as a
//!   stablecoin); its payout is split, set aside, refunded and clawed back in that currency, and
//!   each beneficiary's ledger and each agreement's payout totals are kept per currency.
//! - **Value**: what an amount is worth in the native token, at the rate of the moment its
//!   order was placed (the identity for CMRC). Thresholds count values, so that sales in every
//!   currency count toward one threshold and a vendor cannot escape it by changing currency.
//! - **Threshold**: revenue (the value released to the vendor's side, net of refunds after
//!   release) or units sold. The order whose payout crosses it is split only on the part above
//!   it.
//! - **Split**: each beneficiary gets `share × shared part`, rounded down; the vendor gets the
//!   rest of the payout, remainders included, so the payees' amounts add up to the payout to
//!   the planck.
//! - **Claimable**: a share that cannot be deposited (below the currency's minimum balance for
//!   an account that does not exist, or a blocked account) is paid to the pallet's pot and held
//!   there in its currency ([`HoldReason::Unclaimed`]) until it is claimed for its
//!   beneficiary. The pot holds CMRC from genesis; it takes an asset's shares once it holds
//!   that asset's minimum balance (until then escrow keeps such a share claimable for the
//!   beneficiary, as it does any payout it cannot deposit).
//! - **Sale and clawback**: each order paid out under an agreement is kept as a sale for
//!   [`Config::RefundWindow`] blocks, during which its vendor may refund its buyer from its own
//!   funds, in the sale's currency ([`Pallet::refund_sale`]). A sale records what it credited
//!   each beneficiary; a refund takes back the refunded part of that, under the sale's own
//!   version, and never more than that sale credited, whatever other sales or versions paid
//!   since. It is owed back and netted from their future shares in the same currency (never
//!   converted at a rate), never taken from their balances.
//! - **Ending**: the vendor gives [`Config::NoticePeriod`] blocks' notice, or every
//!   beneficiary consents to end now. Orders placed before the end still settle by their
//!   version; once they have all ended, anyone closes the agreement and its deposit returns.
//!
//! ## Interface
//! Vendor: [`Pallet::propose_agreement`], [`Pallet::propose_change`],
//! [`Pallet::withdraw_proposal`], [`Pallet::end_agreement`], [`Pallet::refund_sale`].
//! Beneficiaries: [`Pallet::accept`], [`Pallet::consent_to_end`]. Governance:
//! [`Pallet::impose`]. Anyone: [`Pallet::claim`] (paid to the beneficiary),
//! [`Pallet::close_agreement`].
//!
//! ## Implementation notes
//! - `docs/profit-sharing.md` gives the formulas and a worked example.
//! - An order's agreement and version are recorded when it is placed, read when escrow splits
//!   its payout, and removed when it ends: a split reads the order's record, its agreement,
//!   its version and the ledgers of its beneficiaries, all bounded.
//! - Sales expire in `on_idle` (a `(block, order)` queue), returning their deposits.
//! - `try_state` checks the totals of each agreement and currency against its ledgers, the
//!   claimables against the pot's hold in each currency, the deposits against their holds and
//!   the open-order counts against the order records.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
// Compiled always, so that runtime tests can check the invariants too.
mod invariants;
pub mod migrations;
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
use frame_system::pallet_prelude::BlockNumberFor;

/// The balance type of the pallet's currencies.
pub type BalanceOf<T> = <<T as Config>::Currency as fungibles::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// What names a currency: the native token or an asset.
pub type CurrencyOf<T> = <<T as Config>::Currency as fungibles::Inspect<
	<T as frame_system::Config>::AccountId,
>>::AssetId;

/// Terms as stored and passed to calls.
pub type TermsOf<T> =
	Terms<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxBeneficiaries>;

/// A version as stored.
pub type VersionOf<T> = Version<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxBeneficiaries,
>;

/// An agreement as stored.
pub type AgreementOf<T> = Agreement<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::AgreementDeposit,
>;

/// A sale as stored.
pub type SaleOf<T> = Sale<
	<T as frame_system::Config>::AccountId,
	CurrencyOf<T>,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::SaleDeposit,
	<T as Config>::MaxBeneficiaries,
>;

/// A placement as stored.
pub type PlacementOf<T> = Placement<BalanceOf<T>>;

/// A plan as computed for a payout.
pub type PlanOf<T> = Plan<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// The most payees a split returns: the vendor and every beneficiary.
pub struct MaxPayeesOf<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u32> for MaxPayeesOf<T> {
	fn get() -> u32 {
		T::MaxBeneficiaries::get().saturating_add(1)
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use commerce_primitives::{
		currency::CurrencyHoldersOf, DepositAmount, ListingProvider, OrderId, VendorRegistry,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles::MutateHold, Consideration, Footprint},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Every currency a payout may be in, through one implementation (for the runtime, the
		/// union of the native balances and the assets with their holds). A payout is split,
		/// set aside and refunded in the currency of its order.
		type Currency: fungibles::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The native token's currency: thresholds count in it, and everything stored before
		/// there were other currencies was in it (storage version 1, see
		/// [`crate::migrations`]).
		type NativeCurrency: Get<CurrencyOf<Self>>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// The deposit a vendor holds for an agreement: its record, every version and every
		/// beneficiary's ledger, at their largest.
		type AgreementDeposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Eq;

		/// The deposit a vendor holds for a sale record while it is refundable; taken from the
		/// payout. A vendor that cannot hold it gets no record (that sale is not refundable
		/// here).
		type SaleDeposit: Consideration<Self::AccountId, Footprint>
			+ DepositAmount<BalanceOf<Self>>
			+ MaxEncodedLen
			+ TypeInfo
			+ core::fmt::Debug
			+ Eq;

		/// May impose a proposed version without the beneficiaries' consent (a council motion).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may make agreements (the vendor registry).
		type Vendors: VendorRegistry<Self::AccountId>;

		/// The listings an agreement may cover (the orders pallet).
		type Listings: ListingProvider<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The pot's id: shares that cannot be deposited wait there, on hold, to be claimed.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most beneficiaries of one version (at most 32).
		#[pallet::constant]
		type MaxBeneficiaries: Get<u32>;

		/// The most versions one agreement keeps.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// The most currencies the consortium accepts at once: an agreement's deposit pays for
		/// a ledger per beneficiary and a record of totals in each.
		#[pallet::constant]
		type MaxCurrencies: Get<u32>;

		/// Blocks between a vendor's notice and the end of its agreement.
		#[pallet::constant]
		type NoticePeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after a payout during which its vendor may refund the sale against the
		/// agreement.
		#[pallet::constant]
		type RefundWindow: Get<BlockNumberFor<Self>>;

		/// Every account with funds on hold, per currency, for `try_state` (never used in
		/// dispatch).
		type Holders: CurrencyHoldersOf<
			CurrencyOf<Self>,
			Self::AccountId,
			Self::RuntimeHoldReason,
			BalanceOf<Self>,
		>;

		/// Weights of this pallet's calls, hooks and payout split, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// The currency the benchmarks pay out in: the dearest one the runtime accepts.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkCurrency: commerce_primitives::BenchmarkCurrency<
			Self::AccountId,
			CurrencyOf<Self>,
			BalanceOf<Self>,
		>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Shares set aside in the pot for beneficiaries that could not receive them.
		Unclaimed,
		/// A vendor's deposit for an agreement.
		AgreementDeposit,
		/// A vendor's deposit for a refundable sale record.
		SaleDeposit,
	}

	/// The id the next agreement gets.
	#[pallet::storage]
	pub type NextAgreementId<T> = StorageValue<_, AgreementId, ValueQuery>;

	/// The agreements.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageMap<_, Twox64Concat, AgreementId, AgreementOf<T>>;

	/// Each agreement's versions.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgreementId, Twox64Concat, VersionIndex, VersionOf<T>>;

	/// The live agreement of each vendor and scope.
	#[pallet::storage]
	pub type LiveAgreement<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Scope, AgreementId>;

	/// What each beneficiary has of each agreement, per currency: `(agreement, beneficiary,
	/// currency)`.
	#[pallet::storage]
	pub type Ledgers<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, AgreementId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, CurrencyOf<T>>,
		),
		Ledger<BalanceOf<T>>,
	>;

	/// What each agreement paid out in each currency.
	#[pallet::storage]
	pub type Payouts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AgreementId,
		Blake2_128Concat,
		CurrencyOf<T>,
		Totals<BalanceOf<T>>,
	>;

	/// The agreement and version each open order settles by.
	#[pallet::storage]
	pub type Placements<T: Config> = StorageMap<_, Twox64Concat, OrderId, PlacementOf<T>>;

	/// Orders paid out under an agreement, while they are refundable.
	#[pallet::storage]
	pub type Sales<T: Config> = StorageMap<_, Twox64Concat, OrderId, SaleOf<T>>;

	/// When each sale's refund window ends: `(block, order)`.
	#[pallet::storage]
	pub type SaleExpiries<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, OrderId, ()>;

	/// The first block whose sale expiries are not processed yet.
	#[pallet::storage]
	pub type SaleCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Genesis: the pot is endowed with the existential deposit, so that it can take any
	/// share set aside.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		_config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::endow_pot();
		}
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A vendor proposed an agreement; its deposit is on hold.
		AgreementProposed {
			/// The agreement.
			agreement: AgreementId,
			/// The vendor.
			vendor: T::AccountId,
			/// Which orders it covers.
			scope: Scope,
		},
		/// A version was proposed (the first one, or a change).
		VersionProposed {
			/// The agreement.
			agreement: AgreementId,
			/// The version.
			version: VersionIndex,
			/// Its terms.
			terms: TermsOf<T>,
		},
		/// A beneficiary accepted a proposed version.
		Accepted {
			/// The agreement.
			agreement: AgreementId,
			/// The version.
			version: VersionIndex,
			/// Who accepted.
			beneficiary: T::AccountId,
		},
		/// A version took effect: orders placed from now on settle by it.
		VersionActivated {
			/// The agreement.
			agreement: AgreementId,
			/// The version.
			version: VersionIndex,
			/// `true` when governance imposed it, `false` when every beneficiary accepted.
			imposed: bool,
		},
		/// The vendor withdrew a proposed version.
		ProposalWithdrawn {
			/// The agreement.
			agreement: AgreementId,
			/// The version.
			version: VersionIndex,
		},
		/// The agreement ends at `at`: orders placed from then on are not covered.
		EndScheduled {
			/// The agreement.
			agreement: AgreementId,
			/// The end.
			at: BlockNumberFor<T>,
		},
		/// A beneficiary consented to end the agreement now.
		EndConsented {
			/// The agreement.
			agreement: AgreementId,
			/// Who consented.
			beneficiary: T::AccountId,
		},
		/// An ended agreement with no open orders was removed; its deposit returned.
		AgreementClosed {
			/// The agreement.
			agreement: AgreementId,
		},
		/// An order's payout was split. Amounts are in `currency`.
		Split {
			/// The order.
			order: OrderId,
			/// The agreement.
			agreement: AgreementId,
			/// The version it settled by.
			version: VersionIndex,
			/// The currency of the payout.
			currency: CurrencyOf<T>,
			/// The part of the payout above the threshold.
			shared: BalanceOf<T>,
			/// Paid to the vendor.
			to_vendor: BalanceOf<T>,
			/// Paid to beneficiaries.
			to_beneficiaries: BalanceOf<T>,
			/// Set aside for beneficiaries that could not receive.
			set_aside: BalanceOf<T>,
			/// Netted against clawbacks (included in `to_vendor`).
			netted: BalanceOf<T>,
		},
		/// A set-aside share was claimed.
		Claimed {
			/// The agreement.
			agreement: AgreementId,
			/// Who received it.
			beneficiary: T::AccountId,
			/// Its currency.
			currency: CurrencyOf<T>,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// A vendor refunded a sale after release; the beneficiaries owe back what the refunded
		/// part of the sale credited them (at most what the sale credited), netted from their
		/// future shares.
		SaleRefunded {
			/// The order.
			order: OrderId,
			/// Who was refunded.
			buyer: T::AccountId,
			/// The currency of the sale and of the refund.
			currency: CurrencyOf<T>,
			/// How much.
			amount: BalanceOf<T>,
			/// The part of the sale's shared part this refund takes back; each beneficiary owes
			/// back the same fraction of what the sale credited it.
			clawback: BalanceOf<T>,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// Only active vendors make agreements.
		NotActiveVendor,
		/// The listing does not exist or is not the caller's.
		NotYourListing,
		/// The vendor has a live agreement for this scope already.
		ScopeTaken,
		/// A version needs at least one beneficiary.
		NoBeneficiaries,
		/// An account appears twice among the beneficiaries.
		DuplicateBeneficiary,
		/// The vendor, or the pot, cannot be a beneficiary.
		InvalidBeneficiary,
		/// Every share must be above zero.
		ZeroShare,
		/// The shares add up to more than 100%.
		SharesExceedWhole,
		/// No agreement with this id.
		AgreementNotFound,
		/// The caller is not the agreement's vendor.
		NotVendor,
		/// No such version.
		VersionNotFound,
		/// The version is not the one waiting for consent.
		NotProposed,
		/// The caller is not a beneficiary of the version.
		NotBeneficiary,
		/// The caller accepted (or consented) already.
		AlreadyAccepted,
		/// A version is waiting for consent already; withdraw it first.
		ProposalPending,
		/// No version is waiting for consent.
		NoProposal,
		/// The agreement keeps the most versions already.
		TooManyVersions,
		/// The agreement has no version in force yet.
		NotInForce,
		/// The agreement is ending (or ended): no changes.
		Ending,
		/// The agreement has not ended yet.
		NotEnded,
		/// Orders placed under the agreement are still open.
		OpenOrders,
		/// Nothing is set aside for this beneficiary in this currency.
		NothingToClaim,
		/// The beneficiary still cannot receive the amount (below the currency's minimum
		/// balance for an account that does not exist, or a blocked account).
		CannotReceive,
		/// No refundable sale for this order (never under an agreement, or its window ended).
		SaleNotFound,
		/// The refund window of this sale has ended.
		RefundWindowOver,
		/// A refund must be above zero and at most what was released and not refunded yet.
		InvalidRefund,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::expire_sales(now, remaining)
		}

		fn integrity_test() {
			let max = T::MaxBeneficiaries::get();
			assert!((1..=32).contains(&max), "MaxBeneficiaries must be 1..=32 (consent bitmaps)");
			assert!(T::MaxVersions::get() >= 1, "MaxVersions must be at least 1");
			assert!(T::MaxCurrencies::get() >= 1, "MaxCurrencies must be at least 1");
			assert!(T::RefundWindow::get() >= 1u32.into(), "RefundWindow must be a block or more");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Propose an agreement for `scope` with `terms` as its first version. Only an active
		/// vendor, for a listing of its own or all its listings, with no live agreement for
		/// that scope. Holds the agreement deposit. Emits `AgreementProposed` and
		/// `VersionProposed`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose_agreement(terms.beneficiaries.len() as u32))]
		pub fn propose_agreement(
			origin: OriginFor<T>,
			scope: Scope,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_propose_agreement(vendor, scope, terms)
		}

		/// Propose new terms for an agreement in force. Only its vendor, with no other version
		/// waiting and fewer than `MaxVersions` versions, while it is not ending. Emits
		/// `VersionProposed`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose_change(terms.beneficiaries.len() as u32))]
		pub fn propose_change(
			origin: OriginFor<T>,
			agreement: AgreementId,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_propose_change(vendor, agreement, terms)
		}

		/// Accept the proposed `version`. Only one of its beneficiaries, once. The last
		/// acceptance puts it in force. Emits `Accepted`, and `VersionActivated` with the last.
		#[pallet::call_index(2)]
		pub fn accept(
			origin: OriginFor<T>,
			agreement: AgreementId,
			version: VersionIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, agreement, version)
		}

		/// Put the proposed `version` in force without the beneficiaries' consent. Only
		/// [`Config::GovernanceOrigin`]. Emits `VersionActivated`.
		#[pallet::call_index(3)]
		pub fn impose(
			origin: OriginFor<T>,
			agreement: AgreementId,
			version: VersionIndex,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_impose(agreement, version)
		}

		/// Withdraw the version waiting for consent. Only the vendor. Withdrawing the first
		/// version removes the agreement and returns its deposit. Emits `ProposalWithdrawn`.
		#[pallet::call_index(4)]
		pub fn withdraw_proposal(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_withdraw_proposal(vendor, agreement)
		}

		/// Give notice to end an agreement in force: it ends `NoticePeriod` blocks from now.
		/// Only the vendor, once. Emits `EndScheduled`.
		#[pallet::call_index(5)]
		pub fn end_agreement(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_end_agreement(vendor, agreement)
		}

		/// Consent to end an agreement under notice now. Only a beneficiary of the version in
		/// force, once. When all have, it ends at once. Emits `EndConsented`, and
		/// `EndScheduled` with the last.
		#[pallet::call_index(6)]
		pub fn consent_to_end(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_consent_to_end(who, agreement)
		}

		/// Remove an ended agreement whose orders have all ended, and return its deposit.
		/// Anyone may call. Clawbacks still owed are written off; set-aside shares stay
		/// claimable. Emits `AgreementClosed`.
		#[pallet::call_index(7)]
		pub fn close_agreement(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_agreement(agreement)
		}

		/// Pay `beneficiary` what is set aside for it under `agreement` in `currency`. Anyone
		/// may call; the money goes only to the beneficiary, which must be able to receive it
		/// now. Emits `Claimed`.
		#[pallet::call_index(8)]
		pub fn claim(
			origin: OriginFor<T>,
			agreement: AgreementId,
			beneficiary: T::AccountId,
			currency: CurrencyOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(agreement, beneficiary, currency)
		}

		/// Refund `amount` of a sale to its buyer from the vendor's own funds, in the sale's
		/// currency, within the refund window. Only the sale's vendor; at most what was released for it and not
		/// refunded yet. What the refunded part of the sale credited its beneficiaries (never
		/// more than the sale credited them) is clawed back from their future shares. Emits
		/// `SaleRefunded`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::refund_sale(T::MaxBeneficiaries::get()))]
		pub fn refund_sale(
			origin: OriginFor<T>,
			order: OrderId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let vendor = ensure_signed(origin)?;
			Self::do_refund_sale(vendor, order, amount)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pot where shares that cannot be deposited wait for their claim.
		pub fn pot() -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_account_truncating()
		}

		/// The storage an agreement's deposit pays for: its record, `MaxVersions` versions, a
		/// ledger per beneficiary of each in each of `MaxCurrencies` currencies and the totals
		/// of each currency, at their largest.
		pub fn agreement_footprint() -> Footprint {
			let versions = T::MaxVersions::get() as usize;
			let currencies = T::MaxCurrencies::get() as usize;
			let ledgers = versions
				.saturating_mul(T::MaxBeneficiaries::get() as usize)
				.saturating_mul(currencies);
			let currency = CurrencyOf::<T>::max_encoded_len().saturating_add(16);
			let bytes = AgreementOf::<T>::max_encoded_len()
				.saturating_add(versions.saturating_mul(VersionOf::<T>::max_encoded_len()))
				.saturating_add(
					ledgers.saturating_mul(
						Ledger::<BalanceOf<T>>::max_encoded_len()
							.saturating_add(48)
							.saturating_add(currency),
					),
				)
				.saturating_add(currencies.saturating_mul(
					Totals::<BalanceOf<T>>::max_encoded_len().saturating_add(currency),
				));
			Footprint::from_parts(
				1usize.saturating_add(versions).saturating_add(ledgers).saturating_add(currencies),
				bytes,
			)
		}

		/// The storage a sale record's deposit pays for.
		pub fn sale_footprint() -> Footprint {
			Footprint::from_parts(2, SaleOf::<T>::max_encoded_len())
		}
	}
}
