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
fn each_transition_moves_or_removes_the_deadline_entry() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 1);
		let ship_by = OrdersStorage::<Test>::get(id).unwrap().deadline;
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
		let confirm_by = OrdersStorage::<Test>::get(id).unwrap().deadline;
		assert!(!Deadlines::<Test>::contains_key(ship_by, id));
		assert!(Deadlines::<Test>::contains_key(confirm_by, id));
		// The shipped order is not cancelled at its old ship-by block.
		run_to_block(ship_by);
		assert_eq!(state(id), Some(OrderState::Shipped { tracking: TRACKING }));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(Deadlines::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_small_budget_works_off_a_backlog_over_several_blocks() {
	run(|| {
		let listing = list_with_stock(100);
		const BACKLOG: u32 = 6;
		for _ in 0..BACKLOG {
			order(BUYER, listing, 1);
		}
		let due = 1 + SHIP_WINDOW;
		System::set_block_number(due);
		// Room for the block visit and one order per call.
		let budget = IDLE_PER_BLOCK + IDLE_PER_ORDER;
		let mut rounds = 0;
		while OrdersStorage::<Test>::iter().count() > 0 {
			let used = Orders::on_idle(due, budget);
			assert!(budget.all_gte(used));
			rounds += 1;
			assert!(rounds <= BACKLOG, "every call makes progress");
			Orders::do_try_state().expect("invariants hold between calls");
		}
		assert_eq!(rounds, BACKLOG);
		assert_eq!(free(BUYER), INITIAL);
		// Without weight, nothing happens.
		let o = order(BUYER, listing, 1);
		let deadline = OrdersStorage::<Test>::get(o).unwrap().deadline;
		assert_eq!(Orders::on_idle(deadline, Weight::zero()), Weight::zero());
		assert!(state(o).is_some());
		assert!(DeadlineCursor::<Test>::get() <= deadline);
	});
}

/// `on_idle` charges every order at the costlier timeout path, whichever it turns out to be.
#[test]
fn on_idle_charges_the_costlier_timeout_path() {
	run(|| {
		assert!(MockWeights::on_idle_unconfirmed(1).all_lt(MockWeights::on_idle_unshipped(1)));
		let listing = list();
		let id = order(BUYER, listing, 1);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
		let due = OrdersStorage::<Test>::get(id).unwrap().deadline;
		System::set_block_number(due);
		DeadlineCursor::<Test>::put(due);
		let used = Orders::on_idle(due, Weight::MAX);
		assert_eq!(used, IDLE_PER_BLOCK + IDLE_PER_ORDER);
		assert_eq!(closed(id).unwrap().0, Outcome::Completed);
	});
}
