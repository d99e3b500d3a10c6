use super::*;
use crate::{DeadlineCursor, Deadlines, WeightInfo};

#[test]
fn times_out_due_orders_in_on_idle() {
	run(|| {
		let listing = list();
		let unshipped = order(BUYER, listing, 1);
		let shipped = order(BUYER2, listing, 1);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), shipped, TRACKING));
		run_to_block(1 + SHIP_WINDOW);
		assert_eq!(closed(unshipped).unwrap().0, Outcome::ShippingDeadlineMissed);
		assert!(state(shipped).is_some());
		run_to_block(1 + CONFIRM_WINDOW);
		assert_eq!(closed(shipped).unwrap().0, Outcome::Completed);
		assert_eq!(OrdersStorage::<Test>::iter().count(), 0);
		assert_eq!(stock(listing), (STOCK - 1, 0));
	});
}

#[test]
fn stale_entries_are_skipped() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 1);
		let ship_by = OrdersStorage::<Test>::get(id).unwrap().deadline;
		// Shipped: the ship-by entry is stale and must not cancel the order.
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
		run_to_block(ship_by);
		assert!(Deadlines::<Test>::get(ship_by).is_empty());
		assert_eq!(state(id), Some(OrderState::Shipped { tracking: TRACKING }));
	});
}

#[test]
fn a_small_budget_works_off_a_backlog_over_several_blocks() {
	run(|| {
		let listing = list_with_stock(100);
		for _ in 0..MAX_DEADLINES_PER_BLOCK {
			order(BUYER, listing, 1);
		}
		let due = 1 + SHIP_WINDOW;
		System::set_block_number(due);
		// Room for the bucket visit and one order per call.
		let budget = <MockWeights as WeightInfo>::on_idle_deadlines(1);
		assert_eq!(budget, IDLE_PER_BLOCK + IDLE_PER_ORDER);
		let mut rounds = 0;
		while OrdersStorage::<Test>::iter().count() > 0 {
			let used = Orders::on_idle(due, budget);
			assert!(budget.all_gte(used));
			rounds += 1;
			assert!(rounds <= MAX_DEADLINES_PER_BLOCK, "every call makes progress");
		}
		assert_eq!(rounds, MAX_DEADLINES_PER_BLOCK);
		assert_eq!(free(BUYER), INITIAL);
		// Without weight, nothing happens.
		let o = order(BUYER, listing, 1);
		let deadline = OrdersStorage::<Test>::get(o).unwrap().deadline;
		assert_eq!(Orders::on_idle(deadline, Weight::zero()), Weight::zero());
		assert!(state(o).is_some());
		assert!(DeadlineCursor::<Test>::get() <= deadline);
	});
}
