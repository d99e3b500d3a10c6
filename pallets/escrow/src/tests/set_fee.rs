use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::{DispatchError, Perbill};

#[test]
fn governance_sets_the_fee_within_the_cap() {
	run(|| {
		assert_ok!(Escrow::set_fee(RuntimeOrigin::root(), MAX_FEE));
		assert_eq!(MarketplaceFee::<Test>::get(), MAX_FEE);
		assert_eq!(last_event(), Event::FeeSet { fee: MAX_FEE });
	});
}

#[test]
fn a_fee_above_the_cap_or_from_anyone_else_is_refused() {
	run(|| {
		assert_noop!(
			Escrow::set_fee(RuntimeOrigin::root(), MAX_FEE + Perbill::from_parts(1)),
			Error::<Test>::FeeTooHigh
		);
		assert_noop!(
			Escrow::set_fee(RuntimeOrigin::root(), Perbill::one()),
			Error::<Test>::FeeTooHigh
		);
		assert_noop!(
			Escrow::set_fee(RuntimeOrigin::signed(VENDOR), Perbill::from_percent(1)),
			DispatchError::BadOrigin
		);
	});
}
