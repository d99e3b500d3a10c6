//! Storage migrations.

/// Version 1 (the second security review): each sale records what it credited each
/// beneficiary, the most its refunds may claw back.
///
/// `Sales`: a sale of version 0 gets, for each beneficiary of the version it settled by, its
/// share of the sale's shared part, rounded down: what the split credited it (paid, set aside
/// or netted), as escrow always pays by the plan. A sale whose version is gone, or that shared
/// nothing, credits nobody (its refunds claw back nothing). The sales' deposits are kept as
/// held: the record grew, and the few sales inside the refund window at the upgrade keep the
/// deposit they paid until they expire.
pub mod v1 {
	use crate::{BalanceOf, Config, Pallet, Versions};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::{traits::Zero, Saturating};

	/// A sale as version 0 stored it: without `credited`.
	#[derive(Encode, Decode)]
	pub struct OldSale<AccountId, Balance, BlockNumber, Ticket> {
		/// See [`Sale::agreement`].
		pub agreement: crate::AgreementId,
		/// See [`Sale::version`].
		pub version: crate::VersionIndex,
		/// See [`Sale::vendor`].
		pub vendor: AccountId,
		/// See [`Sale::buyer`].
		pub buyer: AccountId,
		/// See [`Sale::amount`].
		pub amount: Balance,
		/// See [`Sale::shared`].
		pub shared: Balance,
		/// See [`Sale::refunded`].
		pub refunded: Balance,
		/// See [`Sale::until`].
		pub until: BlockNumber,
		/// See [`Sale::deposit`].
		pub deposit: Ticket,
	}

	/// A version 0 sale of runtime `T`.
	pub type OldSaleOf<T> = OldSale<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::SaleDeposit,
	>;

	/// A sale as version 1 stores it: `credited` added, in the native token only.
	#[derive(Encode, Decode)]
	pub struct V1Sale<AccountId, Balance, BlockNumber, Ticket, MaxBeneficiaries: Get<u32>> {
		/// See [`crate::Sale::agreement`].
		pub agreement: crate::AgreementId,
		/// See [`crate::Sale::version`].
		pub version: crate::VersionIndex,
		/// See [`crate::Sale::vendor`].
		pub vendor: AccountId,
		/// See [`crate::Sale::buyer`].
		pub buyer: AccountId,
		/// See [`crate::Sale::amount`].
		pub amount: Balance,
		/// See [`crate::Sale::shared`].
		pub shared: Balance,
		/// See [`crate::Sale::credited`].
		pub credited: BoundedVec<Balance, MaxBeneficiaries>,
		/// See [`crate::Sale::refunded`].
		pub refunded: Balance,
		/// See [`crate::Sale::until`].
		pub until: BlockNumber,
		/// See [`crate::Sale::deposit`].
		pub deposit: Ticket,
	}

	/// A version 1 sale of runtime `T`.
	pub type V1SaleOf<T> = V1Sale<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::SaleDeposit,
		<T as Config>::MaxBeneficiaries,
	>;

	/// `Sales` as version 1 stores them.
	pub use alias::Sales;

	// The prefix type `storage_alias` generates has no docs of its own.
	#[allow(missing_docs)]
	mod alias {
		use super::{Config, Pallet, V1SaleOf};

		#[frame_support::storage_alias]
		pub type Sales<T: Config> = StorageMap<
			Pallet<T>,
			frame_support::Twox64Concat,
			commerce_primitives::OrderId,
			V1SaleOf<T>,
		>;
	}

	/// The translation from version 0, without the version check (see [`MigrateToV1`]).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			Sales::<T>::translate::<OldSaleOf<T>, _>(|_, old| {
				reads.saturating_accrue(2);
				writes.saturating_inc();
				let credited = Versions::<T>::get(old.agreement, old.version)
					.map(|version| {
						version
							.terms
							.beneficiaries
							.iter()
							.map(|(_, share)| share.mul_floor(old.shared))
							.collect::<alloc::vec::Vec<_>>()
					})
					.filter(|credits| credits.iter().any(|credit| !credit.is_zero()))
					.unwrap_or_default();
				Some(V1Sale {
					agreement: old.agreement,
					version: old.version,
					vendor: old.vendor,
					buyer: old.buyer,
					amount: old.amount,
					shared: old.shared,
					credited: BoundedVec::truncate_from(credited),
					refunded: old.refunded,
					until: old.until,
					deposit: old.deposit,
				})
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}

	/// Version 0 to 1, run once (the storage version guards it).
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 (payments in stablecoins): profit sharing in every currency.
///
/// Everything stored before was in the native token:
/// - `Agreements`: the running totals split in two: the threshold's `progress` (values in the
///   native token, which were the amounts) stays in the agreement; the money paid out moves to
///   `Payouts` under the native token (no record for an agreement that paid nothing).
/// - `Ledgers`: each `(agreement, beneficiary)` ledger is keyed by the native token too.
/// - `Placements`: `total` and `value` are both zero, which counts an amount as its own value
///   (as the native token does).
/// - `Sales`: in the native token, with `value` equal to `amount`.
///
/// The agreements' deposits are kept as held: the deposit of an agreement made before the
/// upgrade covered one currency, and it returns in full when the agreement closes.
pub mod v2 {
	use super::v1::V1SaleOf;
	use crate::{
		AgreementId, Agreements, BalanceOf, Config, Ending, Ledger, Ledgers, Pallet, Payouts,
		Placement, Placements, Progress, Sale, Sales, Scope, Totals, VersionIndex,
	};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::Saturating;

	/// An agreement's totals as version 1 stored them.
	#[derive(Encode, Decode, Clone, Copy, Default, PartialEq, Eq, Debug)]
	pub struct V1Totals<Balance> {
		/// Released to the vendor's side.
		pub released: Balance,
		/// Refunded by the vendor after release.
		pub refunded: Balance,
		/// Units sold.
		pub units: u64,
		/// Paid to the vendor.
		pub to_vendor: Balance,
		/// Paid to beneficiaries.
		pub to_beneficiaries: Balance,
		/// Set aside, not claimed yet.
		pub claimable: Balance,
	}

	/// An agreement as version 1 stored it.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct V1Agreement<AccountId, Balance, BlockNumber, Ticket> {
		/// See [`crate::Agreement::vendor`].
		pub vendor: AccountId,
		/// See [`crate::Agreement::scope`].
		pub scope: Scope,
		/// See [`crate::Agreement::current`].
		pub current: Option<VersionIndex>,
		/// See [`crate::Agreement::pending`].
		pub pending: Option<VersionIndex>,
		/// See [`crate::Agreement::next_version`].
		pub next_version: VersionIndex,
		/// See [`crate::Agreement::versions`].
		pub versions: u32,
		/// See [`crate::Agreement::ending`].
		pub ending: Option<Ending<BlockNumber>>,
		/// See [`crate::Agreement::open_orders`].
		pub open_orders: u32,
		/// Running totals, in the native token.
		pub totals: V1Totals<Balance>,
		/// See [`crate::Agreement::deposit`].
		pub deposit: Ticket,
	}

	/// A version 1 agreement of runtime `T`.
	pub type V1AgreementOf<T> = V1Agreement<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::AgreementDeposit,
	>;

	/// A placement as version 1 stored it.
	#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
	pub struct V1Placement {
		/// See [`crate::Placement::agreement`].
		pub agreement: AgreementId,
		/// See [`crate::Placement::version`].
		pub version: VersionIndex,
		/// See [`crate::Placement::quantity`].
		pub quantity: u32,
		/// See [`crate::Placement::beneficiaries`].
		pub beneficiaries: u32,
	}

	/// `Ledgers` as version 1 stored them: by agreement and beneficiary.
	pub use alias::Ledgers as V1Ledgers;

	// The prefix type `storage_alias` generates has no docs of its own.
	#[allow(missing_docs)]
	mod alias {
		use super::{AgreementId, BalanceOf, Config, Ledger, Pallet};

		#[frame_support::storage_alias]
		pub type Ledgers<T: Config> = StorageDoubleMap<
			Pallet<T>,
			frame_support::Twox64Concat,
			AgreementId,
			frame_support::Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			Ledger<BalanceOf<T>>,
		>;
	}

	/// The translation from version 1, without the version check (see [`MigrateToV2`]).
	pub struct UncheckedMigrateToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let native = T::NativeCurrency::get();
			let (mut reads, mut writes) = (0u64, 0u64);
			Agreements::<T>::translate::<V1AgreementOf<T>, _>(|id, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				let t = old.totals;
				let totals = Totals {
					released: t.released,
					refunded: t.refunded,
					to_vendor: t.to_vendor,
					to_beneficiaries: t.to_beneficiaries,
					claimable: t.claimable,
				};
				if totals != Totals::default() {
					writes.saturating_inc();
					Payouts::<T>::insert(id, &native, totals);
				}
				Some(crate::Agreement {
					vendor: old.vendor,
					scope: old.scope,
					current: old.current,
					pending: old.pending,
					next_version: old.next_version,
					versions: old.versions,
					ending: old.ending,
					open_orders: old.open_orders,
					progress: Progress {
						released: t.released,
						refunded: t.refunded,
						units: t.units,
					},
					deposit: old.deposit,
				})
			});
			// The new keys extend the old ones under the same prefix: take every old entry
			// out before writing any new one.
			let ledgers: alloc::vec::Vec<_> = V1Ledgers::<T>::drain().collect();
			for (id, who, ledger) in ledgers {
				reads.saturating_inc();
				writes.saturating_accrue(2);
				Ledgers::<T>::insert((id, who, &native), ledger);
			}
			Placements::<T>::translate::<V1Placement, _>(|_, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				Some(Placement {
					agreement: old.agreement,
					version: old.version,
					quantity: old.quantity,
					beneficiaries: old.beneficiaries,
					total: Default::default(),
					value: Default::default(),
				})
			});
			Sales::<T>::translate::<V1SaleOf<T>, _>(|_, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				Some(Sale {
					agreement: old.agreement,
					version: old.version,
					vendor: old.vendor,
					buyer: old.buyer,
					currency: native.clone(),
					amount: old.amount,
					value: old.amount,
					shared: old.shared,
					credited: old.credited,
					refunded: old.refunded,
					until: old.until,
					deposit: old.deposit,
				})
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}

	/// Version 1 to 2, run once (the storage version guards it).
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
