use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn an_oracle_attests_and_the_confirm_window_restarts() {
	run(|| {
		let (_, id) = shipped_order();
		run_to_block(5);
		assert_ok!(Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), id));
		assert_eq!(state(id), Some(OrderState::Delivered { tracking: TRACKING }));
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		assert_eq!(deadline, 5 + CONFIRM_WINDOW);
		assert_eq!(last_event(), Event::DeliveryAttested { order: id, confirm_by: deadline });
	});
}

#[test]
fn only_oracles_and_only_shipped_orders() {
	run(|| {
		let (listing, id) = shipped_order();
		assert_noop!(
			Orders::attest_delivery(RuntimeOrigin::signed(BUYER), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Orders::attest_delivery(RuntimeOrigin::signed(VENDOR), id),
			DispatchError::BadOrigin
		);
		let paid = order(BUYER, listing, 1);
		assert_noop!(
			Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), paid),
			Error::<Test>::InvalidState
		);
		assert_ok!(Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), id));
		assert_noop!(
			Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), id),
			Error::<Test>::InvalidState
		);
	});
}

/// Once the confirm-by deadline has passed, an attestation would reopen a window that has
/// closed: refused, and the order still times out.
#[test]
fn an_attestation_after_the_deadline_is_refused() {
	run(|| {
		let (_, id) = shipped_order();
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		System::set_block_number(deadline);
		assert_noop!(
			Orders::attest_delivery(RuntimeOrigin::signed(ORACLE), id),
			Error::<Test>::WindowClosed
		);
		assert_ok!(Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id));
		assert_eq!(closed(id).unwrap().0, Outcome::Completed);
	});
}
