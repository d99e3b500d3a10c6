//! Periods rolling, the `on_idle` sweep resuming within its budget, `set_period_length`.

use super::*;
use crate::{CurrentPeriod, Error, PeriodInfo, PeriodLength, Sweep, Verdict};
use frame_support::traits::Hooks;

fn roll_to(block: u64) {
	for b in System::block_number() + 1..=block {
		System::set_block_number(b);
		Vendors::on_initialize(b);
	}
}

#[test]
fn a_period_starts_every_period_length_blocks() {
	run(|| {
		roll_to(PERIOD - 1);
		assert_eq!(CurrentPeriod::<Test>::get(), PeriodInfo { index: 0, start: 0 });
		roll_to(PERIOD);
		assert_eq!(CurrentPeriod::<Test>::get(), PeriodInfo { index: 1, start: PERIOD });
		assert_eq!(last_event(), Event::PeriodStarted { period: 1 });
		assert_eq!(Sweep::<Test>::get(), Some(None));
	});
}

#[test]
fn the_sweep_evaluates_as_many_vendors_as_the_weight_allows_and_resumes() {
	run(|| {
		missed(VENDOR, BUYER, 4, 10);
		missed(VENDOR2, BUYER, 4, 10);
		roll_to(PERIOD);
		// Room for the base and one vendor only.
		let used = Vendors::on_idle(PERIOD, SWEEP_BASE + SWEEP_PER_VENDOR);
		assert_eq!(used, SWEEP_BASE + SWEEP_PER_VENDOR);
		let judged = |who| verdicts(who).len();
		assert_eq!(judged(VENDOR) + judged(VENDOR2), 1);
		assert!(Sweep::<Test>::get().is_some());
		// Too little for a vendor: nothing but the base.
		assert_eq!(Vendors::on_idle(PERIOD, SWEEP_BASE), SWEEP_BASE);
		// The next block goes on with the other vendor and finds the end.
		Vendors::on_idle(PERIOD + 1, SWEEP_BASE + SWEEP_PER_VENDOR * 10);
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached)]);
		assert_eq!(verdicts(VENDOR2), vec![(0, Verdict::Breached)]);
		assert_eq!(Sweep::<Test>::get(), None);
		// Without a sweep, `on_idle` costs its base only.
		assert_eq!(Vendors::on_idle(PERIOD + 2, frame_support::weights::Weight::MAX), SWEEP_BASE);
	});
}

#[test]
fn governance_sets_the_period_length() {
	run(|| {
		assert_noop!(
			Vendors::set_period_length(signed(VENDOR), 5),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Vendors::set_period_length(signed(GOVERNANCE), 1),
			Error::<Test>::InvalidPeriod
		);
		assert_ok!(Vendors::set_period_length(signed(GOVERNANCE), 5));
		assert_eq!(PeriodLength::<Test>::get(), 5);
		assert_eq!(last_event(), Event::PeriodLengthSet { length: 5 });
		roll_to(5);
		assert_eq!(CurrentPeriod::<Test>::get(), PeriodInfo { index: 1, start: 5 });
	});
}
