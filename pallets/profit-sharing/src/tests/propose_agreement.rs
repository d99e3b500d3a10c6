//! `propose_agreement`: who may propose, which terms are valid, the deposit.

use super::*;
use crate::{Error, LiveAgreement};

const HALF: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

#[test]
fn a_vendor_proposes_and_holds_the_deposit() {
	run(|| {
		let id = propose(Scope::Listing(LISTING), HALF, Threshold::Revenue(1_000));
		let agreement = Agreements::<Test>::get(id).unwrap();
		assert_eq!(
			(agreement.vendor, agreement.current, agreement.pending),
			(VENDOR, None, Some(0))
		);
		assert_eq!(on_hold(VENDOR), AGREEMENT_DEPOSIT);
		assert_eq!(LiveAgreement::<Test>::get(VENDOR, Scope::Listing(LISTING)), Some(id));
		assert!(matches!(
			Versions::<Test>::get(id, 0).unwrap().status,
			VersionStatus::Proposed { at: 1 }
		));
		assert!(matches!(last_event(), Event::VersionProposed { agreement: 0, version: 0, .. }));
		// Not in force yet: new orders are not covered.
		assert_eq!(ProfitSharing::agreement_for(VENDOR, LISTING), None);
	});
}

#[test]
fn only_an_active_vendor_for_its_own_listing() {
	run(|| {
		let t = terms(HALF, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::propose_agreement(signed(OUTSIDER), Scope::AllListings, t.clone()),
			Error::<Test>::NotActiveVendor
		);
		assert_noop!(
			ProfitSharing::propose_agreement(
				signed(VENDOR),
				Scope::Listing(OTHERS_LISTING),
				t.clone()
			),
			Error::<Test>::NotYourListing
		);
		assert_noop!(
			ProfitSharing::propose_agreement(signed(VENDOR), Scope::Listing(99), t),
			Error::<Test>::NotYourListing
		);
	});
}

#[test]
fn bad_terms_are_refused_with_their_error() {
	run(|| {
		let cases: Vec<(Vec<(AccountId, Perbill)>, Error<Test>)> = vec![
			(vec![], Error::NoBeneficiaries),
			(vec![(SUPPLIER, percent(10)), (SUPPLIER, percent(10))], Error::DuplicateBeneficiary),
			(vec![(VENDOR, percent(10))], Error::InvalidBeneficiary),
			(vec![(ProfitSharing::pot(), percent(10))], Error::InvalidBeneficiary),
			(vec![(SUPPLIER, Perbill::zero())], Error::ZeroShare),
			(vec![(SUPPLIER, percent(60)), (SUPPLIER2, percent(41))], Error::SharesExceedWhole),
		];
		for (beneficiaries, error) in cases {
			assert_noop!(
				ProfitSharing::propose_agreement(
					signed(VENDOR),
					Scope::AllListings,
					terms(&beneficiaries, Threshold::Units(0))
				),
				error
			);
		}
		// Exactly 100% is allowed: the vendor keeps only rounding remainders.
		propose(
			Scope::AllListings,
			&[(SUPPLIER, percent(60)), (SUPPLIER2, percent(40))],
			Threshold::Units(0),
		);
	});
}

#[test]
fn one_live_agreement_per_vendor_and_scope() {
	run(|| {
		propose(Scope::AllListings, HALF, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::propose_agreement(
				signed(VENDOR),
				Scope::AllListings,
				terms(HALF, Threshold::Revenue(5))
			),
			Error::<Test>::ScopeTaken
		);
		// Other scopes are free.
		propose(Scope::Listing(LISTING), HALF, Threshold::Revenue(0));
		propose(Scope::Listing(LISTING2), HALF, Threshold::Revenue(0));
	});
}

#[test]
fn a_vendor_that_cannot_pay_the_deposit_is_refused() {
	run(|| {
		let all = Balances::free_balance(VENDOR);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&VENDOR,
			&BUYER2,
			all - 50,
			Preservation::Expendable
		));
		assert!(ProfitSharing::propose_agreement(
			signed(VENDOR),
			Scope::AllListings,
			terms(HALF, Threshold::Revenue(0))
		)
		.is_err());
		assert!(Agreements::<Test>::get(0).is_none());
	});
}
