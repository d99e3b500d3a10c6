use super::*;
use crate::Error;
use frame_support::BoundedVec;

fn profile() -> BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	BoundedVec::truncate_from(b"ipfs://applicant".to_vec())
}

#[test]
fn holds_the_bond_and_waits_for_vetting() {
	run(|| {
		assert_ok!(Vendors::apply(signed(APPLICANT), profile()));
		assert_eq!(status(APPLICANT), Some(VendorStatus::Applied));
		assert_eq!(on_hold(APPLICANT), BOND);
		assert_eq!(free(APPLICANT), INITIAL - BOND);
		assert_eq!(last_event(), Event::Applied { vendor: APPLICANT, bond: BOND });
		// An applicant may not sell yet.
		assert!(!<Vendors as VendorRegistry<_>>::is_active_vendor(&APPLICANT));
	});
}

#[test]
fn twice_or_without_the_bond_fails_and_changes_nothing() {
	run(|| {
		assert_noop!(Vendors::apply(signed(VENDOR), profile()), Error::<Test>::AlreadyRegistered);
		assert_noop!(
			Vendors::apply(signed(POOR), profile()),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_eq!(status(POOR), None);
	});
}
