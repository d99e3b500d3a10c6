use super::*;

#[test]
fn on_idle_applies_the_fallback_when_nobody_rules() {
	run(|| {
		disputed(1);
		run_to_block(RULING_WINDOW);
		assert!(Disputes::<Test>::get(1).is_some());
		run_to_block(1 + RULING_WINDOW);
		assert!(Disputes::<Test>::get(1).is_none());
		assert_eq!(MockSettled::get(1), Some(AMOUNT / 2));
		assert_eq!(escrow_held(BUYER), 0);
	});
}

#[test]
fn a_ruled_dispute_is_not_touched_at_its_deadline() {
	run(|| {
		disputed(1);
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 1, AMOUNT));
		let vendor = free(VENDOR);
		run_to_block(2 + RULING_WINDOW);
		assert_eq!(free(VENDOR), vendor);
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(MockSettled::get(1), Some(AMOUNT));
	});
}

#[test]
fn a_small_budget_works_off_many_overdue_disputes_over_several_calls() {
	use crate::{RulingCursor, WeightInfo};
	run(|| {
		for order in 1..=5 {
			disputed(order);
		}
		let due = 1 + RULING_WINDOW;
		System::set_block_number(due);
		let per_block = <() as WeightInfo>::on_idle_disputes(0);
		let per_item = <() as WeightInfo>::on_idle_disputes(1) - per_block;
		// Room for the block visit and two disputes per call.
		let budget = per_block + per_item * 2;
		let mut calls = 0;
		while Disputes::<Test>::iter().count() > 0 {
			let used = Escrow::on_idle(due, budget);
			assert!(budget.all_gte(used));
			calls += 1;
			assert!(calls <= 3, "every call makes progress");
			Escrow::do_try_state().expect("invariants hold between calls");
		}
		assert_eq!(calls, 3);
		assert_eq!(RulingCursor::<Test>::get(), due + 1);
		assert_eq!(escrow_held(BUYER), 0);
	});
}
