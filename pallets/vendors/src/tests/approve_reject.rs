use super::*;
use crate::Error;
use frame_support::BoundedVec;
use sp_runtime::DispatchError;

fn applied() {
	assert_ok!(Vendors::apply(signed(APPLICANT), BoundedVec::truncate_from(b"x".to_vec())));
}

#[test]
fn approval_lets_the_vendor_sell() {
	run(|| {
		applied();
		assert_ok!(Vendors::approve(signed(VETTING), APPLICANT));
		assert_eq!(status(APPLICANT), Some(VendorStatus::Active));
		assert!(<Vendors as VendorRegistry<_>>::is_active_vendor(&APPLICANT));
		assert_eq!(last_event(), Event::Approved { vendor: APPLICANT });
	});
}

#[test]
fn rejection_returns_the_bond_and_forgets_the_applicant() {
	run(|| {
		applied();
		assert_ok!(Vendors::reject(signed(VETTING), APPLICANT));
		assert_eq!(status(APPLICANT), None);
		assert_eq!(free(APPLICANT), INITIAL);
		assert_eq!(on_hold(APPLICANT), 0);
		// It may apply again.
		applied();
	});
}

#[test]
fn only_the_vetting_body_and_only_applications() {
	run(|| {
		applied();
		assert_noop!(Vendors::approve(signed(APPLICANT), APPLICANT), DispatchError::BadOrigin);
		assert_noop!(Vendors::reject(signed(GOVERNANCE), APPLICANT), DispatchError::BadOrigin);
		assert_noop!(Vendors::approve(signed(VETTING), VENDOR), Error::<Test>::InvalidStatus);
		assert_noop!(Vendors::reject(signed(VETTING), VENDOR), Error::<Test>::InvalidStatus);
		assert_noop!(Vendors::approve(signed(VETTING), BUYER), Error::<Test>::NotRegistered);
	});
}
