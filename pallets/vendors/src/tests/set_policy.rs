use super::*;
use crate::{ActivePolicy, Error};

#[test]
fn governance_sets_and_clears_the_policy() {
	run(|| {
		let mut stricter = policy();
		stricter.min_sample = 1;
		assert_ok!(Vendors::set_policy(signed(GOVERNANCE), Some(stricter.clone())));
		assert_eq!(ActivePolicy::<Test>::get(), Some(stricter.clone()));
		assert_eq!(last_event(), Event::PolicySet { policy: Some(stricter) });
		assert_ok!(Vendors::set_policy(signed(GOVERNANCE), None));
		assert_eq!(ActivePolicy::<Test>::get(), None);
	});
}

#[test]
fn a_policy_without_a_cure_or_a_suspension_step_is_refused() {
	run(|| {
		let mut bad = policy();
		bad.cure_periods = 0;
		assert_noop!(
			Vendors::set_policy(signed(GOVERNANCE), Some(bad)),
			Error::<Test>::InvalidPolicy
		);
		let mut bad = policy();
		bad.failed_cures_to_suspend = 0;
		assert_noop!(
			Vendors::set_policy(signed(GOVERNANCE), Some(bad)),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			Vendors::set_policy(signed(VETTING), None),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
