//! Replacement tenders: open, commit, reveal, close; the commit-reveal attacks.

use super::*;
use crate::{Bids, Error, ListingTenders, Tenders};
use commerce_primitives::ListingProvider;
use frame_support::{weights::Weight, BoundedVec};

const SALT: [u8; 32] = [9; 32];
const REFERENCE_PRICE: Balance = 100;
const SHIP: u64 = 20;

fn hold_of_bids(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Vendors(crate::HoldReason::TenderDeposit), &who)
}

/// A third approved vendor for tenders (accounts 20, 21, 22 are funded by `bidder`).
fn bidder(who: AccountId) -> AccountId {
	use frame_support::traits::fungible::Mutate;
	Balances::set_balance(&who, INITIAL);
	assert_ok!(Vendors::apply(signed(who), BoundedVec::new()));
	assert_ok!(Vendors::approve(signed(VETTING), who));
	who
}

/// VENDOR's listing, with VENDOR suspended and the replacement tender opened (id 0).
fn replacement_tender() -> u64 {
	let listing = MockListings::add(VENDOR, REFERENCE_PRICE, 30, SHIP);
	assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
	assert_ok!(Vendors::open_replacement_tender(signed(BUYER), listing));
	listing
}

fn commit(who: AccountId, price: Balance, window: u64) -> sp_runtime::DispatchResult {
	Vendors::commit_bid(signed(who), 0, Vendors::commitment(0, &who, price, window, SALT))
}

fn reveal(who: AccountId, price: Balance, window: u64) -> sp_runtime::DispatchResult {
	Vendors::reveal_bid(signed(who), 0, price, window, SALT)
}

fn to_reveal_window() {
	run_to_block(Tenders::<Test>::get(0).unwrap().commit_end);
}

fn to_close() {
	run_to_block(Tenders::<Test>::get(0).unwrap().reveal_end);
}

fn awarded() -> Option<(AccountId, u64, Balance, u64)> {
	events().into_iter().find_map(|event| match event {
		Event::TenderAwarded { winner, listing, unit_price, ship_window, .. } => {
			Some((winner, listing, unit_price, ship_window))
		},
		_ => None,
	})
}

#[test]
fn the_best_score_wins_a_listing_at_its_bid_and_a_silent_bidder_loses_its_deposit() {
	run(|| {
		let listing = replacement_tender();
		assert_eq!(
			last_event(),
			Event::TenderOpened {
				tender: 0,
				listing,
				currency: MOCK_CURRENCY,
				reference_price: REFERENCE_PRICE,
				quantity: 30,
				max_ship_window: SHIP,
				commit_end: 1 + 5,
				reveal_end: 1 + 10,
			}
		);
		let silent = bidder(20);
		assert_ok!(commit(VENDOR2, 90, 10));
		assert_ok!(commit(silent, 80, 5));
		assert_eq!(hold_of_bids(VENDOR2), 500);
		to_reveal_window();
		assert_ok!(reveal(VENDOR2, 90, 10));
		// The deposit comes back with the reveal.
		assert_eq!(hold_of_bids(VENDOR2), 0);
		let treasury = free(TREASURY);
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		// VENDOR2 wins (the only revealed bid) and lists 30 units of the goods at 90.
		let (winner, new_listing, price, window) = awarded().unwrap();
		assert_eq!((winner, price, window), (VENDOR2, 90, 10));
		assert_eq!(ListingStore::get(new_listing), Some((VENDOR2, 90, 30, 10, Some(listing))));
		// The bidder who never revealed forfeits its deposit to the treasury.
		assert_eq!(free(TREASURY), treasury + 500);
		assert_eq!(hold_of_bids(silent), 0);
		assert_eq!(free(silent), INITIAL - BOND - 500);
		assert!(Tenders::<Test>::get(0).is_none());
		assert!(ListingTenders::<Test>::get(listing).is_none());
		assert_eq!(Bids::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn scores_weigh_price_delivery_and_kpis() {
	run(|| {
		replacement_tender();
		let cheap_slow = bidder(20);
		let dear_fast = bidder(21);
		// Price 50%: 100/100 vs 100/125; delivery 30%: (20-18)/20 vs (20-2)/20; KPIs (none
		// judged yet) 50% each.
		assert_ok!(commit(cheap_slow, 100, 18));
		assert_ok!(commit(dear_fast, 125, 2));
		to_reveal_window();
		assert_ok!(reveal(cheap_slow, 100, 18));
		assert_ok!(reveal(dear_fast, 125, 2));
		to_close();
		let call = crate::Call::<Test>::close_tender { tender: 0 };
		let declared =
			frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call).call_weight;
		assert_eq!(declared, Weight::from_parts(1_000 * (u64::from(MAX_BIDS) + 1), 0));
		let closed = Vendors::close_tender(signed(BUYER), 0).unwrap();
		// Charged for the two bids it had, not for `MaxBids`.
		assert_eq!(closed.actual_weight, Some(Weight::from_parts(3_000, 0)));
		// cheap_slow: 0.5 + 0.03 + 0.1 = 0.63; dear_fast: 0.4 + 0.27 + 0.1 = 0.77.
		assert_eq!(awarded().map(|(winner, ..)| winner), Some(dear_fast));
		assert!(events().contains(&Event::TenderAwarded {
			tender: 0,
			winner: dear_fast,
			listing: 1,
			unit_price: 125,
			ship_window: 2,
			score: 770_000_000,
		}));
	});
}

#[test]
fn a_tie_goes_to_the_lower_price_then_the_earlier_commitment() {
	run(|| {
		replacement_tender();
		let (first, second) = (bidder(20), bidder(21));
		// Both bid under the reference price (price score 1) with the same window.
		assert_ok!(commit(second, 60, 10));
		assert_ok!(commit(first, 60, 10));
		to_reveal_window();
		assert_ok!(reveal(first, 60, 10));
		assert_ok!(reveal(second, 60, 10));
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		// Equal scores and prices: the earlier commitment (`second`, index 0) wins.
		assert_eq!(awarded().map(|(winner, ..)| winner), Some(second));
	});
}

#[test]
fn a_wrong_salt_or_terms_do_not_open_the_seal() {
	run(|| {
		replacement_tender();
		assert_ok!(commit(VENDOR2, 90, 10));
		to_reveal_window();
		assert_noop!(
			Vendors::reveal_bid(signed(VENDOR2), 0, 90, 10, [8; 32]),
			Error::<Test>::RevealMismatch
		);
		assert_noop!(reveal(VENDOR2, 89, 10), Error::<Test>::RevealMismatch);
		assert_noop!(reveal(VENDOR2, 90, 11), Error::<Test>::RevealMismatch);
		// The right salt still opens it.
		assert_ok!(reveal(VENDOR2, 90, 10));
		assert_noop!(reveal(VENDOR2, 90, 10), Error::<Test>::AlreadyRevealed);
	});
}

#[test]
fn a_bid_outside_the_terms_cannot_be_revealed() {
	run(|| {
		replacement_tender();
		assert_ok!(commit(VENDOR2, 90, SHIP + 1));
		let short = bidder(20);
		assert_ok!(commit(short, 90, MIN_SHIP_WINDOW - 1));
		let free = bidder(21);
		assert_ok!(commit(free, 0, 10));
		to_reveal_window();
		assert_noop!(reveal(VENDOR2, 90, SHIP + 1), Error::<Test>::BidOutOfTerms);
		assert_noop!(reveal(short, 90, MIN_SHIP_WINDOW - 1), Error::<Test>::BidOutOfTerms);
		assert_noop!(reveal(free, 0, 10), Error::<Test>::BidOutOfTerms);
	});
}

#[test]
fn commits_and_reveals_only_in_their_windows() {
	run(|| {
		replacement_tender();
		assert_ok!(commit(VENDOR2, 90, 10));
		// Too early to reveal, too early to close.
		assert_noop!(reveal(VENDOR2, 90, 10), Error::<Test>::NotInRevealWindow);
		assert_noop!(Vendors::close_tender(signed(BUYER), 0), Error::<Test>::TenderNotOver);
		to_reveal_window();
		let late = bidder(20);
		assert_noop!(commit(late, 90, 10), Error::<Test>::CommitClosed);
		to_close();
		// Too late to reveal: the deposit is forfeited at the close.
		assert_noop!(reveal(VENDOR2, 90, 10), Error::<Test>::NotInRevealWindow);
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		assert!(events().contains(&Event::BidForfeited {
			tender: 0,
			bidder: VENDOR2,
			deposit: 500
		}));
		assert!(events().contains(&Event::TenderFailed { tender: 0, listing: 0 }));
	});
}

#[test]
fn one_bid_per_vendor_and_at_most_max_bids() {
	run(|| {
		replacement_tender();
		assert_ok!(commit(VENDOR2, 90, 10));
		assert_noop!(commit(VENDOR2, 80, 10), Error::<Test>::AlreadyCommitted);
		for who in 20..(20 + MAX_BIDS as u64 - 1) {
			assert_ok!(commit(bidder(who), 90, 10));
		}
		let one_too_many = bidder(40);
		assert_noop!(commit(one_too_many, 90, 10), Error::<Test>::TooManyBids);
	});
}

#[test]
fn only_active_vendors_above_the_kpi_floor_bid() {
	run(|| {
		replacement_tender();
		// The suspended vendor, a buyer, an applicant.
		assert_noop!(commit(VENDOR, 90, 10), Error::<Test>::NotAnActiveVendor);
		assert_noop!(commit(BUYER, 90, 10), Error::<Test>::NotAnActiveVendor);
		assert_ok!(Vendors::apply(signed(APPLICANT), BoundedVec::new()));
		assert_noop!(commit(APPLICANT, 90, 10), Error::<Test>::NotAnActiveVendor);
		// A vendor whose latest judged period had 3 defects in 4 (25% perfect) is below the
		// 50% floor.
		missed(VENDOR2, BUYER, 3, 10);
		perfect(VENDOR2, BUYER, 1, 10);
		assert_noop!(commit(VENDOR2, 90, 10), Error::<Test>::BelowKpiFloor);
	});
}

#[test]
fn a_replacement_tender_needs_a_suspended_vendor_and_one_at_a_time() {
	run(|| {
		let listing = MockListings::add(VENDOR, REFERENCE_PRICE, 30, SHIP);
		assert_noop!(
			Vendors::open_replacement_tender(signed(BUYER), listing),
			Error::<Test>::VendorNotSuspended
		);
		assert_noop!(
			Vendors::open_replacement_tender(signed(BUYER), 99),
			Error::<Test>::ListingNotFound
		);
		// The vetting body may open one for any listing, with its own terms.
		assert_noop!(
			Vendors::open_tender(signed(BUYER), listing, 5, 10),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Vendors::open_tender(signed(VETTING), listing, 0, 10),
			Error::<Test>::InvalidTerms
		);
		assert_ok!(Vendors::open_tender(signed(VETTING), listing, 5, 10));
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
		assert_noop!(
			Vendors::open_replacement_tender(signed(BUYER), listing),
			Error::<Test>::TenderAlreadyOpen
		);
	});
}

#[test]
fn with_no_revealed_bid_the_tender_fails_and_may_open_again() {
	run(|| {
		let listing = replacement_tender();
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		assert_eq!(last_event(), Event::TenderFailed { tender: 0, listing });
		assert_ok!(Vendors::open_replacement_tender(signed(BUYER), listing));
		assert!(Tenders::<Test>::get(1).is_some());
	});
}

/// A winner that cannot list (here: suspended between its reveal and the close) is passed
/// over for the next best bid.
#[test]
fn a_winner_that_cannot_list_is_passed_over() {
	run(|| {
		replacement_tender();
		let runner_up = bidder(20);
		assert_ok!(commit(VENDOR2, 50, 5));
		assert_ok!(commit(runner_up, 90, 10));
		to_reveal_window();
		assert_ok!(reveal(VENDOR2, 50, 5));
		assert_ok!(reveal(runner_up, 90, 10));
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR2));
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		assert_eq!(awarded().map(|(winner, ..)| winner), Some(runner_up));
	});
}

#[test]
fn open_tenders_come_in_pages() {
	run(|| {
		for _ in 0..3 {
			let listing = MockListings::add(VENDOR2, REFERENCE_PRICE, 5, SHIP);
			assert_ok!(Vendors::open_tender(signed(VETTING), listing, 5, SHIP));
		}
		let first = Vendors::open_tenders(None, 2);
		assert_eq!(first.len(), 2);
		let rest = Vendors::open_tenders(Some(first[1].0), 2);
		assert_eq!(rest.len(), 1);
		let mut all: Vec<u32> = first.iter().chain(rest.iter()).map(|(id, _)| *id).collect();
		all.sort();
		assert_eq!(all, vec![0, 1, 2]);
		assert!(Vendors::open_tenders(Some(rest[0].0), 2).is_empty());
	});
}

/// Opening a replacement tender costs its opener the rules' deposit until the tender closes,
/// whatever the outcome; an opener who cannot pay opens nothing.
#[test]
fn the_opener_holds_a_deposit_until_the_tender_closes() {
	run(|| {
		let listing = MockListings::add(VENDOR, REFERENCE_PRICE, 30, SHIP);
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
		assert!(Vendors::open_replacement_tender(signed(50), listing).is_err());
		assert!(Tenders::<Test>::get(0).is_none());
		assert_ok!(Vendors::open_replacement_tender(signed(BUYER), listing));
		assert_eq!(hold_of_bids(BUYER), 500);
		assert_eq!(Tenders::<Test>::get(0).unwrap().opener, Some((BUYER, 500)));
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER2), 0));
		assert_eq!(hold_of_bids(BUYER), 0);
		assert_eq!(free(BUYER), 1_000);
	});
}

/// Attack 5 of the second review: once a replacement is awarded, the replaced listing's stock
/// is withdrawn, so nobody can tender the same goods again and create a second winner's
/// listing while the old one keeps selling.
#[test]
fn a_listing_is_replaced_once() {
	run(|| {
		let listing = replacement_tender();
		assert_ok!(commit(VENDOR2, 90, 10));
		to_reveal_window();
		assert_ok!(reveal(VENDOR2, 90, 10));
		to_close();
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		assert!(awarded().is_some());
		assert_eq!(MockListings::terms(listing).unwrap().stock, 0);
		assert_noop!(
			Vendors::open_replacement_tender(signed(BUYER), listing),
			Error::<Test>::InvalidTerms
		);
	});
}

/// Attack 5 of the second review: a suspended vendor's listings are frozen (no new price,
/// no stock change, no delisting: the orders pallet asks this), and so is a listing under a
/// tender, whoever its vendor; reinstated and with no tender open, the vendor may change it.
#[test]
fn a_suspended_vendor_cannot_change_the_listing_being_replaced() {
	run(|| {
		let may_change =
			|listing| <Vendors as VendorRegistry<_>>::may_change_listing(&VENDOR, listing);
		let listing = MockListings::add(VENDOR, REFERENCE_PRICE, 30, SHIP);
		assert!(may_change(listing));
		assert_ok!(Vendors::suspend(signed(VETTING), VENDOR));
		assert!(!may_change(listing));
		assert_ok!(Vendors::reinstate(signed(VETTING), VENDOR));
		assert!(may_change(listing));
		assert_ok!(Vendors::open_tender(signed(VETTING), listing, 5, 10));
		assert!(!may_change(listing));
		run_to_block(Tenders::<Test>::get(0).unwrap().reveal_end);
		assert_ok!(Vendors::close_tender(signed(BUYER), 0));
		assert!(may_change(listing));
	});
}
