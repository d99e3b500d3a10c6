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
	use crate::{BalanceOf, Config, Pallet, Sale, Sales, Versions};
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
				Some(Sale {
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
