use super::*;

#[test]
fn the_supplier_accepts_and_the_ship_window_starts() {
	run(|| {
		let id = raise(10);
		run_to(3);
		assert_noop!(
			Replenishment::accept_purchase_order(origin(VENDOR), id),
			Error::<Test>::NotTheSupplier
		);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), id));
		let ship_by = 3 + SHIP_WINDOW;
		assert_eq!(po(id).state, PoState::Accepted { ship_by, receive_by: None });
		assert_eq!(po(id).deadline, ship_by);
		assert!(crate::Deadlines::<Test>::contains_key(ship_by, id));
		assert!(!crate::Deadlines::<Test>::contains_key(1 + ACCEPT_WINDOW, id));
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).accepted, 1);
		assert_eq!(last_event(), Event::PurchaseOrderAccepted { purchase_order: id, ship_by });
		assert_noop!(
			Replenishment::accept_purchase_order(origin(SUPPLIER), id),
			Error::<Test>::InvalidState
		);
	});
}

#[test]
fn a_late_acceptance_is_refused() {
	run(|| {
		let id = raise(10);
		// At the deadline block, before `on_idle` ran.
		System::set_block_number(1 + ACCEPT_WINDOW);
		assert_noop!(
			Replenishment::accept_purchase_order(origin(SUPPLIER), id),
			Error::<Test>::WindowClosed
		);
	});
}
