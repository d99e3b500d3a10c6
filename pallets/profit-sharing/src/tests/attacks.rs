//! Attacks on the money paths and on consent, each written as the attacker would try it.

use super::*;
use crate::Error;

const HALF: &[(AccountId, Perbill)] = &[(SUPPLIER, Perbill::from_percent(50))];
const CRUMB: &[(AccountId, Perbill)] = &[(SUPPLIER, Perbill::from_percent(1))];

/// The vendor proposes generous terms, and when the supplier sends its acceptance, swaps them
/// for worse ones in one `batch_all` (withdraw, propose). The acceptance names the version
/// it saw, whose index is never reused: it fails instead of accepting the swapped terms.
#[test]
fn a_proposal_swapped_under_a_pending_acceptance_is_not_accepted() {
	run(|| {
		let id = agreement(CRUMB, Threshold::Revenue(0));
		assert_ok!(ProfitSharing::propose_change(
			signed(VENDOR),
			id,
			terms(HALF, Threshold::Revenue(0))
		));
		let seen = Agreements::<Test>::get(id).unwrap().pending.unwrap();
		// The swap, before the acceptance lands.
		assert_ok!(ProfitSharing::withdraw_proposal(signed(VENDOR), id));
		assert_ok!(ProfitSharing::propose_change(
			signed(VENDOR),
			id,
			terms(CRUMB, Threshold::Revenue(1_000_000))
		));
		assert_noop!(ProfitSharing::accept(signed(SUPPLIER), id, seen), Error::<Test>::NotProposed);
		assert_eq!(Agreements::<Test>::get(id).unwrap().current, Some(0));
	});
}

/// The vendor sells to itself through another account above the threshold, then refunds the
/// sale in full to claw back the beneficiaries' shares of real sales. The clawback is exactly
/// what the wash sale paid them: they end where they were.
#[test]
fn a_wash_sale_refunded_takes_back_only_what_it_paid() {
	run(|| {
		let id = agreement(HALF, Threshold::Revenue(100));
		sell(1, 1, 300); // real: 200 above the threshold, 100 to SUPPLIER
		place(2, VENDOR, LISTING, 1);
		pay(2, BUYER2, VENDOR, 1_000); // the wash sale: 500 to SUPPLIER
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 1_000));
		assert_eq!(ledger(id, SUPPLIER).owed, 500);
		sell(3, 1, 1_000);
		// SUPPLIER holds 50% of (300 + 1,000 - 100) = 600: nothing of the real sales was lost.
		assert_eq!(ledger(id, SUPPLIER).owed, 0);
		assert_eq!(ledger(id, SUPPLIER).received, 600);
	});
}

/// The vendor tries to refund more than a sale released (to claw back more than its share),
/// to refund a sale of another vendor, or to refund twice.
#[test]
fn refunds_cannot_exceed_the_sale_or_come_from_another_vendor() {
	run(|| {
		agreement(HALF, Threshold::Revenue(0));
		sell(1, 1, 100);
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 1, 101),
			Error::<Test>::InvalidRefund
		);
		assert_noop!(ProfitSharing::refund_sale(signed(SUPPLIER), 1, 50), Error::<Test>::NotVendor);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 100));
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 1, 1),
			Error::<Test>::InvalidRefund
		);
	});
}

/// A beneficiary whose account is gone cannot block the vendor's payout, and its share is
/// neither lost nor returned to the buyer.
#[test]
fn a_reaped_beneficiary_blocks_nothing_and_loses_nothing() {
	run(|| {
		let id = agreement(&[(SUPPLIER3, Perbill::from_percent(5))], Threshold::Revenue(0));
		let all = free(SUPPLIER3);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&SUPPLIER3,
			&BUYER2,
			all,
			Preservation::Expendable
		));
		let (buyer, vendor) = (free(BUYER), free(VENDOR));
		sell(1, 1, 100);
		// The vendor is paid its part; the buyer gets nothing back.
		assert_eq!(free(BUYER), buyer - 100);
		assert_eq!(free(VENDOR), vendor + 95 - SALE_DEPOSIT);
		assert_eq!(ledger(id, SUPPLIER3).claimable, 5);
	});
}

/// The vendor ends the agreement to escape sharing the orders it already took: they still
/// settle by their version.
#[test]
fn ending_does_not_free_orders_already_placed() {
	run(|| {
		agreement(HALF, Threshold::Revenue(0));
		place(1, VENDOR, LISTING, 1);
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), 0));
		run_to(2 + NOTICE);
		assert_eq!(pay(1, BUYER, VENDOR, 100), vec![(VENDOR, 50), (SUPPLIER, 50)]);
	});
}

/// A stranger cannot end, change, withdraw or impose; only governance imposes.
#[test]
fn strangers_change_nothing() {
	run(|| {
		let id = agreement(HALF, Threshold::Revenue(0));
		assert_noop!(ProfitSharing::end_agreement(signed(BUYER), id), Error::<Test>::NotVendor);
		assert_noop!(
			ProfitSharing::propose_change(signed(BUYER), id, terms(CRUMB, Threshold::Revenue(0))),
			Error::<Test>::NotVendor
		);
		assert_noop!(ProfitSharing::withdraw_proposal(signed(BUYER), id), Error::<Test>::NotVendor);
		assert_noop!(
			ProfitSharing::impose(signed(BUYER), id, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(ProfitSharing::close_agreement(signed(BUYER), id), Error::<Test>::NotEnded);
	});
}
