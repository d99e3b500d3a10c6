//! `accept` and `impose`: consent puts a version in force.

use super::*;
use crate::Error;

const TWO: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

#[test]
fn in_force_when_every_beneficiary_accepted() {
	run(|| {
		let id = propose(Scope::AllListings, TWO, Threshold::Revenue(0));
		assert_ok!(ProfitSharing::accept(signed(SUPPLIER), id, 0));
		assert_eq!(Agreements::<Test>::get(id).unwrap().current, None);
		assert_noop!(
			ProfitSharing::accept(signed(SUPPLIER), id, 0),
			Error::<Test>::AlreadyAccepted
		);
		assert_ok!(ProfitSharing::accept(signed(SUPPLIER2), id, 0));
		let agreement = Agreements::<Test>::get(id).unwrap();
		assert_eq!((agreement.current, agreement.pending), (Some(0), None));
		assert_eq!(
			last_event(),
			Event::VersionActivated { agreement: id, version: 0, imposed: false }
		);
		assert_eq!(ProfitSharing::agreement_for(VENDOR, LISTING), Some(id));
	});
}

#[test]
fn only_a_beneficiary_accepts_only_the_pending_version() {
	run(|| {
		let id = propose(Scope::AllListings, TWO, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::accept(signed(SUPPLIER3), id, 0),
			Error::<Test>::NotBeneficiary
		);
		assert_noop!(ProfitSharing::accept(signed(VENDOR), id, 0), Error::<Test>::NotBeneficiary);
		assert_noop!(ProfitSharing::accept(signed(SUPPLIER), id, 1), Error::<Test>::NotProposed);
		assert_noop!(
			ProfitSharing::accept(signed(SUPPLIER), 9, 0),
			Error::<Test>::AgreementNotFound
		);
		accept_all(id);
		// In force: nothing pending to accept.
		assert_noop!(ProfitSharing::accept(signed(SUPPLIER), id, 0), Error::<Test>::NotProposed);
	});
}

#[test]
fn governance_imposes_without_consent() {
	run(|| {
		let id = propose(Scope::AllListings, TWO, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::impose(signed(VENDOR), id, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(ProfitSharing::impose(signed(GOVERNANCE), id, 1), Error::<Test>::NotProposed);
		assert_ok!(ProfitSharing::impose(signed(GOVERNANCE), id, 0));
		assert_eq!(Agreements::<Test>::get(id).unwrap().current, Some(0));
		assert_eq!(
			last_event(),
			Event::VersionActivated { agreement: id, version: 0, imposed: true }
		);
	});
}
