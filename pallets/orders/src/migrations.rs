//! Storage migrations.

/// Version 1 (issue 23, payments in stablecoins): listings and orders record their currency.
///
/// Every listing and order of version 0 was priced and paid in the native token, so each gets
/// [`crate::Config::NativeCurrency`], and each order the value of its total. Their deposits stay as held: the records grew by the
/// currency's few bytes, and only listings and orders made from now on pay for them.
pub mod v1 {
	use crate::{BalanceOf, Config, Listing, Listings, Order, OrderState, Orders, Pallet};
	use codec::{Decode, Encode};
	use commerce_primitives::ListingId;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::Saturating;

	/// A listing as version 0 stored it: without its currency.
	#[derive(Encode, Decode)]
	pub struct OldListing<AccountId, Balance, BlockNumber, MaxMetadataLen: Get<u32>, Ticket> {
		/// See [`Listing::vendor`].
		pub vendor: AccountId,
		/// See [`Listing::unit_price`].
		pub unit_price: Balance,
		/// See [`Listing::stock`].
		pub stock: u32,
		/// See [`Listing::reserved`].
		pub reserved: u32,
		/// See [`Listing::metadata`].
		pub metadata: BoundedVec<u8, MaxMetadataLen>,
		/// See [`Listing::ship_window`].
		pub ship_window: BlockNumber,
		/// See [`Listing::confirm_window`].
		pub confirm_window: BlockNumber,
		/// See [`Listing::deposit`].
		pub deposit: Ticket,
	}

	/// An order as version 0 stored it: without its currency.
	#[derive(Encode, Decode)]
	pub struct OldOrder<AccountId, Balance, BlockNumber, Ticket> {
		/// See [`Order::listing`].
		pub listing: ListingId,
		/// See [`Order::buyer`].
		pub buyer: AccountId,
		/// See [`Order::vendor`].
		pub vendor: AccountId,
		/// See [`Order::quantity`].
		pub quantity: u32,
		/// See [`Order::unit_price`].
		pub unit_price: Balance,
		/// See [`Order::total`].
		pub total: Balance,
		/// See [`Order::refunded`].
		pub refunded: Balance,
		/// See [`Order::state`].
		pub state: OrderState,
		/// See [`Order::deadline`].
		pub deadline: BlockNumber,
		/// See [`Order::confirm_window`].
		pub confirm_window: BlockNumber,
		/// See [`Order::deposit`].
		pub deposit: Ticket,
	}

	/// A version 0 listing of runtime `T`.
	pub type OldListingOf<T> = OldListing<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxMetadataLen,
		<T as Config>::ListingDeposit,
	>;

	/// A version 0 order of runtime `T`.
	pub type OldOrderOf<T> = OldOrder<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		BalanceOf<T>,
	>;

	/// The translation from version 0, without the version check (see [`MigrateToV1`]).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let native = T::NativeCurrency::get();
			let mut count = 0u64;
			Listings::<T>::translate::<OldListingOf<T>, _>(|_, old| {
				count.saturating_inc();
				Some(Listing {
					vendor: old.vendor,
					currency: native.clone(),
					unit_price: old.unit_price,
					stock: old.stock,
					reserved: old.reserved,
					metadata: old.metadata,
					ship_window: old.ship_window,
					confirm_window: old.confirm_window,
					deposit: old.deposit,
				})
			});
			Orders::<T>::translate::<OldOrderOf<T>, _>(|_, old| {
				count.saturating_inc();
				Some(Order {
					listing: old.listing,
					buyer: old.buyer,
					vendor: old.vendor,
					quantity: old.quantity,
					currency: native.clone(),
					unit_price: old.unit_price,
					total: old.total,
					value: old.total,
					refunded: old.refunded,
					state: old.state,
					deadline: old.deadline,
					confirm_window: old.confirm_window,
					deposit: old.deposit,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let listings = Listings::<T>::iter_keys().count() as u64;
			let orders = Orders::<T>::iter_keys().count() as u64;
			Ok((listings, orders).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (listings, orders) =
				<(u64, u64)>::decode(&mut &state[..]).map_err(|_| "pre_upgrade state")?;
			let native = T::NativeCurrency::get();
			frame_support::ensure!(
				Listings::<T>::iter_values().all(|listing| listing.currency == native),
				"a listing not in the native token"
			);
			frame_support::ensure!(
				Orders::<T>::iter_values().all(|order| order.currency == native),
				"an order not in the native token"
			);
			frame_support::ensure!(
				Listings::<T>::iter_keys().count() as u64 == listings
					&& Orders::<T>::iter_keys().count() as u64 == orders,
				"records lost in the migration"
			);
			Pallet::<T>::do_try_state()
		}
	}

	/// The orders pallet's migration to storage version 1, run once when the version on chain
	/// is 0.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 (issue 23, a buyer holding only a stablecoin): an order's deposit is held in the
/// order's currency.
///
/// Orders placed in an asset before held their deposit in the native token. Their deposits are
/// returned to their buyers, and they run to their end with a deposit of zero: the few such
/// orders of the first stablecoin runtime need no new hold from their buyers, and their records
/// are removed when they end like every other. Orders in the native token keep theirs: the
/// record's encoding did not change.
pub mod v2 {
	use crate::{Config, Orders, Pallet};
	use commerce_primitives::currency::CurrencyDeposit;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::traits::Zero;

	/// The translation from version 1, without the version check (see [`MigrateToV2`]).
	pub struct UncheckedMigrateToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let native = T::NativeCurrency::get();
			let (mut reads, mut writes) = (0u64, 0u64);
			for (id, mut order) in Orders::<T>::iter() {
				reads += 1;
				if order.currency == native || order.deposit.is_zero() {
					continue;
				}
				// The hold was made under this pallet's reason in the native token; releasing
				// what was recorded cannot fail unless the records were already wrong.
				if let Err(error) = T::OrderDeposit::release(&order.buyer, &native, order.deposit) {
					log::error!(
						target: "runtime::orders",
						"order {id}: native deposit not returned: {error:?}"
					);
					continue;
				}
				order.deposit = Zero::zero();
				Orders::<T>::insert(id, order);
				writes += 3;
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// The orders pallet's migration to storage version 2, run once when the version on chain
	/// is 1.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
