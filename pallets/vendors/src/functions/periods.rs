//! KPI periods and the evaluation sweep.

use crate::{
	Config, CurrentPeriod, Event, Pallet, PeriodInfo, PeriodLength, Sweep, Vendors, WeightInfo,
};
use frame_support::{weights::Weight, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Start a new period when the running one has lasted `PeriodLength`, and start the
	/// evaluation sweep. One read in most blocks.
	pub(crate) fn roll_period(now: BlockNumberFor<T>) -> Weight {
		let current = CurrentPeriod::<T>::get();
		if now < current.start.saturating_add(PeriodLength::<T>::get()) {
			return T::WeightInfo::on_initialize_quiet();
		}
		let index = current.index.saturating_add(1);
		CurrentPeriod::<T>::put(PeriodInfo { index, start: now });
		Sweep::<T>::put(None::<BoundedVec<u8, _>>);
		Self::deposit_event(Event::PeriodStarted { period: index });
		T::WeightInfo::on_initialize_roll()
	}

	/// Evaluate vendors in storage order from where the sweep stopped, while `remaining`
	/// covers one more worst-case step.
	pub(crate) fn sweep(remaining: Weight) -> Weight {
		let base = T::WeightInfo::on_idle_base();
		let step = T::WeightInfo::on_idle_vendor();
		if !remaining.all_gte(base) {
			return Weight::zero();
		}
		let Some(mut cursor) = Sweep::<T>::get() else { return base };
		let mut used = base;
		while remaining.all_gte(used.saturating_add(step)) {
			used.saturating_accrue(step);
			match Self::sweep_step(&cursor) {
				Some(next) => cursor = Some(next),
				None => {
					Sweep::<T>::kill();
					return used;
				},
			}
		}
		Sweep::<T>::put(cursor);
		used
	}

	/// Evaluate the vendor after `cursor` (the first if `None`); return its key, or `None` at
	/// the end of the registry.
	pub(crate) fn sweep_step(cursor: &Option<SweepKey>) -> Option<SweepKey> {
		let vendor = match cursor {
			Some(key) => Vendors::<T>::iter_keys_from(key.to_vec()).next(),
			None => Vendors::<T>::iter_keys().next(),
		}?;
		// `NothingToEvaluate` (someone called `evaluate` already) is fine.
		let _ = Self::do_evaluate(&vendor);
		// Cannot fail (`integrity_test`); ending the sweep is the safe answer if it did.
		BoundedVec::try_from(Vendors::<T>::hashed_key_for(&vendor)).ok()
	}
}

/// A raw storage key the sweep resumes after.
pub(crate) type SweepKey =
	BoundedVec<u8, frame_support::traits::ConstU32<{ crate::MAX_SWEEP_KEY }>>;
