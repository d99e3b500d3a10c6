//! The logic behind the calls and hooks, one file per concern.

mod credentials;
mod kpis;
mod ladder;
mod periods;
mod queries;
mod registry;
mod tenders;

use crate::{Config, Error, HoldReason, VendorOf, Vendors};
use sp_runtime::DispatchError;

impl<T: Config> crate::Pallet<T> {
	/// The registered vendor `who`, or `NotRegistered`.
	pub(crate) fn vendor(who: &T::AccountId) -> Result<VendorOf<T>, DispatchError> {
		Vendors::<T>::get(who).ok_or_else(|| Error::<T>::NotRegistered.into())
	}

	/// The hold reason of bonds, as the runtime knows it.
	pub(crate) fn bond_reason() -> T::RuntimeHoldReason {
		HoldReason::Bond.into()
	}
}
