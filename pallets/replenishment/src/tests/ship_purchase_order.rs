use super::*;

#[test]
fn ships_in_parts_and_restarts_the_receive_window() {
	run(|| {
		let id = accepted(10);
		let ship_by = 1 + SHIP_WINDOW;
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 4, Some(77)));
		assert_eq!(po(id).shipped, 4);
		assert_eq!(po(id).batch, Some(77));
		assert_eq!(
			po(id).state,
			PoState::Accepted { ship_by, receive_by: Some(1 + RECEIVE_WINDOW) }
		);
		// The ship-by comes first.
		assert_eq!(po(id).deadline, ship_by);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderShipped {
				purchase_order: id,
				quantity: 4,
				shipped: 4,
				batch: Some(77),
				receive_by: 1 + RECEIVE_WINDOW
			}
		);
		run_to(5);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 6, None));
		// Everything shipped: only the receive-by remains; the batch stays the last named.
		assert_eq!(po(id).deadline, 5 + RECEIVE_WINDOW);
		assert_eq!(po(id).batch, Some(77));
		assert!(crate::Deadlines::<Test>::contains_key(5 + RECEIVE_WINDOW, id));
	});
}

#[test]
fn refuses_more_than_ordered_late_shipments_and_strangers() {
	run(|| {
		let requested = raise(10);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), requested, 1, None),
			Error::<Test>::InvalidState
		);
		let id = accepted(10);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(VENDOR), id, 1, None),
			Error::<Test>::NotTheSupplier
		);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 0, None),
			Error::<Test>::Zero
		);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 11, None),
			Error::<Test>::TooMany
		);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 6, None));
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 5, None),
			Error::<Test>::TooMany
		);
		System::set_block_number(1 + SHIP_WINDOW);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 1, None),
			Error::<Test>::WindowClosed
		);
	});
}

#[test]
fn a_named_batch_must_be_held_by_the_supplier_or_already_by_the_vendor() {
	run(|| {
		let id = accepted(10);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 1, Some(STRANGERS_BATCH)),
			Error::<Test>::BatchNotHeld
		);
		assert_noop!(
			Replenishment::ship_purchase_order(origin(SUPPLIER), id, 1, Some(NO_BATCH)),
			Error::<Test>::BatchNotHeld
		);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 1, Some(7)));
		// Received in provenance by the vendor before the purchase order ships: accepted.
		assert_ok!(Replenishment::ship_purchase_order(
			origin(SUPPLIER),
			id,
			1,
			Some(VENDORS_BATCH)
		));
		assert_eq!(po(id).batch, Some(VENDORS_BATCH));
	});
}
