use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn the_fallback_splits_evenly_after_the_ruling_deadline() {
	run(|| {
		disputed(1);
		System::set_block_number(RULING_WINDOW);
		assert_noop!(
			Escrow::resolve_overdue_dispute(RuntimeOrigin::signed(OTHER), 1),
			Error::<Test>::NotOverdue
		);
		System::set_block_number(1 + RULING_WINDOW);
		assert_ok!(Escrow::resolve_overdue_dispute(RuntimeOrigin::signed(OTHER), 1));
		assert_eq!(free(BUYER), INITIAL - AMOUNT / 2);
		assert_eq!(free(VENDOR), INITIAL + AMOUNT / 2);
		assert_eq!(MockSettled::get(1), Some(AMOUNT / 2));
		// Nobody ruled: the orders pallet is told so.
		assert_eq!(MockRuled::get(1), Some(false));
		assert!(
			events().contains(&Event::DisputeFallbackApplied { order: 1, to_buyer: AMOUNT / 2 })
		);
		assert_noop!(
			Escrow::resolve_overdue_dispute(RuntimeOrigin::signed(OTHER), 1),
			Error::<Test>::DisputeNotFound
		);
	});
}
