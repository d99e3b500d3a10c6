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
