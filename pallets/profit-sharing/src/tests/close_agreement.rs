//! `close_agreement`: removal once ended and without open orders.

use super::*;
use crate::{Error, LiveAgreement};

const ONE: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(10)), (NOBODY, Perbill::from_percent(1))];

#[test]
fn closes_after_the_end_and_the_last_order_keeping_claimables() {
	run(|| {
		let id = agreement(ONE, Threshold::Revenue(0));
		place(1, VENDOR, LISTING, 1);
		assert_noop!(ProfitSharing::close_agreement(signed(BUYER), id), Error::<Test>::NotEnded);
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), id));
		run_to(1 + NOTICE);
		assert_noop!(ProfitSharing::close_agreement(signed(BUYER), id), Error::<Test>::OpenOrders);
		// NOBODY's 1% of 500 is 5, below the existential deposit: set aside.
		pay(1, BUYER, VENDOR, 500);
		assert_eq!(ledger(id, NOBODY).claimable, 5);
		let held = on_hold(VENDOR);
		assert_ok!(ProfitSharing::close_agreement(signed(BUYER), id));
		assert_eq!(last_event(), Event::AgreementClosed { agreement: id });
		assert_eq!(on_hold(VENDOR), held - AGREEMENT_DEPOSIT);
		assert!(Agreements::<Test>::get(id).is_none());
		assert!(Versions::<Test>::get(id, 0).is_none());
		assert!(LiveAgreement::<Test>::get(VENDOR, Scope::AllListings).is_none());
		// SUPPLIER's ledger had nothing to claim and is gone; NOBODY's set-aside share waits.
		assert!(Ledgers::<Test>::get((id, SUPPLIER, CMRC)).is_none());
		assert_eq!(ledger(id, NOBODY).claimable, 5);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&BUYER,
			&NOBODY,
			100,
			Preservation::Expendable
		));
		assert_ok!(ProfitSharing::claim(signed(BUYER), id, NOBODY, CMRC));
		assert!(Ledgers::<Test>::get((id, NOBODY, CMRC)).is_none());
		assert_eq!(free(NOBODY), 105);
	});
}

#[test]
fn a_newer_agreement_for_the_scope_keeps_its_index_entry() {
	run(|| {
		let old = agreement(ONE, Threshold::Revenue(0));
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), old));
		run_to(1 + NOTICE);
		let new = agreement(ONE, Threshold::Revenue(0));
		assert_ok!(ProfitSharing::close_agreement(signed(BUYER), old));
		assert_eq!(LiveAgreement::<Test>::get(VENDOR, Scope::AllListings), Some(new));
	});
}
