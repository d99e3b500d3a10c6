use super::*;

#[test]
fn the_rules_supplier_quotes_within_the_ceiling_and_may_withdraw() {
	run(|| {
		assert_ok!(Replenishment::set_reorder_rule(
			origin(VENDOR),
			LISTING,
			SUPPLIER,
			CMRC,
			5,
			10,
			2 * PRICE,
			SHIP_WINDOW
		));
		assert_noop!(
			Replenishment::quote(origin(OTHER), LISTING, Some(PRICE)),
			Error::<Test>::NotTheSupplier
		);
		assert_noop!(
			Replenishment::quote(origin(SUPPLIER), LISTING, Some(2 * PRICE + 1)),
			Error::<Test>::AboveCeiling
		);
		assert_noop!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(0)), Error::<Test>::Zero);
		assert_noop!(
			Replenishment::quote(origin(SUPPLIER), 99, Some(PRICE)),
			Error::<Test>::NoRule
		);
		assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(2 * PRICE)));
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().quote, Some(2 * PRICE));
		assert_eq!(
			last_event(),
			Event::Quoted { listing: LISTING, supplier: SUPPLIER, unit_price: Some(2 * PRICE) }
		);
		assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, None));
		assert_eq!(ReorderRules::<Test>::get(LISTING).unwrap().quote, None);
	});
}
