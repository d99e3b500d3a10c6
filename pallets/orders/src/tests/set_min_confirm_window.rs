use super::*;
use crate::{Error, MinConfirmWindow};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn governance_sets_it_and_new_orders_get_it() {
	run(|| {
		assert_eq!(MinConfirmWindow::<Test>::get(), MIN_CONFIRM_WINDOW);
		let listing = list();
		let before = order(BUYER, listing, 1);
		assert_ok!(Orders::set_min_confirm_window(RuntimeOrigin::signed(GOVERNANCE), 50));
		assert_eq!(last_event(), Event::MinConfirmWindowSet { window: 50 });
		let after = order(BUYER, listing, 1);
		let window = |id| OrdersStorage::<Test>::get(id).unwrap().confirm_window;
		assert_eq!(window(before), CONFIRM_WINDOW);
		assert_eq!(window(after), 50);
		// Shipping starts the window the order was placed with.
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), after, TRACKING));
		assert_eq!(OrdersStorage::<Test>::get(after).unwrap().deadline, 1 + 50);
	});
}

#[test]
fn only_governance_and_only_within_bounds() {
	run(|| {
		assert_noop!(
			Orders::set_min_confirm_window(RuntimeOrigin::signed(VENDOR), 50),
			DispatchError::BadOrigin
		);
		let set =
			|window| Orders::set_min_confirm_window(RuntimeOrigin::signed(GOVERNANCE), window);
		assert_noop!(set(0), Error::<Test>::InvalidWindow);
		assert_noop!(set(MAX_WINDOW + 1), Error::<Test>::InvalidWindow);
		assert_ok!(set(MAX_WINDOW));
	});
}
