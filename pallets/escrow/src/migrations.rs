//! Storage migrations.

/// Version 1 (issue 23, payments in stablecoins): each escrow records its currency.
///
/// `Escrows`: every escrow of version 0 was held in the native token, on the buyer's native
/// balance, so it becomes an escrow in [`crate::Config::NativeCurrency`]; the held funds do not
/// move (the native token's holds are where they were, under the same reason).
pub mod v1 {
	use crate::{BalanceOf, Config, EscrowRecord, Escrows, Pallet};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::Saturating;

	/// An escrow as version 0 stored it: without its currency.
	#[derive(Encode, Decode)]
	pub struct OldEscrow<AccountId, Balance> {
		/// See [`EscrowRecord::buyer`].
		pub buyer: AccountId,
		/// See [`EscrowRecord::vendor`].
		pub vendor: AccountId,
		/// See [`EscrowRecord::amount`].
		pub amount: Balance,
	}

	/// A version 0 escrow of runtime `T`.
	pub type OldEscrowOf<T> = OldEscrow<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// The translation from version 0, without the version check (see [`MigrateToV1`]).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let native = T::NativeCurrency::get();
			let mut count = 0u64;
			Escrows::<T>::translate::<OldEscrowOf<T>, _>(|_, old| {
				count.saturating_inc();
				Some(EscrowRecord {
					buyer: old.buyer,
					vendor: old.vendor,
					currency: native.clone(),
					amount: old.amount,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Escrows::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade state")?;
			let native = T::NativeCurrency::get();
			let mut after = 0u64;
			for (_, escrow) in Escrows::<T>::iter() {
				frame_support::ensure!(escrow.currency == native, "an escrow not in CMRC");
				after.saturating_inc();
			}
			frame_support::ensure!(before == after, "escrows lost in the migration");
			Pallet::<T>::do_try_state()
		}
	}

	/// Escrow's migration to storage version 1, run once when the version on chain is 0.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
