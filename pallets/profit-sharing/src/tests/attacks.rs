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

/// A change of `id` to `beneficiaries` and `threshold`, accepted by all: orders placed from now
/// on settle by it.
fn change(id: u32, beneficiaries: &[(AccountId, Perbill)], threshold: Threshold<Balance>) {
	assert_ok!(ProfitSharing::propose_change(signed(VENDOR), id, terms(beneficiaries, threshold)));
	accept_all(id);
}

fn check() {
	ProfitSharing::do_try_state().expect("invariants hold");
}

/// Issue 21, attack 2. The vendor makes a wash sale under a version with a high revenue
/// threshold (it pays the supplier nothing), has a change to a zero threshold accepted, lets
/// genuine sales pay the supplier its shares, then refunds the wash sale, in two parts. The
/// clawback used to measure the wash sale's version's threshold against the revenue of every
/// version (700 above 1,000 before the refund, none after: 350 owed by the supplier for shares
/// the wash sale never paid it). A refund takes back only what its sale credited: nothing here.
#[test]
fn a_wash_sale_under_a_high_threshold_refunded_after_a_change_takes_nothing() {
	run(|| {
		let id = agreement(HALF, Threshold::Revenue(1_000));
		place(1, VENDOR, LISTING, 1);
		// The wash sale: below the threshold, nothing shared, nothing credited.
		assert_eq!(pay(1, BUYER2, VENDOR, 900), vec![(VENDOR, 900), (SUPPLIER, 0)]);
		assert!(Sales::<Test>::get(1).unwrap().credited.is_empty());
		change(id, HALF, Threshold::Revenue(0));
		// Genuine sales under the new version pay the supplier half.
		assert_eq!(sell(2, 1, 500), vec![(VENDOR, 250), (SUPPLIER, 250)]);
		assert_eq!(sell(3, 1, 300), vec![(VENDOR, 150), (SUPPLIER, 150)]);
		check();
		let supplier = free(SUPPLIER);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 400));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER2,
				currency: CMRC,
				amount: 400,
				clawback: 0
			}
		);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 500));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER2,
				currency: CMRC,
				amount: 500,
				clawback: 0
			}
		);
		check();
		// The supplier loses nothing for it.
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 400, claimable: 0, owed: 0 });
		assert_eq!(free(SUPPLIER), supplier);
		assert_eq!(sell(4, 1, 200), vec![(VENDOR, 100), (SUPPLIER, 100)]);
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 500, claimable: 0, owed: 0 });
	});
}

/// A sale that crossed a version's threshold (200 of 1,200 above 1,000: 100 credited to
/// `SUPPLIER`), then a change to another supplier with no threshold and a genuine sale under it,
/// then the first sale refunded in two parts. The first 150 comes off the top of the sale, its
/// shared part (75 owed); the rest takes back the other 50 of its shared part, and nothing
/// more: `SUPPLIER` owes exactly the 100 the sale credited it (the old measure, against the
/// revenue of both versions, made it 600), and the new version's supplier owes nothing.
#[test]
fn a_crossing_sale_refunded_after_a_change_claws_back_exactly_what_it_credited() {
	run(|| {
		let id = agreement(HALF, Threshold::Revenue(1_000));
		assert_eq!(sell(1, 1, 1_200), vec![(VENDOR, 1_100), (SUPPLIER, 100)]);
		change(id, &[(SUPPLIER2, Perbill::from_percent(50))], Threshold::Revenue(0));
		assert_eq!(sell(2, 1, 1_000), vec![(VENDOR, 500), (SUPPLIER2, 500)]);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 150));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER,
				currency: CMRC,
				amount: 150,
				clawback: 150
			}
		);
		assert_eq!(ledger(id, SUPPLIER).owed, 75);
		check();
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 1_050));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER,
				currency: CMRC,
				amount: 1_050,
				clawback: 50
			}
		);
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 100, claimable: 0, owed: 100 });
		assert_eq!(ledger(id, SUPPLIER2), Ledger { received: 500, claimable: 0, owed: 0 });
		// The revenue counted toward thresholds drops by the refunds.
		assert_eq!(ProfitSharing::progress(id), Some((1_000, 2)));
	});
}

/// Refunds of sales under two versions, in parts and in any order, one of them a sale whose
/// share was netted against an earlier clawback: each refund claws back, with the sale's own
/// version's beneficiaries, the refunded part of what that sale credited (paid, or netted), and
/// a sale wholly refunded exactly that.
#[test]
fn refunds_across_versions_claw_back_exactly_what_each_sale_credited() {
	run(|| {
		let id = agreement(HALF, Threshold::Revenue(0));
		assert_eq!(sell(1, 1, 100), vec![(VENDOR, 50), (SUPPLIER, 50)]);
		change(
			id,
			&[(SUPPLIER, Perbill::from_percent(20)), (SUPPLIER2, Perbill::from_percent(10))],
			Threshold::Revenue(0),
		);
		assert_eq!(sell(2, 1, 100), vec![(VENDOR, 70), (SUPPLIER, 20), (SUPPLIER2, 10)]);
		// Sale 1 (version 0, 50 credited) in three parts: 16, 33, 50 owed in all.
		for (part, owed) in [(33, 16), (33, 33), (34, 50)] {
			assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, part));
			assert_eq!(ledger(id, SUPPLIER).owed, owed);
			assert_eq!(ledger(id, SUPPLIER2).owed, 0);
			check();
		}
		// Sale 3 (version 1): `SUPPLIER`'s 20 is netted against what it owes; that credits it 20
		// all the same, which a refund of sale 3 takes back.
		assert_eq!(sell(3, 1, 100), vec![(VENDOR, 90), (SUPPLIER, 0), (SUPPLIER2, 10)]);
		assert_eq!(Sales::<Test>::get(3).unwrap().credited.into_inner(), vec![20, 10]);
		assert_eq!(ledger(id, SUPPLIER).owed, 30);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 100));
		assert_eq!(ledger(id, SUPPLIER).owed, 50);
		assert_eq!(ledger(id, SUPPLIER2).owed, 10);
		check();
		// Sale 2, in two parts: its 20 and 10, not a planck more.
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 55));
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (50 + 11, 10 + 5));
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 45));
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (70, 20));
		// Every sale wholly refunded: each beneficiary owes back exactly what it kept.
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 70, claimable: 0, owed: 70 });
		assert_eq!(ledger(id, SUPPLIER2), Ledger { received: 20, claimable: 0, owed: 20 });
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
