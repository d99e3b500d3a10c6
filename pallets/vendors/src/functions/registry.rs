//! The registry: applications, vetting, suspension, retirement.

use crate::{
	Affected, Config, Credentials, CurrentPeriod, EncryptionKey, EncryptionKeys, Error, Event,
	Pallet, Performance, VendorRecord, VendorStatus, Vendors,
};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
	BoundedVec,
};
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_apply(
		who: T::AccountId,
		profile: BoundedVec<u8, T::MaxProfileLen>,
	) -> DispatchResult {
		ensure!(!Vendors::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		let bond = T::Bond::get();
		T::Currency::hold(&Self::bond_reason(), &who, bond)?;
		Vendors::<T>::insert(
			&who,
			VendorRecord {
				status: VendorStatus::Applied,
				bond,
				profile,
				warned: false,
				failed_cures: 0,
				open_orders: 0,
				next_evaluation: CurrentPeriod::<T>::get().index,
			},
		);
		Self::deposit_event(Event::Applied { vendor: who, bond });
		Ok(())
	}

	pub(crate) fn do_approve(who: T::AccountId) -> DispatchResult {
		let mut vendor = Self::vendor(&who)?;
		ensure!(vendor.status == VendorStatus::Applied, Error::<T>::InvalidStatus);
		vendor.status = VendorStatus::Active;
		vendor.next_evaluation = CurrentPeriod::<T>::get().index;
		Vendors::<T>::insert(&who, vendor);
		Self::deposit_event(Event::Approved { vendor: who });
		Ok(())
	}

	pub(crate) fn do_reject(who: T::AccountId) -> DispatchResult {
		let vendor = Self::vendor(&who)?;
		ensure!(vendor.status == VendorStatus::Applied, Error::<T>::InvalidStatus);
		Self::remove(&who, vendor.bond)?;
		Self::deposit_event(Event::Rejected { vendor: who });
		Ok(())
	}

	pub(crate) fn do_suspend(who: T::AccountId) -> DispatchResult {
		let mut vendor = Self::vendor(&who)?;
		ensure!(
			matches!(vendor.status, VendorStatus::Active | VendorStatus::Probation { .. }),
			Error::<T>::InvalidStatus
		);
		vendor.status = VendorStatus::Suspended;
		Vendors::<T>::insert(&who, vendor);
		Self::deposit_event(Event::Suspended { vendor: who, by_policy: false });
		Ok(())
	}

	pub(crate) fn do_reinstate(who: T::AccountId) -> DispatchResult {
		let mut vendor = Self::vendor(&who)?;
		ensure!(vendor.status == VendorStatus::Suspended, Error::<T>::InvalidStatus);
		vendor.status = VendorStatus::Active;
		vendor.warned = false;
		vendor.failed_cures = 0;
		// The periods it spent suspended are not judged.
		vendor.next_evaluation = CurrentPeriod::<T>::get().index;
		Vendors::<T>::insert(&who, vendor);
		Affected::<T>::remove(&who);
		Self::deposit_event(Event::Reinstated { vendor: who });
		Ok(())
	}

	pub(crate) fn do_retire(who: T::AccountId) -> DispatchResult {
		let mut vendor = Self::vendor(&who)?;
		match vendor.status {
			VendorStatus::Applied => {
				Self::remove(&who, vendor.bond)?;
				Self::deposit_event(Event::Retired { vendor: who, bond: vendor.bond });
				Ok(())
			},
			VendorStatus::Active | VendorStatus::Suspended => {
				let now = frame_system::Pallet::<T>::block_number();
				let unbonds_at = now.saturating_add(T::UnbondingPeriod::get());
				vendor.status = VendorStatus::Retiring { unbonds_at };
				Vendors::<T>::insert(&who, vendor);
				Self::deposit_event(Event::Retiring { vendor: who, unbonds_at });
				Ok(())
			},
			VendorStatus::Probation { .. } => Err(Error::<T>::OnProbation.into()),
			VendorStatus::Retiring { .. } => Err(Error::<T>::InvalidStatus.into()),
		}
	}

	pub(crate) fn do_withdraw_bond(who: T::AccountId) -> DispatchResult {
		let vendor = Self::vendor(&who)?;
		let VendorStatus::Retiring { unbonds_at } = vendor.status else {
			return Err(Error::<T>::InvalidStatus.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() >= unbonds_at,
			Error::<T>::StillUnbonding
		);
		ensure!(vendor.open_orders == 0, Error::<T>::HasOpenOrders);
		Self::remove(&who, vendor.bond)?;
		Self::deposit_event(Event::Retired { vendor: who, bond: vendor.bond });
		Ok(())
	}

	/// Return `bond` and remove everything stored for `who`.
	fn remove(who: &T::AccountId, bond: crate::BalanceOf<T>) -> DispatchResult {
		T::Currency::release(&Self::bond_reason(), who, bond, Precision::Exact)?;
		Vendors::<T>::remove(who);
		Credentials::<T>::remove(who);
		EncryptionKeys::<T>::remove(who);
		Performance::<T>::remove(who);
		Affected::<T>::remove(who);
		Ok(())
	}

	pub(crate) fn do_set_encryption_key(
		who: T::AccountId,
		key: Option<EncryptionKey>,
	) -> DispatchResult {
		Self::vendor(&who)?;
		match key {
			Some(key) => {
				ensure!(key != [0; 32], Error::<T>::InvalidEncryptionKey);
				EncryptionKeys::<T>::insert(&who, key);
			},
			None => EncryptionKeys::<T>::remove(&who),
		}
		Self::deposit_event(Event::EncryptionKeySet { vendor: who, key });
		Ok(())
	}
}
