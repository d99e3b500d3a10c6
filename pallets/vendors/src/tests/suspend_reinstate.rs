use super::*;
use crate::Error;

#[test]
fn a_suspended_vendor_takes_no_orders_until_reinstated() {
	run(|| {
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
		assert_eq!(status(VENDOR), Some(VendorStatus::Suspended));
		assert_eq!(last_event(), Event::Suspended { vendor: VENDOR, by_policy: false });
		assert!(!<Vendors as VendorRegistry<_>>::is_active_vendor(&VENDOR));
		// Its open orders still end and count.
		missed(VENDOR, BUYER, 4, 10);
		next_period();
		// A suspended vendor is not judged.
		assert!(verdicts(VENDOR).is_empty());
		assert_ok!(Vendors::reinstate(signed(VETTING), VENDOR));
		assert_eq!(status(VENDOR), Some(VendorStatus::Active));
		assert!(<Vendors as VendorRegistry<_>>::is_active_vendor(&VENDOR));
		// The periods it spent suspended are not judged after reinstatement either.
		next_period();
		assert!(verdicts(VENDOR).is_empty());
	});
}

#[test]
fn only_the_vetting_body_and_only_from_the_right_status() {
	run(|| {
		assert_noop!(
			Vendors::suspend(signed(VENDOR2), VENDOR),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(Vendors::reinstate(signed(VETTING), VENDOR), Error::<Test>::InvalidStatus);
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
		assert_noop!(Vendors::suspend(signed(VETTING), VENDOR), Error::<Test>::InvalidStatus);
		assert_noop!(Vendors::suspend(signed(VETTING), BUYER), Error::<Test>::NotRegistered);
	});
}
