//! `retire` and `withdraw_bond`.

use super::*;
use crate::{Error, Performance};
use frame_support::BoundedVec;

#[test]
fn the_bond_comes_back_after_unbonding_once_no_order_is_open() {
	run(|| {
		perfect(VENDOR, BUYER, 1, 10);
		<Vendors as OrderObserver<_, _>>::order_placed(&VENDOR, 500, 0, 1, 10, 10);
		assert_ok!(Vendors::retire(signed(VENDOR)));
		let unbonds_at = 1 + UNBONDING;
		assert_eq!(status(VENDOR), Some(VendorStatus::Retiring { unbonds_at }));
		assert_eq!(last_event(), Event::Retiring { vendor: VENDOR, unbonds_at });
		// Retiring, it takes no new orders.
		assert!(!<Vendors as VendorRegistry<_>>::is_active_vendor(&VENDOR));
		assert_noop!(Vendors::withdraw_bond(signed(VENDOR)), Error::<Test>::StillUnbonding);
		run_to_block(unbonds_at);
		assert_noop!(Vendors::withdraw_bond(signed(VENDOR)), Error::<Test>::HasOpenOrders);
		// The last order ends.
		<Vendors as OrderObserver<_, _>>::order_closed(&OrderReport {
			order: 500,
			vendor: VENDOR,
			buyer: BUYER,
			outcome: Outcome::Completed,
			total: 10,
			partially_refunded: 0,
			refunded_at_close: 0,
			shipped: true,
		});
		assert_ok!(Vendors::withdraw_bond(signed(VENDOR)));
		assert_eq!(free(VENDOR), INITIAL);
		assert_eq!(status(VENDOR), None);
		assert!(Performance::<Test>::get(VENDOR).is_empty());
		assert_eq!(last_event(), Event::Retired { vendor: VENDOR, bond: BOND });
	});
}

#[test]
fn an_applicant_retires_at_once() {
	run(|| {
		assert_ok!(Vendors::apply(signed(APPLICANT), BoundedVec::new()));
		assert_ok!(Vendors::retire(signed(APPLICANT)));
		assert_eq!(free(APPLICANT), INITIAL);
		assert_eq!(status(APPLICANT), None);
	});
}

#[test]
fn wrong_states_are_refused() {
	run(|| {
		assert_noop!(Vendors::retire(signed(BUYER)), Error::<Test>::NotRegistered);
		assert_noop!(Vendors::withdraw_bond(signed(VENDOR)), Error::<Test>::InvalidStatus);
		assert_ok!(Vendors::retire(signed(VENDOR)));
		assert_noop!(Vendors::retire(signed(VENDOR)), Error::<Test>::InvalidStatus);
	});
}
