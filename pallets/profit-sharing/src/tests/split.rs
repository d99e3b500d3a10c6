//! The payout split: thresholds, the crossing order, exact rounding, set-aside shares, which
//! agreement covers an order.

use super::*;

const THREE_WAY: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

#[test]
fn below_the_threshold_everything_goes_to_the_vendor_and_the_crossing_order_splits_above_it() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(1_000));
		assert_eq!(sell(1, 1, 600), vec![(VENDOR, 600), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		// 600 + 700 crosses 1,000 at 400 of this order: 300 above it is split.
		assert_eq!(sell(2, 1, 700), vec![(VENDOR, 400 + 150), (SUPPLIER, 90), (SUPPLIER2, 60)]);
		assert_eq!(
			last_event(),
			Event::Split {
				order: 2,
				agreement: id,
				version: 0,
				currency: CMRC,
				shared: 300,
				to_vendor: 550,
				to_beneficiaries: 150,
				set_aside: 0,
				netted: 0,
			}
		);
		// Above the threshold: split in full.
		assert_eq!(sell(3, 1, 200), vec![(VENDOR, 100), (SUPPLIER, 60), (SUPPLIER2, 40)]);
		let t = totals(id);
		assert_eq!(
			(t.released, t.to_vendor, t.to_beneficiaries, t.claimable),
			(1_500, 1_250, 250, 0)
		);
		assert_eq!(ledger(id, SUPPLIER).received, 150);
		assert_eq!(ProfitSharing::progress(id), Some((1_500, 3)));
	});
}

#[test]
fn a_units_threshold_splits_the_crossing_order_pro_rata_to_its_units() {
	run(|| {
		agreement(THREE_WAY, Threshold::Units(10));
		assert_eq!(sell(1, 8, 800), vec![(VENDOR, 800), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		// Units 8 -> 12: 2 of 4 units are above 10, so half of 1,000 is shared.
		assert_eq!(sell(2, 4, 1_000), vec![(VENDOR, 500 + 250), (SUPPLIER, 150), (SUPPLIER2, 100)]);
		assert_eq!(sell(3, 1, 100), vec![(VENDOR, 50), (SUPPLIER, 30), (SUPPLIER2, 20)]);
	});
}

#[test]
fn shares_round_down_and_the_vendor_takes_the_remainder() {
	run(|| {
		let id = agreement(
			&[
				(SUPPLIER, Perbill::from_percent(33)),
				(SUPPLIER2, Perbill::from_percent(33)),
				(SUPPLIER3, Perbill::from_percent(34)),
			],
			Threshold::Revenue(0),
		);
		// 33% of 101 = 33.33 -> 33; 34% of 101 = 34.34 -> 34; the vendor keeps 1.
		assert_eq!(
			sell(1, 1, 101),
			vec![(VENDOR, 1), (SUPPLIER, 33), (SUPPLIER2, 33), (SUPPLIER3, 34)]
		);
		let t = totals(id);
		assert_eq!(t.to_vendor + t.to_beneficiaries, 101);
	});
}

#[test]
fn a_share_that_cannot_be_deposited_waits_in_the_pot() {
	run(|| {
		let id = agreement(
			&[(SUPPLIER, Perbill::from_percent(50)), (NOBODY, Perbill::from_percent(5))],
			Threshold::Revenue(0),
		);
		let pot = ProfitSharing::pot();
		// 5% of 100 = 5 < ED: NOBODY cannot receive it.
		assert_eq!(sell(1, 1, 100), vec![(VENDOR, 45), (SUPPLIER, 50), (pot, 5)]);
		assert_eq!(ledger(id, NOBODY), Ledger { received: 0, claimable: 5, owed: 0 });
		assert_eq!(Balances::balance_on_hold(&crate::HoldReason::Unclaimed.into(), &pot), 5);
		assert_eq!(totals(id).claimable, 5);
		// 5% of 400 = 20 reaches ED: paid directly.
		assert_eq!(sell(2, 1, 400), vec![(VENDOR, 180), (SUPPLIER, 200), (NOBODY, 20)]);
		assert_eq!(ledger(id, NOBODY), Ledger { received: 20, claimable: 5, owed: 0 });
	});
}

#[test]
fn a_listing_agreement_takes_precedence_over_the_vendor_wide_one() {
	run(|| {
		let wide = agreement(&[(SUPPLIER, Perbill::from_percent(10))], Threshold::Revenue(0));
		let own = propose(
			Scope::Listing(LISTING2),
			&[(SUPPLIER2, Perbill::from_percent(50))],
			Threshold::Revenue(0),
		);
		// Not in force yet: the wide one covers LISTING2.
		assert_eq!(ProfitSharing::agreement_for(VENDOR, LISTING2), Some(wide));
		accept_all(own);
		assert_eq!(ProfitSharing::agreement_for(VENDOR, LISTING2), Some(own));
		assert_eq!(ProfitSharing::agreement_for(VENDOR, LISTING), Some(wide));
		// Another vendor's orders are not covered.
		assert_eq!(ProfitSharing::agreement_for(VENDOR2, OTHERS_LISTING), None);
		place(1, VENDOR, LISTING2, 1);
		assert_eq!(pay(1, BUYER, VENDOR, 100), vec![(VENDOR, 50), (SUPPLIER2, 50)]);
	});
}

#[test]
fn an_order_without_payout_counts_nothing_and_frees_its_placement() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(0));
		place(1, VENDOR, LISTING, 3);
		assert_eq!(Agreements::<Test>::get(id).unwrap().open_orders, 1);
		// Cancelled: escrow reports a payout of nothing.
		assert_eq!(pay(1, BUYER, VENDOR, 0), vec![(VENDOR, 0)]);
		assert_eq!(totals(id), Default::default());
		assert_eq!(Agreements::<Test>::get(id).unwrap().open_orders, 0);
		assert!(Placements::<Test>::get(1).is_none());
		assert!(Sales::<Test>::get(1).is_none());
	});
}

#[test]
fn an_order_outside_any_agreement_pays_the_vendor_everything() {
	run(|| {
		place(1, VENDOR, LISTING, 1);
		assert_eq!(pay(1, BUYER, VENDOR, 100), vec![(VENDOR, 100)]);
		assert!(Sales::<Test>::get(1).is_none());
	});
}

#[test]
fn a_sale_is_recorded_with_a_deposit_and_expires_after_the_refund_window() {
	run(|| {
		agreement(THREE_WAY, Threshold::Revenue(0));
		let held = on_hold(VENDOR);
		sell(1, 1, 100);
		let sale = Sales::<Test>::get(1).unwrap();
		assert_eq!(
			(sale.buyer, sale.amount, sale.shared, sale.until),
			(BUYER, 100, 100, 1 + REFUND_WINDOW)
		);
		assert_eq!(on_hold(VENDOR), held + SALE_DEPOSIT);
		run_to(1 + REFUND_WINDOW);
		assert!(Sales::<Test>::get(1).is_some());
		run_to(2 + REFUND_WINDOW);
		assert!(Sales::<Test>::get(1).is_none());
		assert_eq!(on_hold(VENDOR), held);
	});
}

#[test]
fn an_orders_split_costs_by_its_versions_beneficiaries() {
	use frame_support::weights::Weight;
	run(|| {
		place(1, VENDOR, LISTING, 1); // no agreement yet
		agreement(THREE_WAY, Threshold::Revenue(0));
		place(2, VENDOR, LISTING, 1);
		let weight_of = <ProfitSharing as PayoutSplitter<_, _, _>>::weight_of;
		assert_eq!(weight_of(1), Weight::zero());
		assert_eq!(weight_of(2), Weight::from_parts(3, 0)); // payout(2) in the mock
		assert_eq!(
			<ProfitSharing as PayoutSplitter<_, _, _>>::weight(),
			Weight::from_parts(u64::from(MAX_BENEFICIARIES) + 1, 0)
		);
		pay(2, BUYER, VENDOR, 100);
		assert_eq!(weight_of(2), Weight::zero());
		close(1, VENDOR, BUYER, 0);
	});
}
