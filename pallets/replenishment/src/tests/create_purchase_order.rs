use super::*;

#[test]
fn holds_the_amount_and_the_deposit_and_schedules_the_accept_deadline() {
	run(|| {
		let before = free(VENDOR, CMRC);
		let id = raise(10);
		let po = po(id);
		assert_eq!((po.vendor, po.supplier, po.listing), (VENDOR, SUPPLIER, LISTING));
		assert_eq!((po.ordered, po.quantity, po.shipped, po.received), (10, 10, 0, 0));
		assert_eq!(po.held, 10 * PRICE);
		assert_eq!(po.state, PoState::Requested { accept_by: 1 + ACCEPT_WINDOW });
		assert!(crate::Deadlines::<Test>::contains_key(1 + ACCEPT_WINDOW, id));
		assert!(!po.by_rule);
		assert_eq!(held(VENDOR, CMRC), 10 * PRICE);
		assert_eq!(deposits(VENDOR), DEPOSIT);
		assert_eq!(free(VENDOR, CMRC), before - 10 * PRICE - DEPOSIT);
		assert_eq!(Suppliers::<Test>::get(SUPPLIER).requested, 1);
		assert_eq!(
			last_event(),
			Event::PurchaseOrderRaised {
				purchase_order: id,
				listing: LISTING,
				vendor: VENDOR,
				supplier: SUPPLIER,
				currency: CMRC,
				quantity: 10,
				unit_price: PRICE,
				total: 10 * PRICE,
				accept_by: 1 + ACCEPT_WINDOW,
				by_rule: false,
			}
		);
	});
}

#[test]
fn holds_a_stablecoin_order_in_the_stablecoin_and_the_deposit_in_cmrc() {
	run(|| {
		let (usd, cmrc) = (free(VENDOR, STABLE), free(VENDOR, CMRC));
		let id = raise_in(STABLE, 10, 5);
		assert_eq!(po(id).held, 50);
		assert_eq!(held(VENDOR, STABLE), 50);
		assert_eq!(free(VENDOR, STABLE), usd - 50);
		assert_eq!(free(VENDOR, CMRC), cmrc - DEPOSIT);
	});
}

#[test]
fn refuses_bad_input_and_changes_nothing() {
	run(|| {
		let create = |who, supplier, listing, currency, quantity, price, window| {
			Replenishment::create_purchase_order(
				origin(who),
				supplier,
				listing,
				currency,
				quantity,
				price,
				window,
			)
		};
		assert_noop!(create(VENDOR, SUPPLIER, LISTING, CMRC, 0, PRICE, 5), Error::<Test>::Zero);
		assert_noop!(create(VENDOR, SUPPLIER, LISTING, CMRC, 5, 0, 5), Error::<Test>::Zero);
		assert_noop!(
			create(VENDOR, VENDOR, LISTING, CMRC, 10, PRICE, 5),
			Error::<Test>::SupplierIsVendor
		);
		assert_noop!(
			create(VENDOR, SUPPLIER, LISTING, CMRC, 10, PRICE, 0),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(VENDOR, SUPPLIER, LISTING, CMRC, 10, PRICE, MAX_SHIP_WINDOW + 1),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(VENDOR, SUPPLIER, 99, CMRC, 10, PRICE, 5),
			Error::<Test>::ListingNotFound
		);
		// Only the listing's vendor orders stock for it.
		assert_noop!(
			create(OTHER, SUPPLIER, LISTING, CMRC, 10, PRICE, 5),
			Error::<Test>::NotTheVendor
		);
		assert_noop!(
			create(VENDOR, SUPPLIER, LISTING, UNRATED, 10, PRICE, 5),
			Error::<Test>::CurrencyNotAccepted
		);
		assert_noop!(
			create(VENDOR, SUPPLIER, LISTING, CMRC, u32::MAX, Balance::MAX, 5),
			Error::<Test>::Overflow
		);
		// Worth 49 < 50.
		assert_noop!(
			create(VENDOR, SUPPLIER, LISTING, CMRC, 7, 7, 5),
			Error::<Test>::BelowMinimumValue
		);
		// 17 cUSD are worth 51 CMRC: enough.
		assert_ok!(create(VENDOR, SUPPLIER, LISTING, STABLE, 17, 1, 5));
	});
}

#[test]
fn a_vendor_that_cannot_pay_gets_no_purchase_order() {
	run(|| {
		MockListings::add(2, POOR, 0);
		assert!(Replenishment::create_purchase_order(
			origin(POOR),
			SUPPLIER,
			2,
			CMRC,
			10,
			PRICE,
			5
		)
		.is_err());
		assert!(PurchaseOrders::<Test>::iter().next().is_none());
		assert_eq!(free(POOR, CMRC), 100);
	});
}
