//! Profit sharing in the real runtime: escrow pays an order's release through the vendor's
//! agreement, exactly, with the marketplace fee taken first; all four commerce pallets keep
//! their invariants.

use super::*;
use crate::{
	genesis_config_presets::GENESIS_MARKETPLACE_FEE, Escrow, Orders, ProfitSharing, Vendors,
	MINUTES, UNIT,
};
use frame_support::assert_ok;
use pallet_profit_sharing::{Scope, Terms, Threshold};
use sp_runtime::Perbill;

const PRICE: Balance = 40 * UNIT;
const THRESHOLD: Balance = 50 * UNIT;

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Escrow::do_try_state().expect("escrow invariants");
	Vendors::do_try_state().expect("vendors invariants");
	ProfitSharing::do_try_state().expect("profit-sharing invariants");
}

fn held(who: Sr25519Keyring) -> Balance {
	pallet_balances::Pallet::<Runtime>::reserved_balance(who.to_account_id())
}

/// Eve buys one unit of listing 0, Dave ships, Eve confirms.
fn complete_order() -> u64 {
	let order = pallet_orders::NextOrderId::<Runtime>::get();
	assert_ok!(Orders::place_order(origin(Sr25519Keyring::Eve), 0, 1, PRICE, super::CMRC));
	assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), order, [1; 32]));
	assert_ok!(Orders::confirm_delivery(origin(Sr25519Keyring::Eve), order));
	check_invariants();
	order
}

#[test]
fn escrow_pays_the_suppliers_their_shares_above_the_threshold_to_the_planck() {
	development_ext().execute_with(|| {
		let (dave, charlie, ferdie) =
			(Sr25519Keyring::Dave, Sr25519Keyring::Charlie, Sr25519Keyring::Ferdie);
		assert_ok!(Orders::create_listing(
			origin(dave),
			super::CMRC,
			PRICE,
			5,
			b"ipfs://x".to_vec(),
			MINUTES,
			MINUTES
		));
		let shares = [(charlie, Perbill::from_percent(30)), (ferdie, Perbill::from_percent(20))];
		let terms = Terms {
			beneficiaries: shares
				.iter()
				.map(|(who, share)| (who.to_account_id(), *share))
				.collect::<Vec<_>>()
				.try_into()
				.unwrap(),
			threshold: Threshold::Revenue(THRESHOLD),
		};
		assert_ok!(ProfitSharing::propose_agreement(origin(dave), Scope::Listing(0), terms));
		assert_ok!(ProfitSharing::accept(origin(charlie), 0, 0));
		assert_ok!(ProfitSharing::accept(origin(ferdie), 0, 0));
		assert_eq!(ProfitSharing::agreement_for(dave.to_account_id(), 0), Some(0));
		check_invariants();

		let net = PRICE - GENESIS_MARKETPLACE_FEE.mul_floor(PRICE);
		// Below the threshold: all to Dave (less what he holds for the sale record).
		let (d, c, f, h) =
			(free_balance(dave), free_balance(charlie), free_balance(ferdie), held(dave));
		complete_order();
		let sale_deposit = held(dave) - h;
		assert!(sale_deposit > 0);
		assert_eq!(free_balance(dave), d + net - sale_deposit);
		assert_eq!((free_balance(charlie), free_balance(ferdie)), (c, f));

		// The crossing order: only the part above 50 UNIT is split.
		let shared = 2 * net - THRESHOLD;
		let (to_charlie, to_ferdie) =
			(shares[0].1.mul_floor(shared), shares[1].1.mul_floor(shared));
		let (d, h) = (free_balance(dave), held(dave));
		complete_order();
		assert_eq!(free_balance(charlie), c + to_charlie);
		assert_eq!(free_balance(ferdie), f + to_ferdie);
		assert_eq!(free_balance(dave) + (held(dave) - h), d + net - to_charlie - to_ferdie);

		let payouts = ProfitSharing::payouts(0);
		assert_eq!(payouts.len(), 1, "paid in CMRC only");
		let (currency, totals) = payouts[0].clone();
		assert_eq!(currency, crate::configs::NativeCurrency::get());
		assert_eq!(totals.released, 2 * net);
		assert_eq!(totals.to_beneficiaries, to_charlie + to_ferdie);
		assert_eq!(ProfitSharing::progress(0), Some((2 * net, 2)));

		// Dave refunds part of the first sale: it paid the suppliers nothing, so they owe
		// nothing back (a refund takes back at most what its own sale credited).
		assert_ok!(ProfitSharing::refund_sale(origin(dave), 0, 10 * UNIT));
		let native = crate::configs::NativeCurrency::get();
		let ledger = |who: Sr25519Keyring| {
			pallet_profit_sharing::Ledgers::<Runtime>::get((0, who.to_account_id(), &native))
		};
		let owed = |who: Sr25519Keyring| ledger(who).map(|l| l.owed);
		assert_eq!((owed(charlie), owed(ferdie)), (Some(0), Some(0)));
		// Part of the crossing sale: the refund comes off its shared top, so the suppliers owe
		// that fraction of what it credited them, netted from the next order.
		assert_ok!(ProfitSharing::refund_sale(origin(dave), 1, 10 * UNIT));
		let ledger = ledger(charlie).unwrap();
		let fraction = |credit: Balance| credit * (10 * UNIT) / shared;
		assert_eq!(ledger.owed, fraction(to_charlie));
		assert!(ledger.owed > 0 && ledger.owed <= to_charlie);
		assert_eq!(owed(ferdie), Some(fraction(to_ferdie)));
		let c = free_balance(charlie);
		complete_order();
		assert_eq!(free_balance(charlie), c + shares[0].1.mul_floor(net) - ledger.owed);
		check_invariants();
	});
}
