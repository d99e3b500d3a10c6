//! `end_agreement` and `consent_to_end`: ending with notice or by consent.

use super::*;
use crate::Error;

const TWO: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

#[test]
fn notice_covers_orders_until_it_runs_out() {
	run(|| {
		let id = agreement(TWO, Threshold::Revenue(0));
		assert_noop!(ProfitSharing::end_agreement(signed(SUPPLIER), id), Error::<Test>::NotVendor);
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), id));
		assert_eq!(last_event(), Event::EndScheduled { agreement: id, at: 1 + NOTICE });
		assert_noop!(ProfitSharing::end_agreement(signed(VENDOR), id), Error::<Test>::Ending);
		assert_noop!(
			ProfitSharing::propose_change(signed(VENDOR), id, terms(TWO, Threshold::Revenue(0))),
			Error::<Test>::Ending
		);
		run_to(NOTICE); // the last block of notice: still covered
		place(1, VENDOR, LISTING, 1);
		run_to(1 + NOTICE);
		place(2, VENDOR, LISTING, 1);
		assert!(Placements::<Test>::get(1).is_some());
		assert!(Placements::<Test>::get(2).is_none());
		// The order placed under notice still settles by the agreement.
		assert_eq!(pay(1, BUYER, VENDOR, 100), vec![(VENDOR, 50), (SUPPLIER, 30), (SUPPLIER2, 20)]);
		assert_eq!(pay(2, BUYER, VENDOR, 100), vec![(VENDOR, 100)]);
	});
}

#[test]
fn consent_of_every_beneficiary_ends_it_now() {
	run(|| {
		let id = agreement(TWO, Threshold::Revenue(0));
		assert_noop!(ProfitSharing::consent_to_end(signed(SUPPLIER), id), Error::<Test>::NotEnded);
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), id));
		assert_noop!(
			ProfitSharing::consent_to_end(signed(SUPPLIER3), id),
			Error::<Test>::NotBeneficiary
		);
		assert_ok!(ProfitSharing::consent_to_end(signed(SUPPLIER), id));
		assert_noop!(
			ProfitSharing::consent_to_end(signed(SUPPLIER), id),
			Error::<Test>::AlreadyAccepted
		);
		assert_eq!(Agreements::<Test>::get(id).unwrap().ending.unwrap().at, 1 + NOTICE);
		assert_ok!(ProfitSharing::consent_to_end(signed(SUPPLIER2), id));
		assert_eq!(last_event(), Event::EndScheduled { agreement: id, at: 1 });
		place(1, VENDOR, LISTING, 1);
		assert!(Placements::<Test>::get(1).is_none());
		// Ended: the vendor may make a new agreement for the scope before closing the old one.
		let next = propose(Scope::AllListings, TWO, Threshold::Revenue(0));
		assert_ne!(next, id);
	});
}

#[test]
fn ending_withdraws_a_pending_change() {
	run(|| {
		let id = agreement(TWO, Threshold::Revenue(0));
		assert_ok!(ProfitSharing::propose_change(
			signed(VENDOR),
			id,
			terms(TWO, Threshold::Revenue(9))
		));
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), id));
		assert!(Versions::<Test>::get(id, 1).is_none());
		assert_noop!(ProfitSharing::accept(signed(SUPPLIER), id, 1), Error::<Test>::NotProposed);
	});
}
