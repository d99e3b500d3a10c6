//! Read-only queries for the runtime API.

use crate::{
	ActivePolicy, Config, CurrentPeriod, Pallet, Performance, PerformanceOf, PeriodIndex, TenderId,
	TenderOf, Tenders, VendorOf, Vendors,
};
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// The registry record of `who`.
	pub fn vendor_record(who: &T::AccountId) -> Option<VendorOf<T>> {
		Vendors::<T>::get(who)
	}

	/// The KPIs `who` keeps, oldest first, with each period's rates and how the policy in force
	/// judges them (`None` without a policy).
	pub fn performance_of(who: &T::AccountId) -> Vec<PerformanceOf<T>> {
		let policy = ActivePolicy::<T>::get();
		Performance::<T>::get(who)
			.into_iter()
			.map(|kpis| {
				let rates = kpis.rates();
				let verdict = policy.as_ref().map(|policy| policy.judge(&rates));
				(kpis, rates, verdict)
			})
			.collect()
	}

	/// A page of the open tenders, in storage order, after `start_after`, at most `max`
	/// (capped at 100).
	pub fn open_tenders(start_after: Option<TenderId>, max: u32) -> Vec<(TenderId, TenderOf<T>)> {
		let max = max.min(100) as usize;
		match start_after {
			Some(id) => {
				Tenders::<T>::iter_from(Tenders::<T>::hashed_key_for(id)).take(max).collect()
			},
			None => Tenders::<T>::iter().take(max).collect(),
		}
	}

	/// The period now running.
	pub fn current_period() -> PeriodIndex {
		CurrentPeriod::<T>::get().index
	}
}
