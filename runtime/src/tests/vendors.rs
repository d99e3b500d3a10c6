//! The vendor registry in the real runtime: it gates the orders pallet, counts KPIs from real
//! orders, and its ladder slashes a failing vendor's bond (to the buyers an arbiter ruled for,
//! the rest to the treasury).

use super::*;
use crate::{
	configs::VendorBond, genesis_config_presets::DEV_KPI_PERIOD, Escrow, Orders, Vendors, MINUTES,
	UNIT,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks};

const PRICE: Balance = 40 * UNIT;

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Escrow::do_try_state().expect("escrow invariants");
	Vendors::do_try_state().expect("vendors invariants");
}

fn status(who: Sr25519Keyring) -> Option<pallet_vendors::VendorStatus<crate::BlockNumber>> {
	Vendors::vendor_record(&who.to_account_id()).map(|vendor| vendor.status)
}

/// `vendor` lists `stock` units at [`PRICE`]; returns the listing.
fn list(vendor: Sr25519Keyring, stock: u32) -> u64 {
	let id = pallet_orders::NextListingId::<Runtime>::get();
	assert_ok!(Orders::create_listing(
		origin(vendor),
		super::CMRC,
		PRICE,
		stock,
		b"ipfs://x".to_vec(),
		MINUTES,
		MINUTES
	));
	id
}

#[test]
fn only_approved_vendors_sell_and_a_suspended_one_takes_no_new_orders() {
	development_ext().execute_with(|| {
		let listing = |who| {
			Orders::create_listing(
				origin(who),
				super::CMRC,
				PRICE,
				1,
				b"x".to_vec(),
				MINUTES,
				MINUTES,
			)
		};
		// Eve is not a vendor: applying holds the bond, and only the vetting body (Alice)
		// lets her sell.
		assert_noop!(listing(Sr25519Keyring::Eve), pallet_orders::Error::<Runtime>::NotAVendor);
		assert_ok!(Vendors::apply(
			origin(Sr25519Keyring::Eve),
			b"ipfs://eve".to_vec().try_into().unwrap()
		));
		assert_noop!(listing(Sr25519Keyring::Eve), pallet_orders::Error::<Runtime>::NotAVendor);
		assert_noop!(
			Vendors::approve(origin(Sr25519Keyring::Bob), Sr25519Keyring::Eve.to_account_id()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Vendors::approve(
			origin(Sr25519Keyring::Alice),
			Sr25519Keyring::Eve.to_account_id()
		));
		assert_ok!(listing(Sr25519Keyring::Eve));

		// Dave (a genesis vendor) sells; suspended, his listing takes no new order, but the
		// order taken before still ships.
		let dave = list(Sr25519Keyring::Dave, 5);
		assert_ok!(Orders::place_order(origin(Sr25519Keyring::Bob), dave, 1, PRICE, super::CMRC));
		assert_ok!(Vendors::suspend(
			origin(Sr25519Keyring::Alice),
			Sr25519Keyring::Dave.to_account_id()
		));
		assert_noop!(
			Orders::place_order(origin(Sr25519Keyring::Charlie), dave, 1, PRICE, super::CMRC),
			pallet_orders::Error::<Runtime>::VendorNotActive
		);
		assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), 0, [1; 32]));
		check_invariants();
	});
}

/// Start the next KPI period (its first block) and evaluate Dave, as `on_idle` would.
fn next_period_and_evaluate_dave() {
	let start = pallet_vendors::CurrentPeriod::<Runtime>::get().start + DEV_KPI_PERIOD;
	System::set_block_number(start);
	Vendors::on_initialize(start);
	assert_ok!(Vendors::evaluate(
		origin(Sr25519Keyring::Alice),
		Sr25519Keyring::Dave.to_account_id()
	));
}

/// Bob and Charlie each order one unit now, and Dave lets both orders time out unshipped.
fn two_missed_orders(listing: u64) {
	let first = pallet_orders::NextOrderId::<Runtime>::get();
	for buyer in [Sr25519Keyring::Bob, Sr25519Keyring::Charlie] {
		assert_ok!(Orders::place_order(origin(buyer), listing, 1, PRICE, super::CMRC));
	}
	System::set_block_number(System::block_number() + MINUTES);
	for id in first..first + 2 {
		assert_ok!(Orders::process_overdue(origin(Sr25519Keyring::Alice), id));
	}
}

#[test]
fn missed_deadlines_warn_then_probation_then_a_slash_and_suspension() {
	development_ext().execute_with(|| {
		let issuance = pallet_balances::Pallet::<Runtime>::total_issuance();
		let listing = list(Sr25519Keyring::Dave, 10);

		two_missed_orders(listing);
		next_period_and_evaluate_dave();
		let kpis = Vendors::kpis_of(&Sr25519Keyring::Dave.to_account_id(), 0).unwrap();
		assert_eq!((kpis.closed, kpis.missed_deadlines, kpis.perfect), (2, 2, 0));
		assert!(Vendors::vendor_record(&Sr25519Keyring::Dave.to_account_id()).unwrap().warned);

		two_missed_orders(listing);
		next_period_and_evaluate_dave();
		let ends = 2 * DEV_KPI_PERIOD + DEV_KPI_PERIOD;
		assert_eq!(
			status(Sr25519Keyring::Dave),
			Some(pallet_vendors::VendorStatus::Probation { ends, breached: false, sampled: 0 })
		);

		// The cure fails: 10% of the bond, 100 CMRC, is slashed, and the development policy
		// suspends. Bob and Charlie got every late order refunded in full by the chain: they
		// lost nothing, so the whole slash goes to the treasury (the marketplace fee account).
		two_missed_orders(listing);
		let balance =
			|who: &crate::AccountId| pallet_balances::Pallet::<Runtime>::free_balance(who);
		let bob = balance(&Sr25519Keyring::Bob.to_account_id());
		let treasury = balance(&crate::configs::MarketplaceFeeAccount::get());
		next_period_and_evaluate_dave();
		let slash = VendorBond::get() / 10;
		assert_eq!(balance(&Sr25519Keyring::Bob.to_account_id()), bob);
		assert_eq!(balance(&crate::configs::MarketplaceFeeAccount::get()), treasury + slash);
		let dave = Vendors::vendor_record(&Sr25519Keyring::Dave.to_account_id()).unwrap();
		assert_eq!(dave.bond, VendorBond::get() - slash);
		assert_eq!(dave.status, pallet_vendors::VendorStatus::Suspended);
		assert_noop!(
			Orders::place_order(origin(Sr25519Keyring::Eve), listing, 1, PRICE, super::CMRC),
			pallet_orders::Error::<Runtime>::VendorNotActive
		);
		assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), issuance);
		check_invariants();
	});
}

/// A replacement tender through the real orders pallet: the winner's new listing carries the
/// replaced listing's goods at the winning bid.
#[test]
fn a_replacement_tender_lists_the_goods_for_the_winner() {
	development_ext().execute_with(|| {
		let dave = list(Sr25519Keyring::Dave, 7);
		assert_ok!(Vendors::suspend(
			origin(Sr25519Keyring::Alice),
			Sr25519Keyring::Dave.to_account_id()
		));
		assert_ok!(Vendors::open_replacement_tender(origin(Sr25519Keyring::Bob), dave));
		let tender = pallet_vendors::Tenders::<Runtime>::get(0).expect("opened");
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let salt = [3; 32];
		let price = PRICE - UNIT;
		let commitment = Vendors::commitment(0, &ferdie, price, MINUTES, salt);
		assert_ok!(Vendors::commit_bid(origin(Sr25519Keyring::Ferdie), 0, commitment));
		System::set_block_number(tender.commit_end);
		assert_ok!(Vendors::reveal_bid(origin(Sr25519Keyring::Ferdie), 0, price, MINUTES, salt));
		System::set_block_number(tender.reveal_end);
		let listing = pallet_orders::NextListingId::<Runtime>::get();
		assert_ok!(Vendors::close_tender(origin(Sr25519Keyring::Bob), 0));
		let won = pallet_orders::Listings::<Runtime>::get(listing).expect("the winner's listing");
		let replaced = pallet_orders::Listings::<Runtime>::get(dave).unwrap();
		assert_eq!((won.vendor, won.unit_price, won.stock), (ferdie, price, 7));
		// The replaced listing sells no more and is not tendered twice; Bob's deposit as the
		// tender's opener is back; the suspended vendor cannot touch its listing.
		assert_eq!(replaced.stock, 0);
		assert_noop!(
			Vendors::open_replacement_tender(origin(Sr25519Keyring::Bob), dave),
			pallet_vendors::Error::<Runtime>::InvalidTerms
		);
		assert_noop!(
			Orders::delist(origin(Sr25519Keyring::Dave), dave),
			pallet_orders::Error::<Runtime>::ListingFrozen
		);
		assert_eq!(
			(won.metadata, won.confirm_window),
			(replaced.metadata, replaced.confirm_window)
		);
		assert_ok!(Orders::place_order(
			origin(Sr25519Keyring::Eve),
			listing,
			1,
			price,
			super::CMRC
		));
		check_invariants();
	});
}
