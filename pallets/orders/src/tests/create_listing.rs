use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn lists_goods_and_holds_the_deposit() {
	run(|| {
		let id = list();
		let listing = Listings::<Test>::get(id).unwrap();
		assert_eq!(
			(listing.vendor, listing.unit_price, listing.stock, listing.reserved),
			(VENDOR, PRICE, STOCK, 0)
		);
		assert_eq!(listing.metadata.to_vec(), metadata());
		let deposit = on_hold(VENDOR);
		assert!(deposit > 10, "base 10 plus the listing's bytes");
		assert_eq!(free(VENDOR), INITIAL - deposit);
		assert!(matches!(
			last_event(),
			Event::ListingCreated { listing: 0, vendor: VENDOR, stock: STOCK, .. }
		));
	});
}

#[test]
fn longer_metadata_pays_a_larger_deposit() {
	run(|| {
		list();
		let short = on_hold(VENDOR);
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(VENDOR),
			CMRC,
			PRICE,
			1,
			vec![b'x'; MAX_METADATA as usize],
			SHIP_WINDOW,
			CONFIRM_WINDOW
		));
		assert!(on_hold(VENDOR) - short > short);
	});
}

#[test]
fn rejects_bad_input_without_changing_anything() {
	run(|| {
		let create = |who, price, meta: Vec<u8>, ship, confirm| {
			Orders::create_listing(RuntimeOrigin::signed(who), CMRC, price, 5, meta, ship, confirm)
		};
		assert_noop!(create(VENDOR, 0, metadata(), 10, 10), Error::<Test>::ZeroPrice);
		assert_noop!(
			create(VENDOR, PRICE, vec![0; MAX_METADATA as usize + 1], 10, 10),
			Error::<Test>::MetadataTooLong
		);
		assert_noop!(
			create(VENDOR, PRICE, metadata(), MIN_SHIP_WINDOW - 1, 10),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(VENDOR, PRICE, metadata(), 10, MAX_WINDOW + 1),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(create(VENDOR, PRICE, metadata(), 10, 0), Error::<Test>::InvalidWindow);
		assert_noop!(create(BANNED, PRICE, metadata(), 10, 10), Error::<Test>::NotAVendor);
	});
}

#[test]
fn listing_spam_needs_the_deposit() {
	run(|| {
		// POOR has 100: enough for a few deposits, then listing fails and holds nothing more.
		let mut listed = 0;
		while Orders::create_listing(
			RuntimeOrigin::signed(POOR),
			CMRC,
			PRICE,
			1,
			metadata(),
			10,
			10,
		)
		.is_ok()
		{
			listed += 1;
			assert!(listed < 100, "listing must cost a deposit");
		}
		assert!(listed >= 1);
		let held = on_hold(POOR);
		assert_eq!(held + free(POOR), 100);
		assert_noop!(
			Orders::create_listing(RuntimeOrigin::signed(POOR), CMRC, PRICE, 1, metadata(), 10, 10),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}
