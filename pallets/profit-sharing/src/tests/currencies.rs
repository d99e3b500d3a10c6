//! Profit sharing in a stablecoin: a payout is split, set aside, refunded and clawed back in
//! the currency of its order; thresholds count every currency by its value in the native
//! token at each order's rate.

use super::*;
use crate::{Error, Progress};

const THREE_WAY: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

/// Place order `order` of one unit from `VENDOR`'s `LISTING` for `total` of the stablecoin
/// worth `value` of the native token, and pay it out whole.
fn sell_usd(order: u64, total: Balance, value: Balance) -> Vec<(AccountId, Balance)> {
	place_in(order, VENDOR, LISTING, 1, total, value);
	pay_in(order, BUYER, VENDOR, STABLE, total)
}

#[test]
fn a_stablecoin_payout_is_split_in_it_above_the_threshold_counted_in_value() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(1_000));
		let cmrc_before = [VENDOR, SUPPLIER, SUPPLIER2, BUYER].map(free);
		// 100 USD worth 500: below the threshold, all to the vendor.
		assert_eq!(sell_usd(1, 100, 500), vec![(VENDOR, 100), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		// 200 USD worth 1,000 crosses 1,000 at half its value: 100 USD is split.
		assert_eq!(sell_usd(2, 200, 1_000), vec![(VENDOR, 150), (SUPPLIER, 30), (SUPPLIER2, 20)]);
		assert_eq!(
			last_event(),
			Event::Split {
				order: 2,
				agreement: id,
				version: 0,
				currency: STABLE,
				shared: 100,
				to_vendor: 150,
				to_beneficiaries: 50,
				set_aside: 0,
				netted: 0,
			}
		);
		// The suppliers' accounts in the stablecoin were created by their shares.
		assert_eq!((usd(SUPPLIER), usd(SUPPLIER2)), (30, 20));
		assert_eq!((usd(VENDOR), usd(BUYER)), (INITIAL + 250, INITIAL - 300));
		// Nothing moved in the native token but the vendor's two sale deposits (CMRC).
		let [vendor, others @ ..] = cmrc_before;
		assert_eq!(free(VENDOR), vendor - 2 * SALE_DEPOSIT);
		assert_eq!([SUPPLIER, SUPPLIER2, BUYER].map(free), others);
		let t = totals_in(id, STABLE);
		assert_eq!((t.released, t.to_vendor, t.to_beneficiaries, t.claimable), (300, 250, 50, 0));
		assert_eq!(totals(id), Default::default());
		assert_eq!(progress(id), Progress { released: 1_500, refunded: 0, units: 2 });
		assert_eq!(ledger_in(id, SUPPLIER, STABLE).received, 30);
		assert_eq!(ledger(id, SUPPLIER), Ledger::default());
		assert_eq!(ProfitSharing::payouts(id), vec![(STABLE, t)]);
	});
}

#[test]
fn sales_in_every_currency_count_toward_one_threshold() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(1_000));
		assert_eq!(sell(1, 1, 600), vec![(VENDOR, 600), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		// 100 USD worth 800: 400 of its value lies above 1,000, so half of it is split.
		assert_eq!(sell_usd(2, 100, 800), vec![(VENDOR, 75), (SUPPLIER, 15), (SUPPLIER2, 10)]);
		// Above the threshold, a native sale is split in full.
		assert_eq!(sell(3, 1, 100), vec![(VENDOR, 50), (SUPPLIER, 30), (SUPPLIER2, 20)]);
		assert_eq!(ProfitSharing::progress(id), Some((1_500, 3)));
		assert_eq!((totals(id).released, totals_in(id, STABLE).released), (700, 100));
	});
}

#[test]
fn a_sale_in_a_stablecoin_is_refunded_and_clawed_back_in_it() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(0));
		sell_usd(1, 200, 1_000);
		assert_eq!((usd(SUPPLIER), usd(SUPPLIER2), usd(VENDOR)), (60, 40, INITIAL + 100));
		let cmrc_vendor = free(VENDOR);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 100));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER,
				currency: STABLE,
				amount: 100,
				clawback: 100
			}
		);
		// The vendor refunds in the stablecoin; its native balance is untouched.
		assert_eq!((usd(VENDOR), usd(BUYER)), (INITIAL, INITIAL - 100));
		assert_eq!(free(VENDOR), cmrc_vendor);
		// Half the sale refunded: each supplier owes back half its credit, in the stablecoin.
		assert_eq!(ledger_in(id, SUPPLIER, STABLE).owed, 30);
		assert_eq!(ledger_in(id, SUPPLIER2, STABLE).owed, 20);
		assert_eq!(ledger(id, SUPPLIER).owed, 0);
		assert_eq!(progress(id).refunded, 500);
		assert_eq!(totals_in(id, STABLE).refunded, 100);
		// The vendor cannot refund more than the sale, whatever it holds.
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 1, 101),
			Error::<Test>::InvalidRefund
		);
	});
}

#[test]
fn what_is_owed_back_is_netted_only_from_shares_in_its_currency() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Revenue(0));
		sell(1, 1, 1_000);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 1_000));
		assert_eq!(ledger(id, SUPPLIER).owed, 300);
		// A stablecoin share is paid in full: the debt is in the native token.
		assert_eq!(sell_usd(2, 100, 100), vec![(VENDOR, 50), (SUPPLIER, 30), (SUPPLIER2, 20)]);
		assert_eq!(ledger(id, SUPPLIER).owed, 300);
		assert_eq!(ledger_in(id, SUPPLIER, STABLE).owed, 0);
		// A native share is netted against it.
		assert_eq!(sell(3, 1, 1_000), vec![(VENDOR, 1_000), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (0, 0));
	});
}

#[test]
fn a_stablecoin_share_that_cannot_be_received_waits_in_the_pot_once_the_pot_holds_the_coin() {
	run(|| {
		let id = agreement(&[(NOBODY, Perbill::from_percent(1))], Threshold::Revenue(0));
		// 2 USD is below the coin's minimum balance for NOBODY, which has no account in it,
		// and the pot has none either: escrow gives the share back to the buyer.
		let received = sell_usd(1, 200, 200);
		assert_eq!(received, vec![(VENDOR, 198), (NOBODY, 0)]);
		assert_eq!(usd(BUYER), INITIAL - 198);
		assert_eq!(ledger_in(id, NOBODY, STABLE), Ledger::default());
		// Once the pot holds the coin's minimum balance, such a share waits there for NOBODY.
		let pot = ProfitSharing::pot();
		assert_ok!(<Assets as fungibles::Mutate<_>>::transfer(
			USD,
			&BUYER,
			&pot,
			USD_MIN,
			Preservation::Expendable
		));
		assert_eq!(sell_usd(2, 200, 200), vec![(VENDOR, 198), (pot, 2)]);
		assert_eq!(ledger_in(id, NOBODY, STABLE).claimable, 2);
		assert_eq!(totals_in(id, STABLE).claimable, 2);
		assert_eq!(
			<NativeAndAssets as fungibles::InspectHold<_>>::balance_on_hold(
				STABLE,
				&crate::HoldReason::Unclaimed.into(),
				&pot
			),
			2
		);
		// Still below the minimum for NOBODY: the claim waits.
		assert_noop!(
			ProfitSharing::claim(signed(BUYER), id, NOBODY, STABLE),
			Error::<Test>::CannotReceive
		);
		assert_noop!(
			ProfitSharing::claim(signed(BUYER), id, NOBODY, CMRC),
			Error::<Test>::NothingToClaim
		);
		// With an account in the coin, NOBODY is paid what waited for it.
		assert_ok!(<Assets as fungibles::Mutate<_>>::transfer(
			USD,
			&BUYER,
			&NOBODY,
			USD_MIN,
			Preservation::Expendable
		));
		assert_ok!(ProfitSharing::claim(signed(BUYER), id, NOBODY, STABLE));
		assert_eq!(usd(NOBODY), USD_MIN + 2);
		assert_eq!(ledger_in(id, NOBODY, STABLE), Ledger { received: 2, claimable: 0, owed: 0 });
		assert_eq!(usd(pot), USD_MIN);
	});
}

#[test]
fn closing_an_agreement_keeps_claimables_in_every_currency_and_forgets_its_totals() {
	run(|| {
		let id = agreement(&[(NOBODY, Perbill::from_percent(5))], Threshold::Revenue(0));
		let pot = ProfitSharing::pot();
		assert_ok!(<Assets as fungibles::Mutate<_>>::transfer(
			USD,
			&BUYER,
			&pot,
			USD_MIN,
			Preservation::Expendable
		));
		sell(1, 1, 100);
		sell_usd(2, 60, 60);
		assert_eq!((ledger(id, NOBODY).claimable, ledger_in(id, NOBODY, STABLE).claimable), (5, 3));
		assert_ok!(ProfitSharing::end_agreement(signed(VENDOR), id));
		run_to(System::block_number() + NOTICE);
		assert_ok!(ProfitSharing::close_agreement(signed(BUYER), id));
		assert!(ProfitSharing::payouts(id).is_empty());
		assert_eq!(ProfitSharing::ledgers(id, NOBODY).len(), 2);
		// Claimed after the close, each in its currency; the ledgers go with the claims.
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&BUYER,
			&NOBODY,
			ED,
			Preservation::Expendable
		));
		assert_ok!(ProfitSharing::claim(signed(NOBODY), id, NOBODY, CMRC));
		assert_eq!(free(NOBODY), ED + 5);
		assert_ok!(<Assets as fungibles::Mutate<_>>::transfer(
			USD,
			&BUYER,
			&NOBODY,
			USD_MIN,
			Preservation::Expendable
		));
		assert_ok!(ProfitSharing::claim(signed(NOBODY), id, NOBODY, STABLE));
		assert_eq!(usd(NOBODY), USD_MIN + 3);
		assert!(ProfitSharing::ledgers(id, NOBODY).is_empty());
	});
}
