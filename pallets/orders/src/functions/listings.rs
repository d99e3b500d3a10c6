//! Listings: create, update, delist.

use crate::{BalanceOf, Config, Error, Event, Listing, Listings, NextListingId, Pallet};
use alloc::vec::Vec;
use commerce_primitives::{AcceptedCurrencies, ListingId, VendorRegistry};
use frame_support::{
	ensure,
	traits::{Consideration, Get},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Zero},
	DispatchError, DispatchResult,
};

/// Listings for the vendors pallet's replacement tenders.
impl<T: Config> commerce_primitives::ListingProvider<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>
	for Pallet<T>
{
	type CurrencyId = T::CurrencyId;

	fn terms(
		listing: ListingId,
	) -> Option<
		commerce_primitives::ListingTerms<
			T::AccountId,
			T::CurrencyId,
			BalanceOf<T>,
			BlockNumberFor<T>,
		>,
	> {
		Listings::<T>::get(listing).map(|l| commerce_primitives::ListingTerms {
			vendor: l.vendor,
			currency: l.currency,
			unit_price: l.unit_price,
			stock: l.stock,
			ship_window: l.ship_window,
		})
	}

	fn min_ship_window() -> BlockNumberFor<T> {
		T::MinShipWindow::get()
	}

	fn list_like(
		template: ListingId,
		vendor: &T::AccountId,
		unit_price: BalanceOf<T>,
		stock: u32,
		ship_window: BlockNumberFor<T>,
	) -> Result<ListingId, DispatchError> {
		let template = Listings::<T>::get(template).ok_or(Error::<T>::ListingNotFound)?;
		frame_support::storage::with_storage_layer(|| {
			// The replacement is priced in the replaced listing's currency.
			Self::do_create_listing(
				vendor.clone(),
				template.currency,
				unit_price,
				stock,
				template.metadata.to_vec(),
				ship_window,
				template.confirm_window,
			)
		})
	}

	fn withdraw_stock(listing: ListingId) {
		Listings::<T>::mutate_extant(listing, |l| {
			l.stock = 0;
			Self::deposit_event(Event::ListingUpdated {
				listing,
				unit_price: l.unit_price,
				stock: 0,
			});
		});
	}

	fn add_stock(listing: ListingId, units: u32) -> DispatchResult {
		Listings::<T>::try_mutate(listing, |entry| {
			let l = entry.as_mut().ok_or(Error::<T>::ListingNotFound)?;
			l.stock = l.stock.checked_add(units).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::ListingUpdated {
				listing,
				unit_price: l.unit_price,
				stock: l.stock,
			});
			Ok(())
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_listing(vendor: &T::AccountId) -> ListingId {
		use sp_runtime::traits::Saturating;
		let window = T::MinShipWindow::get().max(One::one());
		let metadata = alloc::vec![0u8; T::MaxMetadataLen::get() as usize];
		let price = <T::Currency as frame_support::traits::fungible::Inspect<_>>::minimum_balance()
			.saturating_mul(100u32.into())
			.max(One::one());
		Self::do_create_listing(
			vendor.clone(),
			T::NativeCurrency::get(),
			price,
			10,
			metadata,
			window,
			window,
		)
		.expect("an active, funded vendor lists")
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_listing(
		vendor: T::AccountId,
		currency: T::CurrencyId,
		unit_price: BalanceOf<T>,
		stock: u32,
		metadata: Vec<u8>,
		ship_window: BlockNumberFor<T>,
		confirm_window: BlockNumberFor<T>,
	) -> Result<ListingId, DispatchError> {
		ensure!(T::VendorRegistry::is_active_vendor(&vendor), Error::<T>::NotAVendor);
		ensure!(!unit_price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(T::Currencies::is_accepted(&currency), Error::<T>::CurrencyNotAccepted);
		let metadata: BoundedVec<u8, T::MaxMetadataLen> =
			metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
		Self::ensure_window(ship_window, T::MinShipWindow::get())?;
		// Any confirm window up to the maximum: orders get at least `MinConfirmWindow`.
		Self::ensure_window(confirm_window, One::one())?;
		let id = NextListingId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let deposit = T::ListingDeposit::new(&vendor, Self::listing_footprint(metadata.len()))?;
		NextListingId::<T>::put(next);
		Listings::<T>::insert(
			id,
			Listing {
				vendor: vendor.clone(),
				currency: currency.clone(),
				unit_price,
				stock,
				reserved: 0,
				metadata: metadata.clone(),
				ship_window,
				confirm_window,
				deposit,
			},
		);
		Self::deposit_event(Event::ListingCreated {
			listing: id,
			vendor,
			currency,
			unit_price,
			stock,
			metadata,
			ship_window,
			confirm_window,
		});
		Ok(id)
	}

	pub(crate) fn do_update_listing(
		who: T::AccountId,
		id: ListingId,
		unit_price: Option<BalanceOf<T>>,
		stock: Option<u32>,
	) -> DispatchResult {
		ensure!(unit_price.is_some() || stock.is_some(), Error::<T>::NothingToUpdate);
		let mut listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.vendor == who, Error::<T>::NotTheVendor);
		ensure!(T::VendorRegistry::may_change_listing(&who, id), Error::<T>::ListingFrozen);
		if let Some(price) = unit_price {
			ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
			listing.unit_price = price;
		}
		if let Some(stock) = stock {
			listing.stock = stock;
		}
		Self::deposit_event(Event::ListingUpdated {
			listing: id,
			unit_price: listing.unit_price,
			stock: listing.stock,
		});
		Listings::<T>::insert(id, listing);
		Ok(())
	}

	pub(crate) fn do_delist(who: T::AccountId, id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.vendor == who, Error::<T>::NotTheVendor);
		ensure!(T::VendorRegistry::may_change_listing(&who, id), Error::<T>::ListingFrozen);
		ensure!(listing.reserved == 0, Error::<T>::ListingHasOpenOrders);
		listing.deposit.drop(&who)?;
		Listings::<T>::remove(id);
		Self::deposit_event(Event::ListingRemoved { listing: id, vendor: who });
		Ok(())
	}
}
