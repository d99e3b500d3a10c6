//! What a vendor or a supplier might try, and what stops it.

use super::*;

#[test]
fn a_supplier_that_disputes_instead_of_shipping_gains_nothing_from_the_panels_silence() {
	run(|| {
		let supplier = free(SUPPLIER, CMRC);
		let vendor = free(VENDOR, CMRC);
		let id = accepted(10);
		assert_ok!(Replenishment::dispute_purchase_order(origin(SUPPLIER), id));
		run_to(1 + RULING_WINDOW);
		assert!(PurchaseOrders::<Test>::get(id).is_none());
		assert_eq!(free(SUPPLIER, CMRC), supplier);
		assert_eq!(free(VENDOR, CMRC), vendor);
	});
}

#[test]
fn a_supplier_that_accepts_and_never_ships_frees_the_rule_for_the_next_reorder() {
	run(|| {
		rule(5, 10);
		MockListings::sell(LISTING, 15);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		run_to(1 + SHIP_WINDOW);
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().open, None);
		// The next sale tries again.
		MockListings::sell(LISTING, 1);
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().open, Some(1));
	});
}

#[test]
fn a_receipt_never_starts_a_reorder_loop() {
	run(|| {
		// Reorder 5 at 15: one receipt leaves the stock still below the point.
		rule(15, 5);
		MockListings::sell(LISTING, 15);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), 0, 5, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), 0, 5));
		assert_eq!(MockListings::stock(LISTING), 10);
		// The receipt raised nothing, though the stock is below the point.
		assert_eq!(PurchaseOrders::<Test>::iter().count(), 0);
		assert_eq!(crate::NextPurchaseOrderId::<Test>::get(), 1);
		// A sale raises exactly one.
		MockListings::sell(LISTING, 1);
		MockListings::sell(LISTING, 1);
		assert_eq!(PurchaseOrders::<Test>::iter().count(), 1);
	});
}

#[test]
fn a_price_changed_between_raise_and_accept_does_not_change_the_purchase_order() {
	run(|| {
		rule(5, 10);
		MockListings::sell(LISTING, 15);
		let vendor = free(VENDOR, CMRC);
		// The supplier raises its quote to the ceiling before accepting.
		assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(2 * PRICE)));
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		assert_eq!((po(0).unit_price, po(0).held), (PRICE, 10 * PRICE));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), 0, 10, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), 0, 10));
		// The vendor paid the price of the raise, nothing more.
		assert_eq!(free(VENDOR, CMRC), vendor + DEPOSIT);
		// The next purchase order is at the new quote, still within the ceiling.
		MockListings::sell(LISTING, 11);
		assert_eq!(po(1).unit_price, 2 * PRICE);
	});
}

#[test]
fn dust_purchase_orders_cost_their_sender_and_leave_nothing_behind() {
	run(|| {
		let vendor = free(VENDOR, CMRC);
		// The smallest purchase order allowed is worth MIN_VALUE and holds a deposit.
		for _ in 0..50 {
			assert_ok!(Replenishment::create_purchase_order(
				origin(VENDOR),
				SUPPLIER,
				LISTING,
				CMRC,
				5,
				PRICE,
				SHIP_WINDOW
			));
		}
		assert_eq!(free(VENDOR, CMRC), vendor - 50 * (MIN_VALUE + DEPOSIT));
		// Unanswered, they expire and storage is empty again; the supplier's record is clean.
		run_to(1 + ACCEPT_WINDOW);
		assert_eq!(PurchaseOrders::<Test>::iter().count(), 0);
		assert_eq!(crate::PartyOrders::<Test>::iter().count(), 0);
		assert_eq!(crate::Deadlines::<Test>::iter().count(), 0);
		assert_eq!(free(VENDOR, CMRC), vendor);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).expired, 0);
	});
}

#[test]
fn nobody_orders_stock_for_someone_elses_listing_or_sets_its_rule() {
	run(|| {
		assert_noop!(
			Replenishment::create_purchase_order(
				origin(OTHER),
				SUPPLIER,
				LISTING,
				CMRC,
				10,
				PRICE,
				SHIP_WINDOW
			),
			Error::<Test>::NotTheVendor
		);
		assert_noop!(
			Replenishment::set_reorder_rule(
				origin(OTHER),
				LISTING,
				OTHER + 1,
				CMRC,
				5,
				10,
				PRICE,
				SHIP_WINDOW
			),
			Error::<Test>::NotTheVendor
		);
		// A supplier of another rule cannot quote on this one.
		rule(5, 10);
		assert_noop!(
			Replenishment::quote(origin(OTHER), LISTING, Some(1)),
			Error::<Test>::NotTheSupplier
		);
	});
}

#[test]
fn receiving_twice_in_one_batch_pays_once_per_unit() {
	run(|| {
		let supplier = free(SUPPLIER, CMRC);
		let id = accepted(10);
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), id, 6, None));
		// As `batch_all` would: the second receipt of the same units fails, and with it all.
		let result = frame_support::storage::with_storage_layer(|| {
			Replenishment::receive_purchase_order(origin(VENDOR), id, 6)?;
			Replenishment::receive_purchase_order(origin(VENDOR), id, 6)
		});
		assert_eq!(result, Err(Error::<Test>::TooMany.into()));
		assert_eq!(free(SUPPLIER, CMRC), supplier);
		assert_eq!(po(id).received, 0);
	});
}
