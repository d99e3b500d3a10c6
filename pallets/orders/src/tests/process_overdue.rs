use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn an_unshipped_order_is_cancelled_and_refunded() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 2);
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		System::set_block_number(deadline - 1);
		assert_noop!(
			Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id),
			Error::<Test>::NotOverdue
		);
		System::set_block_number(deadline);
		// Anyone may apply the timeout.
		assert_ok!(Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id));
		assert_eq!(closed(id), Some((Outcome::ShippingDeadlineMissed, 2 * PRICE, 2)));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(stock(listing), (STOCK, 0));
	});
}

#[test]
fn an_unconfirmed_shipped_order_completes() {
	run(|| {
		let (_, id) = shipped_order();
		let vendor_before = free(VENDOR);
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		System::set_block_number(deadline);
		assert_ok!(Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id));
		assert_eq!(closed(id), Some((Outcome::Completed, 0, 0)));
		assert_eq!(free(VENDOR), vendor_before + 2 * PRICE);
		assert_noop!(
			Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id),
			Error::<Test>::OrderNotFound
		);
	});
}

#[test]
fn a_disputed_order_waits_for_escrow() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(<Orders as commerce_primitives::OrderDisputes<_, _>>::open_dispute(id, &BUYER));
		System::set_block_number(1_000);
		assert_noop!(
			Orders::process_overdue(RuntimeOrigin::signed(BUYER3), id),
			Error::<Test>::InvalidState
		);
	});
}
