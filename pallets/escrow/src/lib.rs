//! # Escrow
//!
//! ## Overview
//! Holds each order's payment on the buyer's account, under this pallet's hold reason, from the
//! moment the order is placed until it ends; then pays it out exactly once: released to the
//! vendor less the marketplace fee, refunded to the buyer, or split between them. An escrow is
//! in one currency, the order's: the native token or an asset (a stablecoin), all moved through
//! one `fungibles` implementation ([`Config::Currency`]); every part of its payout is paid in
//! that currency. Buyers and
//! vendors may dispute a shipped order; the consortium's arbitration rules the split, and a
//! fallback split applies if nobody rules in time.
//!
//! ## Terminology
//! - **Escrow**: the record of one order's held payment (buyer, vendor, currency, amount).
//! - **Currency**: what an escrow is held and paid in, a [`CurrencyOf`] (for the runtime,
//!   `NativeOrWithId<AssetId>`: the native token or an asset of `pallet_assets`).
//! - **Marketplace fee**: a share of every amount paid to a vendor, paid to the fee account.
//!   Changed only by [`Config::GovernanceOrigin`], never above [`Config::MaxFee`].
//! - **Settlement**: the single payout of an escrow: `to_buyer` released back to the buyer, the
//!   rest paid to the vendor's payees (see [`commerce_primitives::PayoutSplitter`]) less the fee.
//! - **Dispute**: opened by the buyer or the vendor with an evidence hash while the order is
//!   shipped or delivered and its confirm window is open. Ruled by
//!   [`Config::ArbitrationOrigin`]: a council motion, or an individual arbiter who is not a
//!   party to the order.
//! - **Fallback**: with no ruling by the dispute's `rule_by` block, the buyer receives
//!   [`Config::FallbackBuyerShare`] of the escrow and the vendor the rest.
//! - **Unclaimed payout**: a payee's share that could not be deposited at settlement, kept on
//!   hold for the payee (see the implementation notes).
//!
//! ## Interface
//! Governance: [`Pallet::set_fee`]. Parties: [`Pallet::open_dispute`],
//! [`Pallet::submit_evidence`]. Arbitration: [`Pallet::rule`]. Anyone:
//! [`Pallet::resolve_overdue_dispute`], [`Pallet::claim_payout`], [`Pallet::forfeit_payout`]. The orders pallet uses the
//! [`commerce_primitives::Escrow`] implementation to hold, release and settle.
//!
//! ## Implementation notes
//! - An escrow is removed by its settlement, so a second refund or a release after a refund
//!   finds nothing (`EscrowNotFound`) and moves no money.
//! - A share that cannot be deposited (a payee whose account would stay below the currency's
//!   minimum balance, or who is blocked or frozen in the asset; the fee account likewise) never
//!   fails the settlement, so an order's timeout can always complete, and is never lost: it
//!   stays on hold on the buyer's account as an [`UnclaimedPayout`] of the payee
//!   ([`Event::PayoutUnclaimed`]). Anyone may [`Pallet::claim_payout`] it for the payee once the
//!   payee can receive it; after [`Config::ClaimWindow`] anyone may [`Pallet::forfeit_payout`]
//!   it to the fee account (the consortium's, which governance spends), or back to the buyer
//!   when the fee account cannot take it or is the payee. Profit sharing counts what escrow paid
//!   at settlement (see `PayoutSplitter::paid`): a payout claimed later is paid in full but not
//!   booked to the agreement.
//! - A vendor's partial refund ([`commerce_primitives::Escrow::refund`]) only returns money to
//!   the buyer; the rest stays escrowed under the same order, which still ends by confirmation,
//!   attestation and timeout, or by a dispute.
//! - Payouts move held funds with `Fortitude::Force`: a payout never depends on the buyer's
//!   other locks or freezes.
//! - Ruling deadlines are entries keyed by `(block, order)` ([`commerce_primitives::deadlines`]),
//!   removed when the dispute is ruled: no per-block capacity that someone could fill to stop
//!   another party's dispute.
//! - `try_state` checks, per currency, that every account with funds on hold under this
//!   pallet's reason holds exactly the sum of its escrows and unclaimed payouts in that currency
//!   (and every escrow's buyer holds them), and that every dispute belongs to an escrow and has its ruling deadline
//!   queued.

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

/// What the benchmarks need from the runtime: orders live in another pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, CurrencyId, Balance>:
	commerce_primitives::BenchmarkCurrency<AccountId, CurrencyId, Balance>
{
	/// Create an order of `amount` of `currency` from `buyer` to `vendor` (both funded by the
	/// helper), held in this pallet's escrow and in a state where either party may dispute it
	/// now. Returns its id.
	fn disputable_order(
		buyer: &AccountId,
		vendor: &AccountId,
		currency: CurrencyId,
		amount: Balance,
	) -> commerce_primitives::OrderId;
}
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

/// An escrow as stored.
pub type EscrowOf<T> =
	EscrowRecord<<T as frame_system::Config>::AccountId, CurrencyOf<T>, BalanceOf<T>>;

/// An unclaimed payout as stored.
pub type UnclaimedOf<T> = UnclaimedPayout<
	<T as frame_system::Config>::AccountId,
	CurrencyOf<T>,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A dispute as stored.
pub type DisputeOf<T> = Dispute<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use commerce_primitives::{
		currency::CurrencyHoldersOf, OrderDisputes, OrderId, PayoutSplitter,
	};
	use frame_support::{pallet_prelude::*, traits::fungibles::MutateHold};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Every currency an escrow may be in, held and paid through one implementation (for
		/// the runtime, the union of the native balances and the assets with their holds).
		type Currency: fungibles::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The native token's currency: the currency of escrows stored before there were
		/// others (storage version 0, see [`crate::migrations`]).
		type NativeCurrency: Get<CurrencyOf<Self>>;

		/// The runtime's hold reasons, of which this pallet's are part.
		type RuntimeHoldReason: From<HoldReason> + PartialEq;

		/// The orders pallet, which opens and ends disputed orders.
		type Orders: OrderDisputes<Self::AccountId, BalanceOf<Self>>;

		/// Who receives what a vendor is paid.
		type PayoutSplitter: PayoutSplitter<Self::AccountId, CurrencyOf<Self>, BalanceOf<Self>>;

		/// The account the marketplace fee is paid to.
		type FeeAccount: Get<Self::AccountId>;

		/// The highest marketplace fee governance may set.
		#[pallet::constant]
		type MaxFee: Get<Perbill>;

		/// The origin that sets the marketplace fee (a council motion).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that rules disputes: `None` for a collective body (the council), `Some`
		/// for an individual arbiter, who must not be a party to the order.
		type ArbitrationOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Option<Self::AccountId>>;

		/// Blocks the arbitration has to rule a dispute.
		#[pallet::constant]
		type RulingWindow: Get<BlockNumberFor<Self>>;

		/// The buyer's share of a disputed escrow when no ruling came in time.
		#[pallet::constant]
		type FallbackBuyerShare: Get<Perbill>;

		/// Blocks a payee has to claim a payout that could not be deposited at settlement,
		/// before anyone may forfeit it.
		#[pallet::constant]
		type ClaimWindow: Get<BlockNumberFor<Self>>;

		/// Every account with funds on hold, per currency, for `try_state` (never used in
		/// dispatch).
		type Holders: CurrencyHoldersOf<
			CurrencyOf<Self>,
			Self::AccountId,
			Self::RuntimeHoldReason,
			BalanceOf<Self>,
		>;

		/// Weights of this pallet's calls and hooks, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Creates the disputable orders the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, CurrencyOf<Self>, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An order's payment, until the order ends.
		Escrow,
	}

	/// The open escrows, by order.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, OrderId, EscrowOf<T>>;

	/// The marketplace fee: the share of each vendor payout paid to the fee account.
	#[pallet::storage]
	pub type MarketplaceFee<T> = StorageValue<_, Perbill, ValueQuery>;

	/// The open disputes, by order.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, OrderId, DisputeOf<T>>;

	/// The ruling deadlines: `(block, order)` for each open dispute whose fallback applies at
	/// that block. Removed when the dispute is settled.
	#[pallet::storage]
	pub type RulingDeadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, OrderId, ()>;

	/// The payouts that could not be deposited at settlement, by order and payee: at most one
	/// per payee of the order's split (and the fee account), each removed when claimed or
	/// forfeited. Their funds stay on hold on the buyer's account.
	#[pallet::storage]
	pub type Unclaimed<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrderId, Blake2_128Concat, T::AccountId, UnclaimedOf<T>>;

	/// The first block whose ruling deadlines are not all processed.
	#[pallet::storage]
	pub type RulingCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The marketplace fee at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial marketplace fee; at most `MaxFee`.
		pub fee: Perbill,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(self.fee <= T::MaxFee::get(), "genesis marketplace fee above MaxFee");
			MarketplaceFee::<T>::put(self.fee);
		}
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An order's payment was put on hold.
		Held {
			/// The order.
			order: OrderId,
			/// Whose funds are held.
			buyer: T::AccountId,
			/// Who is paid on release.
			vendor: T::AccountId,
			/// The currency held, and paid out.
			currency: CurrencyOf<T>,
			/// The amount held.
			amount: BalanceOf<T>,
		},
		/// An order's escrow was paid out and closed.
		Settled {
			/// The order.
			order: OrderId,
			/// The currency of every amount here.
			currency: CurrencyOf<T>,
			/// Returned to the buyer.
			to_buyer: BalanceOf<T>,
			/// Paid to the vendor's payees, after the fee.
			to_vendor: BalanceOf<T>,
			/// Paid to the fee account.
			fee: BalanceOf<T>,
			/// Kept on hold for payees (or the fee account) that could not receive it: see
			/// `PayoutUnclaimed`.
			unclaimed: BalanceOf<T>,
		},
		/// A payee could not receive its payout at settlement; it stays on hold on the buyer's
		/// account for the payee to claim.
		PayoutUnclaimed {
			/// The order.
			order: OrderId,
			/// Who is owed it.
			payee: T::AccountId,
			/// Its currency.
			currency: CurrencyOf<T>,
			/// The amount.
			amount: BalanceOf<T>,
			/// From this block on it may be forfeited.
			expires: BlockNumberFor<T>,
		},
		/// An unclaimed payout was paid to its payee.
		PayoutClaimed {
			/// The order.
			order: OrderId,
			/// Who received it.
			payee: T::AccountId,
			/// Its currency.
			currency: CurrencyOf<T>,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// An unclaimed payout expired and went to `to`: the fee account, or the buyer.
		PayoutForfeited {
			/// The order.
			order: OrderId,
			/// Who was owed it.
			payee: T::AccountId,
			/// Who received it.
			to: T::AccountId,
			/// Its currency.
			currency: CurrencyOf<T>,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// The vendor returned part of an order's escrow to the buyer; the rest stays escrowed.
		PartiallyRefunded {
			/// The order.
			order: OrderId,
			/// The currency of both amounts.
			currency: CurrencyOf<T>,
			/// Returned to the buyer now.
			amount: BalanceOf<T>,
			/// Still in escrow.
			remaining: BalanceOf<T>,
		},
		/// Governance changed the marketplace fee.
		FeeSet {
			/// The new fee.
			fee: Perbill,
		},
		/// A party disputed an order.
		DisputeOpened {
			/// The order.
			order: OrderId,
			/// The party.
			by: T::AccountId,
			/// The party's evidence.
			evidence: Evidence,
			/// The fallback applies if there is no ruling by this block.
			rule_by: BlockNumberFor<T>,
		},
		/// A party submitted evidence to an open dispute.
		EvidenceSubmitted {
			/// The order.
			order: OrderId,
			/// The party.
			by: T::AccountId,
			/// The evidence.
			evidence: Evidence,
		},
		/// The arbitration ruled a dispute; `Settled` follows with the amounts paid.
		DisputeRuled {
			/// The order.
			order: OrderId,
			/// The individual arbiter, or `None` for a collective ruling.
			arbiter: Option<T::AccountId>,
			/// The part of the escrow returned to the buyer.
			to_buyer: BalanceOf<T>,
		},
		/// No ruling came in time; the fallback split applied. `Settled` follows.
		DisputeFallbackApplied {
			/// The order.
			order: OrderId,
			/// The part of the escrow returned to the buyer.
			to_buyer: BalanceOf<T>,
		},
	}

	/// Errors of the pallet. A failing call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The order has no open escrow (it was never placed, or has already been paid out).
		EscrowNotFound,
		/// The order already has an escrow.
		AlreadyEscrowed,
		/// An escrow must hold more than zero.
		ZeroAmount,
		/// The buyer's free balance cannot cover the payment.
		InsufficientBalance,
		/// The buyer's share is larger than the escrow.
		InvalidSplit,
		/// The fee is above `MaxFee`.
		FeeTooHigh,
		/// The order has no open dispute.
		DisputeNotFound,
		/// The order is already disputed.
		AlreadyDisputed,
		/// Only the order's buyer or vendor may do this.
		NotAParty,
		/// A party to the order cannot arbitrate its dispute.
		PartyCannotArbitrate,
		/// The dispute's ruling deadline has not passed yet.
		NotOverdue,
		/// A partial refund must be above zero and below the escrowed amount.
		InvalidRefund,
		/// Nothing is unclaimed for this payee of this order.
		NothingToClaim,
		/// The payee still cannot receive the payout (no account and below the minimum
		/// balance, or blocked or frozen in the asset).
		CannotReceive,
		/// The payout's claim window is still open.
		ClaimWindowOpen,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::process_ruling_deadlines(now, remaining)
		}

		fn integrity_test() {
			assert!(T::RulingWindow::get() >= 1u32.into(), "RulingWindow must be at least a block");
			assert!(T::ClaimWindow::get() >= 1u32.into(), "ClaimWindow must be at least a block");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Set the marketplace fee. Only [`Config::GovernanceOrigin`]; at most `MaxFee`.
		/// Applies to payouts from now on. Emits `FeeSet`.
		#[pallet::call_index(0)]
		pub fn set_fee(origin: OriginFor<T>, fee: Perbill) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_fee(fee)
		}

		/// Dispute `order` with `evidence`. Only its buyer or vendor, while it is shipped or
		/// delivered and its confirm window is open. Emits `DisputeOpened`.
		#[pallet::call_index(1)]
		pub fn open_dispute(
			origin: OriginFor<T>,
			order: OrderId,
			evidence: Evidence,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_dispute(who, order, evidence)
		}

		/// Add or replace the caller's evidence in an open dispute. Only a party. Emits
		/// `EvidenceSubmitted`.
		#[pallet::call_index(2)]
		pub fn submit_evidence(
			origin: OriginFor<T>,
			order: OrderId,
			evidence: Evidence,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_evidence(who, order, evidence)
		}

		/// Rule a dispute: `to_buyer` of the escrow goes back to the buyer, the rest to the
		/// vendor (less the fee). Only [`Config::ArbitrationOrigin`]; an individual arbiter
		/// must not be a party. Emits `DisputeRuled` and `Settled`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rule().saturating_add(T::PayoutSplitter::weight()))]
		pub fn rule(
			origin: OriginFor<T>,
			order: OrderId,
			to_buyer: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let arbiter = T::ArbitrationOrigin::ensure_origin(origin)?;
			let charged = T::WeightInfo::rule().saturating_add(T::PayoutSplitter::weight_of(order));
			Self::do_rule(arbiter, order, to_buyer)?;
			Ok(Some(charged).into())
		}

		/// Apply the fallback split to a dispute whose ruling deadline has passed. Anyone may
		/// call this; `on_idle` does it when blocks leave room. Emits
		/// `DisputeFallbackApplied` and `Settled`.
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::resolve_overdue_dispute().saturating_add(T::PayoutSplitter::weight())
		)]
		pub fn resolve_overdue_dispute(
			origin: OriginFor<T>,
			order: OrderId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let charged = T::WeightInfo::resolve_overdue_dispute()
				.saturating_add(T::PayoutSplitter::weight_of(order));
			Self::do_resolve_overdue_dispute(order)?;
			Ok(Some(charged).into())
		}

		/// Pay `payee` its unclaimed payout of `order`, now that it can receive it. Anyone may
		/// call this; the money goes to the payee only. Fails with `CannotReceive`, changing
		/// nothing, while the payee still cannot. Emits `PayoutClaimed`.
		#[pallet::call_index(5)]
		pub fn claim_payout(
			origin: OriginFor<T>,
			order: OrderId,
			payee: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_payout(order, payee)
		}

		/// Forfeit `payee`'s unclaimed payout of `order` once its claim window has passed: to
		/// the fee account, or back to the buyer when the fee account cannot take it or is the
		/// payee. Anyone may call this. Emits `PayoutForfeited`.
		#[pallet::call_index(6)]
		pub fn forfeit_payout(
			origin: OriginFor<T>,
			order: OrderId,
			payee: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_forfeit_payout(order, payee)
		}
	}
}
