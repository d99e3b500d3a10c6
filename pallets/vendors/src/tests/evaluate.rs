//! The penalty ladder: warning, probation, slash, suspension, recovery; `evaluate` by anyone.

use super::*;
use crate::{Affected, Error, Verdict};

/// The block period `p` starts at (periods of `PERIOD` blocks from genesis).
fn start_of(p: u64) -> u64 {
	p * PERIOD
}

#[test]
fn warning_probation_slash_to_the_buyers_then_suspension() {
	run(|| {
		let issuance = total_issuance();
		// Period 0: every order missed its deadline: a breach, first rung: a warning.
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached)]);
		assert!(events().contains(&Event::Warned { vendor: VENDOR, period: 0 }));
		assert_eq!(status(VENDOR), Some(VendorStatus::Active));

		// Period 1: a second breach in a row: probation for one period.
		missed(VENDOR, BUYER2, 4, 50);
		next_period();
		let ends = start_of(2) + PERIOD;
		assert_eq!(
			status(VENDOR),
			Some(VendorStatus::Probation { ends, breached: false, sampled: 0 })
		);
		assert!(events().contains(&Event::ProbationStarted { vendor: VENDOR, ends }));
		// On probation it still sells.
		assert!(<Vendors as VendorRegistry<_>>::is_active_vendor(&VENDOR));

		// Period 2, the cure: breached again, by three disputes an arbiter ruled for the buyers
		// (each returned 100 of 300) and a missed deadline (refunded in full). At its end the
		// cure fails: 10% of the bond (1,000) is slashed, first to the buyers owed credits up
		// to their unrecovered loss (3 x 200), the rest to the treasury; a new cure starts.
		for buyer in [BUYER, BUYER2, BUYER3] {
			report(VENDOR, buyer, Outcome::DisputeSettled, 300, 0, 100, true);
		}
		missed(VENDOR, BUYER, 1, 50);
		let before = [free(BUYER), free(BUYER2), free(BUYER3), free(TREASURY)];
		next_period();
		assert_eq!(
			[free(BUYER), free(BUYER2), free(BUYER3), free(TREASURY)],
			[before[0] + 200, before[1] + 200, before[2] + 200, before[3] + 400]
		);
		assert_eq!(bond(VENDOR), BOND - 1_000);
		assert_eq!(on_hold(VENDOR), BOND - 1_000);
		assert!(events().contains(&Event::Slashed {
			vendor: VENDOR,
			to_buyers: 600,
			to_treasury: 400,
			bond: BOND - 1_000
		}));
		assert!(events().contains(&Event::ServiceCredit {
			vendor: VENDOR,
			buyer: BUYER,
			amount: 200
		}));
		let ends = start_of(3) + PERIOD;
		assert_eq!(
			status(VENDOR),
			Some(VendorStatus::Probation { ends, breached: false, sampled: 0 })
		);
		assert!(Affected::<Test>::get(VENDOR).is_empty());

		// Period 3: the second cure fails too: slashed again (10% of 9,000, all of it to the
		// treasury: the one late order was refunded in full, so nobody is owed) and suspended.
		missed(VENDOR, BUYER, 1, 50);
		perfect(VENDOR, BUYER2, 3, 50);
		let treasury = free(TREASURY);
		next_period();
		assert_eq!(free(TREASURY), treasury + 900);
		assert_eq!(bond(VENDOR), BOND - 1_000 - 900);
		assert_eq!(status(VENDOR), Some(VendorStatus::Suspended));
		assert!(events().contains(&Event::Suspended { vendor: VENDOR, by_policy: true }));
		assert!(!<Vendors as VendorRegistry<_>>::is_active_vendor(&VENDOR));
		// No money was created or lost.
		assert_eq!(total_issuance(), issuance);
		// The well-behaved vendor was never judged a breach.
		assert!(verdicts(VENDOR2).is_empty());
	});
}

#[test]
fn a_clean_period_lifts_a_warning_and_a_clean_cure_restores_good_standing() {
	run(|| {
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		perfect(VENDOR, BUYER, 4, 50);
		next_period();
		assert!(!VendorsStorage::<Test>::get(VENDOR).unwrap().warned);
		assert!(Affected::<Test>::get(VENDOR).is_empty());

		// Two breaches in a row, then a clean cure.
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		assert!(matches!(status(VENDOR), Some(VendorStatus::Probation { .. })));
		perfect(VENDOR, BUYER, 4, 50);
		next_period();
		assert_eq!(status(VENDOR), Some(VendorStatus::Active));
		assert_eq!(last_event_of(VENDOR), Some(Event::Recovered { vendor: VENDOR }));
		assert_eq!(bond(VENDOR), BOND);
	});
}

fn last_event_of(vendor: AccountId) -> Option<Event<Test>> {
	events().into_iter().rev().find(|event| match event {
		Event::Recovered { vendor: v } | Event::Warned { vendor: v, .. } => *v == vendor,
		_ => false,
	})
}

#[test]
fn too_few_orders_are_not_judged() {
	run(|| {
		// One of two orders late is 50% on time, but 2 < the minimum sample of 4.
		missed(VENDOR, BUYER, 1, 50);
		perfect(VENDOR, BUYER, 1, 50);
		next_period();
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::TooFewOrders)]);
		assert!(!VendorsStorage::<Test>::get(VENDOR).unwrap().warned);
	});
}

#[test]
fn anyone_may_evaluate_a_vendor_the_sweep_has_not_reached() {
	run(|| {
		missed(VENDOR, BUYER, 4, 50);
		// Roll the period without `on_idle` (full blocks).
		let next = start_of(1);
		System::set_block_number(next);
		<Vendors as frame_support::traits::Hooks<u64>>::on_initialize(next);
		assert!(verdicts(VENDOR).is_empty());
		assert_ok!(Vendors::evaluate(signed(BUYER3), VENDOR));
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached)]);
		assert_noop!(Vendors::evaluate(signed(BUYER3), VENDOR), Error::<Test>::NothingToEvaluate);
		assert_noop!(Vendors::evaluate(signed(BUYER3), BUYER), Error::<Test>::NotRegistered);
		// The sweep then passes over it without judging it twice.
		run_to_block(next + 1);
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached)]);
	});
}

#[test]
fn without_a_policy_nobody_is_judged() {
	run(|| {
		assert_ok!(Vendors::set_policy(signed(GOVERNANCE), None));
		missed(VENDOR, BUYER, 8, 50);
		next_period();
		assert!(verdicts(VENDOR).is_empty());
		assert_eq!(status(VENDOR), Some(VendorStatus::Active));
		// The KPIs are still counted.
		assert_eq!(Vendors::kpis_of(&VENDOR, 0).unwrap().missed_deadlines, 8);
	});
}

#[test]
fn periods_missed_by_the_sweep_are_judged_in_order_later() {
	run(|| {
		// Two breached periods pass with no `on_idle` and nobody calling `evaluate`.
		missed(VENDOR, BUYER, 4, 50);
		for block in 2..=start_of(1) {
			System::set_block_number(block);
			<Vendors as frame_support::traits::Hooks<u64>>::on_initialize(block);
		}
		missed(VENDOR, BUYER, 4, 50);
		for block in start_of(1) + 1..=start_of(2) {
			System::set_block_number(block);
			<Vendors as frame_support::traits::Hooks<u64>>::on_initialize(block);
		}
		assert_ok!(Vendors::evaluate(signed(BUYER), VENDOR));
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached), (1, Verdict::Breached)]);
		assert!(matches!(status(VENDOR), Some(VendorStatus::Probation { .. })));
	});
}
