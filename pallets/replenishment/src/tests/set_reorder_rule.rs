use super::*;

#[test]
fn the_vendor_sets_a_rule_with_a_deposit_and_no_quote() {
	run(|| {
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			SUPPLIER,
			STABLE,
			5,
			30,
			4,
			SHIP_WINDOW
		));
		let rule = ReorderRules::<Test>::get(LISTING).unwrap();
		assert_eq!((rule.vendor, rule.supplier, rule.currency), (VENDOR, SUPPLIER, STABLE));
		assert_eq!((rule.reorder_point, rule.reorder_quantity, rule.max_unit_price), (5, 30, 4));
		assert_eq!((rule.quote, rule.open), (None, None));
		assert_eq!(deposits(VENDOR), DEPOSIT);
		assert_eq!(
			last_event(),
			Event::ReorderRuleSet {
				listing: LISTING,
				vendor: VENDOR,
				supplier: SUPPLIER,
				currency: STABLE,
				reorder_point: 5,
				reorder_quantity: 30,
				max_unit_price: 4,
				ship_window: SHIP_WINDOW
			}
		);
	});
}

#[test]
fn replacing_a_rule_keeps_its_deposit_and_open_order_and_drops_the_quote() {
	run(|| {
		rule(STOCK, 10);
		MockListings::sell(LISTING, 1);
		let open = ReorderRules::<Test>::get(LISTING).unwrap().open;
		assert!(open.is_some());
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			OTHER,
			CMRC,
			3,
			10,
			2 * PRICE,
			SHIP_WINDOW
		));
		let rule = ReorderRules::<Test>::get(LISTING).unwrap();
		assert_eq!((rule.supplier, rule.quote, rule.open), (OTHER, None, open));
		// One rule deposit and one purchase order deposit.
		assert_eq!(deposits(VENDOR), 2 * DEPOSIT);
	});
}

#[test]
fn refuses_bad_rules() {
	run(|| {
		let set = |who, listing, supplier, currency, quantity, price, window| {
			Replenishment::set_reorder_rule(
				origin(who),
				listing,
				supplier,
				currency,
				5,
				quantity,
				price,
				window,
			)
		};
		assert_noop!(set(VENDOR, LISTING, SUPPLIER, CMRC, 0, PRICE, 5), Error::<Test>::Zero);
		assert_noop!(set(VENDOR, LISTING, SUPPLIER, CMRC, 10, 0, 5), Error::<Test>::Zero);
		assert_noop!(
			set(VENDOR, LISTING, VENDOR, CMRC, 10, PRICE, 5),
			Error::<Test>::SupplierIsVendor
		);
		assert_noop!(
			set(VENDOR, LISTING, SUPPLIER, CMRC, 10, PRICE, 0),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(set(VENDOR, 99, SUPPLIER, CMRC, 10, PRICE, 5), Error::<Test>::ListingNotFound);
		assert_noop!(
			set(OTHER, LISTING, SUPPLIER, CMRC, 10, PRICE, 5),
			Error::<Test>::NotTheVendor
		);
		assert_noop!(
			set(VENDOR, LISTING, SUPPLIER, UNRATED, 10, PRICE, 5),
			Error::<Test>::CurrencyNotAccepted
		);
		assert_noop!(
			set(VENDOR, LISTING, SUPPLIER, CMRC, u32::MAX, Balance::MAX, 5),
			Error::<Test>::Overflow
		);
		// A vendor without funds cannot pay the rule's deposit.
		MockListings::add(2, 50, 0);
		assert!(set(50, 2, SUPPLIER, CMRC, 10, PRICE, 5).is_err());
		assert!(ReorderRules::<Test>::get(2).is_none());
	});
}
