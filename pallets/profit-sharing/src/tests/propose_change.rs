//! `propose_change` and `withdraw_proposal`: versions, each needing the same consent, each
//! order settling by the version it was placed under.

use super::*;
use crate::Error;

const ONE: &[(AccountId, Perbill)] = &[(SUPPLIER, Perbill::from_percent(10))];
const MORE: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(20)), (SUPPLIER2, Perbill::from_percent(10))];

#[test]
fn a_change_applies_to_orders_placed_after_it_is_in_force() {
	run(|| {
		let id = agreement(ONE, Threshold::Revenue(0));
		place(1, VENDOR, LISTING, 1); // under version 0
		assert_ok!(ProfitSharing::propose_change(
			signed(VENDOR),
			id,
			terms(MORE, Threshold::Revenue(0))
		));
		place(2, VENDOR, LISTING, 1); // version 1 not accepted yet: still version 0
		accept_all(id);
		place(3, VENDOR, LISTING, 1); // under version 1
		assert_eq!(Placements::<Test>::get(1).unwrap().version, 0);
		assert_eq!(Placements::<Test>::get(2).unwrap().version, 0);
		assert_eq!(Placements::<Test>::get(3).unwrap().version, 1);
		assert_eq!(pay(1, BUYER, VENDOR, 1_000), vec![(VENDOR, 900), (SUPPLIER, 100)]);
		assert_eq!(
			pay(3, BUYER, VENDOR, 1_000),
			vec![(VENDOR, 700), (SUPPLIER, 200), (SUPPLIER2, 100)]
		);
		assert_eq!(pay(2, BUYER, VENDOR, 1_000), vec![(VENDOR, 900), (SUPPLIER, 100)]);
		assert!(matches!(
			Versions::<Test>::get(id, 0).unwrap().status,
			VersionStatus::Superseded { since: 1, until: 1 }
		));
	});
}

#[test]
fn a_change_needs_an_agreement_in_force_and_one_proposal_at_a_time() {
	run(|| {
		let id = propose(Scope::AllListings, ONE, Threshold::Revenue(0));
		let change = terms(MORE, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::propose_change(signed(VENDOR), id, change.clone()),
			Error::<Test>::NotInForce
		);
		accept_all(id);
		assert_noop!(
			ProfitSharing::propose_change(signed(VENDOR2), id, change.clone()),
			Error::<Test>::NotVendor
		);
		assert_ok!(ProfitSharing::propose_change(signed(VENDOR), id, change.clone()));
		assert_noop!(
			ProfitSharing::propose_change(signed(VENDOR), id, change),
			Error::<Test>::ProposalPending
		);
	});
}

#[test]
fn the_version_history_is_bounded() {
	run(|| {
		let id = agreement(ONE, Threshold::Revenue(0));
		for _ in 1..MAX_VERSIONS {
			assert_ok!(ProfitSharing::propose_change(
				signed(VENDOR),
				id,
				terms(MORE, Threshold::Revenue(0))
			));
			accept_all(id);
		}
		assert_noop!(
			ProfitSharing::propose_change(signed(VENDOR), id, terms(ONE, Threshold::Revenue(0))),
			Error::<Test>::TooManyVersions
		);
		assert_eq!(ProfitSharing::versions(id).len() as u32, MAX_VERSIONS);
	});
}

#[test]
fn withdrawing_a_change_frees_its_index_and_withdrawing_the_first_removes_the_agreement() {
	run(|| {
		let id = agreement(ONE, Threshold::Revenue(0));
		assert_noop!(
			ProfitSharing::withdraw_proposal(signed(VENDOR), id),
			Error::<Test>::NoProposal
		);
		assert_ok!(ProfitSharing::propose_change(
			signed(VENDOR),
			id,
			terms(MORE, Threshold::Revenue(0))
		));
		assert_noop!(
			ProfitSharing::withdraw_proposal(signed(SUPPLIER), id),
			Error::<Test>::NotVendor
		);
		assert_ok!(ProfitSharing::withdraw_proposal(signed(VENDOR), id));
		assert!(Versions::<Test>::get(id, 1).is_none());
		let agreement = Agreements::<Test>::get(id).unwrap();
		assert_eq!((agreement.versions, agreement.next_version), (1, 2));
		// An acceptance of the withdrawn version is refused.
		assert_noop!(ProfitSharing::accept(signed(SUPPLIER2), id, 1), Error::<Test>::NotProposed);

		let other = propose(Scope::Listing(LISTING2), ONE, Threshold::Revenue(0));
		assert_eq!(on_hold(VENDOR), 2 * AGREEMENT_DEPOSIT);
		assert_ok!(ProfitSharing::withdraw_proposal(signed(VENDOR), other));
		assert!(Agreements::<Test>::get(other).is_none());
		assert_eq!(on_hold(VENDOR), AGREEMENT_DEPOSIT);
		// The scope is free again.
		propose(Scope::Listing(LISTING2), ONE, Threshold::Revenue(0));
	});
}
