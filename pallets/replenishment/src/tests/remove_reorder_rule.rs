use super::*;

#[test]
fn the_vendor_removes_its_rule_and_gets_the_deposit_back() {
	run(|| {
		rule(5, 10);
		assert_noop!(
			Replenishment::remove_reorder_rule(origin(SUPPLIER), LISTING),
			Error::<Test>::NotTheVendor
		);
		assert_ok!(Replenishment::remove_reorder_rule(origin(VENDOR), LISTING));
		assert!(ReorderRules::<Test>::get(LISTING).is_none());
		assert_eq!(deposits(VENDOR), 0);
		assert_eq!(last_event(), Event::ReorderRuleRemoved { listing: LISTING });
		assert_noop!(
			Replenishment::remove_reorder_rule(origin(VENDOR), LISTING),
			Error::<Test>::NoRule
		);
		// Without a rule, sales raise nothing.
		MockListings::sell(LISTING, STOCK);
		assert!(PurchaseOrders::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_purchase_order_runs_on_after_its_rule_is_removed() {
	run(|| {
		rule(STOCK, 10);
		MockListings::sell(LISTING, 1);
		assert_ok!(Replenishment::remove_reorder_rule(origin(VENDOR), LISTING));
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), 0, 10, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), 0, 10));
		assert_eq!(MockListings::stock(LISTING), STOCK - 1 + 10);
	});
}
