use super::*;

#[test]
fn pages_through_an_accounts_open_orders() {
	run(|| {
		let listing = list_with_stock(100);
		let ids: Vec<OrderId> = (0..25).map(|_| order(BUYER, listing, 1)).collect();
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Orders::orders_of(BUYER, after, 1_000);
			assert!(page.len() <= 10, "pages are capped at MaxOrdersPage");
			if page.is_empty() {
				break;
			}
			after = page.last().map(|(id, _)| *id);
			seen.extend(page.into_iter().map(|(id, order)| {
				assert_eq!(order.buyer, BUYER);
				id
			}));
		}
		seen.sort();
		assert_eq!(seen, ids);
		// The vendor sees the same orders; a stranger none.
		assert_eq!(Orders::orders_of(VENDOR, None, 10).len(), 10);
		assert!(Orders::orders_of(BUYER3, None, 10).is_empty());
		assert_eq!(Orders::order_of(ids[0]).unwrap().quantity, 1);
		assert_eq!(Orders::listing_of(listing).unwrap().reserved, 25);
	});
}

#[test]
fn an_open_orders_parties_are_known_until_it_closes() {
	use commerce_primitives::OrderParties;
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 1);
		assert_eq!(Orders::open_order_parties(id), Some((VENDOR, BUYER)));
		assert_ok!(Orders::cancel_order(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(Orders::open_order_parties(id), None);
		assert_eq!(Orders::open_order_parties(99), None);
	});
}
