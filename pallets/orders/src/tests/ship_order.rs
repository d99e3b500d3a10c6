use super::*;
use crate::{Deadlines, Error};
use frame_support::assert_noop;

#[test]
fn ships_with_tracking_and_starts_the_confirm_window() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 2);
		run_to_block(3);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
		assert_eq!(state(id), Some(OrderState::Shipped { tracking: TRACKING }));
		// The units left the warehouse: no longer reserved, not back in stock.
		assert_eq!(stock(listing), (STOCK - 2, 0));
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		assert_eq!(deadline, 3 + CONFIRM_WINDOW);
		assert!(Deadlines::<Test>::contains_key(deadline, id));
		assert_eq!(
			last_event(),
			Event::OrderShipped {
				order: id,
				listing,
				quantity: 2,
				tracking: TRACKING,
				confirm_by: deadline
			}
		);
	});
}

#[test]
fn only_the_vendor_only_once_and_only_in_time() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 1);
		assert_noop!(
			Orders::ship_order(RuntimeOrigin::signed(BUYER), id, TRACKING),
			Error::<Test>::NotTheVendor
		);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
		assert_noop!(
			Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING),
			Error::<Test>::InvalidState
		);

		let late = order(BUYER, listing, 1);
		let deadline = OrdersStorage::<Test>::get(late).unwrap().deadline;
		// At the deadline, before `on_idle` has run, shipping is already too late.
		System::set_block_number(deadline);
		assert_noop!(
			Orders::ship_order(RuntimeOrigin::signed(VENDOR), late, TRACKING),
			Error::<Test>::WindowClosed
		);
	});
}
