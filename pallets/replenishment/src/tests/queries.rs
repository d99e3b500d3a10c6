use super::*;

#[test]
fn lists_a_partys_purchase_orders_by_page() {
	run(|| {
		let ids: Vec<_> = (0..5).map(|_| raise(10)).collect();
		let page = |who, after, max| {
			Replenishment::purchase_orders_of(who, after, max)
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>()
		};
		// Capped at MaxPage (3).
		let first = page(VENDOR, None, 10);
		assert_eq!(first.len(), 3);
		let second = page(VENDOR, first.last().copied(), 10);
		assert_eq!(second.len(), 2);
		let mut all: Vec<_> = first.into_iter().chain(second).collect();
		all.sort();
		assert_eq!(all, ids);
		assert_eq!(page(SUPPLIER, None, 2).len(), 2);
		assert!(page(OTHER, None, 10).is_empty());
	});
}

#[test]
fn a_suppliers_rates_come_from_its_record() {
	run(|| {
		// Under a rule: one completed in full, one declined, one accepted and never shipped.
		rule(100, 10);
		MockListings::sell(LISTING, 1);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 0));
		assert_ok!(Replenishment::ship_purchase_order(origin(SUPPLIER), 0, 10, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(VENDOR), 0, 10));
		MockListings::sell(LISTING, 1);
		assert_ok!(Replenishment::decline_purchase_order(origin(SUPPLIER), 1));
		MockListings::sell(LISTING, 1);
		assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), 2));
		run_to(2 + SHIP_WINDOW);
		let performance = Replenishment::supplier_performance(SUPPLIER);
		use sp_runtime::Permill;
		assert_eq!(performance.on_time_in_full, Some(Permill::from_percent(50)));
		assert_eq!(performance.fill_rate, Some(Permill::from_percent(50)));
		assert_eq!(performance.acceptance, Some(Permill::from_rational(2u32, 3)));
		assert_eq!(Replenishment::supplier_performance(OTHER).fill_rate, None);
	});
}
