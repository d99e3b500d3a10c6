//! What a buyer or a vendor could try against the registry.

use super::*;
use crate::{Affected, Error, Verdict};

/// Buyers cancelling their own orders cannot push a vendor down the ladder.
#[test]
fn buyer_cancellations_never_count_against_the_vendor() {
	run(|| {
		for _ in 0..20 {
			report(VENDOR, BUYER, Outcome::CancelledByBuyer, 10, 0, 10, false);
		}
		perfect(VENDOR, BUYER2, 4, 10);
		next_period();
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Met)]);
		assert!(Affected::<Test>::get(VENDOR).is_empty());
	});
}

/// A vendor on probation cannot retire to keep its bond out of reach of the failed cure.
#[test]
fn a_vendor_on_probation_cannot_retire_to_escape_the_slash() {
	run(|| {
		missed(VENDOR, BUYER, 4, 10);
		next_period();
		missed(VENDOR, BUYER, 4, 10);
		next_period();
		assert!(matches!(status(VENDOR), Some(VendorStatus::Probation { .. })));
		assert_noop!(Vendors::retire(signed(VENDOR)), Error::<Test>::OnProbation);
	});
}

/// Accounts of a vendor's own, posing as buyers.
const SOCK: AccountId = 20;
const SOCK2: AccountId = 21;

/// Two breached periods in a row: `VENDOR` is on probation, its cure the current period.
fn on_probation() {
	missed(VENDOR, BUYER, 4, 50);
	next_period();
	missed(VENDOR, BUYER, 4, 50);
	next_period();
	assert!(matches!(status(VENDOR), Some(VendorStatus::Probation { .. })));
}

/// `buyer` won a ruling on an order of `total`: `refunded` of it returned.
fn ruled_for(buyer: AccountId, total: Balance, refunded: Balance) {
	report(VENDOR, buyer, Outcome::DisputeSettled, total, 0, refunded, true);
}

/// The service credits paid so far, by buyer.
fn credits() -> Vec<(AccountId, Balance)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::ServiceCredit { buyer, amount, .. } => Some((buyer, amount)),
			_ => None,
		})
		.collect()
}

/// Attack 1 of the second review: a vendor on probation refunds a large order of its own
/// account before shipping, and lets another miss its deadline (refunded in full by the
/// chain), hoping the sock accounts take the slash pro rata to those orders' value. Refunded
/// buyers lost nothing: the whole slash goes to the buyers an arbiter ruled for, up to their
/// unrecovered loss, and the rest to the treasury.
#[test]
fn a_vendor_cannot_route_its_slash_to_accounts_it_refunded() {
	run(|| {
		let issuance = total_issuance();
		on_probation();
		report(VENDOR, SOCK, Outcome::Refunded, 5_000, 0, 5_000, false);
		missed(VENDOR, SOCK2, 1, 5_000);
		ruled_for(BUYER, 300, 250);
		ruled_for(BUYER2, 300, 250);
		assert_eq!(Affected::<Test>::get(VENDOR).to_vec(), vec![(BUYER, 50), (BUYER2, 50)]);
		let treasury = free(TREASURY);
		next_period();
		// The failed cure slashes 1,000: 50 to each genuine buyer (its whole loss), 900 to the
		// treasury, nothing to the socks.
		assert_eq!(credits(), vec![(BUYER, 50), (BUYER2, 50)]);
		assert_eq!(free(SOCK), 0);
		assert_eq!(free(SOCK2), 0);
		assert_eq!(free(TREASURY), treasury + 900);
		assert_eq!(bond(VENDOR), BOND - 1_000);
		assert_eq!(total_issuance(), issuance);
	});
}

/// The vendor's own partial refunds and disputes nobody ruled on establish no loss: its
/// socks cannot fill the bounded list of buyers owed credits and shut genuine victims out.
#[test]
fn a_vendor_cannot_stuff_the_credit_list_with_its_own_accounts() {
	run(|| {
		for sock in 30..40 {
			// Shipped, one planck refunded by the vendor, confirmed.
			report(VENDOR, sock, Outcome::Completed, 1_000, 1, 0, true);
			// A dispute the vendor let lapse into the fallback split.
			report(VENDOR, sock, Outcome::DisputeLapsed, 1_000, 0, 500, true);
		}
		assert!(Affected::<Test>::get(VENDOR).is_empty());
		ruled_for(BUYER, 100, 40);
		assert_eq!(Affected::<Test>::get(VENDOR).to_vec(), vec![(BUYER, 60)]);
	});
}

/// The list is bounded (`MAX_AFFECTED` = 3): when it is full, a larger loss takes the place
/// of the smallest, so early small claims cannot keep a large one out; a buyer left out loses
/// nothing to anyone (its share goes to the treasury) and no money is created or lost.
#[test]
fn a_full_credit_list_keeps_the_largest_losses() {
	run(|| {
		let issuance = total_issuance();
		ruled_for(13, 100, 90); // loss 10
		ruled_for(14, 100, 80); // 20
		ruled_for(BUYER3, 100, 70); // 30
		ruled_for(BUYER2, 1_000, 500); // 500: takes the place of 13's 10
		ruled_for(BUYER, 100, 95); // 5: smaller than every listed loss, left out
		let mut listed = Affected::<Test>::get(VENDOR).to_vec();
		listed.sort();
		assert_eq!(listed, vec![(BUYER2, 500), (BUYER3, 30), (14, 20)]); // sorted by account
																   // Two more breached periods (refunded orders: nobody else is owed), then the cure
																   // fails: the 1,000 slashed covers the 550 owed, the rest to the treasury.
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		missed(VENDOR, BUYER, 4, 50);
		next_period();
		missed(VENDOR, BUYER, 4, 50);
		let treasury = free(TREASURY);
		next_period();
		let mut paid = credits();
		paid.sort();
		assert_eq!(paid, vec![(BUYER2, 500), (BUYER3, 30), (14, 20)]);
		assert_eq!(free(TREASURY), treasury + 450);
		assert_eq!(total_issuance(), issuance);
	});
}

/// Attack 4 of the second review: a vendor with a third of its orders defective dilutes its
/// rates with many one-planck orders of its own accounts. Rates are weighted by value: the
/// dust changes nothing, and it does not count toward the sample either.
#[test]
fn dust_orders_do_not_wash_the_rates() {
	run(|| {
		perfect(VENDOR, BUYER, 4, 100);
		missed(VENDOR, BUYER2, 2, 100);
		for _ in 0..200 {
			perfect(VENDOR, SOCK, 1, 1);
		}
		let rates = Vendors::kpis_of(&VENDOR, 0).unwrap().rates();
		// 200 of 800 by value: a quarter, as the 600 of genuine orders would have it alone
		// (a third) diluted only by what the dust is worth.
		assert_eq!(rates.defect, sp_runtime::Perbill::from_rational(200u32, 800u32));
		assert_eq!(rates.eligible, 6);
		next_period();
		assert_eq!(verdicts(VENDOR), vec![(0, Verdict::Breached)]);
	});
}

/// A vendor on probation that stops selling, or sells only dust, does not wait its cure
/// out: a cure proven on fewer than `min_sample` orders fails.
#[test]
fn a_cure_on_too_small_a_sample_fails() {
	run(|| {
		on_probation();
		// Three perfect orders (the minimum sample is 4) and dust.
		perfect(VENDOR, BUYER, 3, 100);
		perfect(VENDOR, SOCK, 50, 1);
		next_period();
		assert!(!events().contains(&Event::Recovered { vendor: VENDOR }));
		assert_eq!(bond(VENDOR), BOND - 1_000);
		assert!(matches!(status(VENDOR), Some(VendorStatus::Probation { .. })));
		// A second cure without any order fails too: suspended.
		next_period();
		assert_eq!(status(VENDOR), Some(VendorStatus::Suspended));
	});
}

/// A cure is proven over its periods together: two periods of two orders each make the
/// sample of four.
#[test]
fn a_cure_counts_the_sample_of_all_its_periods() {
	run(|| {
		let mut long_cure = policy();
		long_cure.cure_periods = 2;
		assert_ok!(Vendors::set_policy(signed(GOVERNANCE), Some(long_cure)));
		on_probation();
		perfect(VENDOR, BUYER, 2, 100);
		next_period();
		perfect(VENDOR, BUYER, 2, 100);
		next_period();
		assert!(events().contains(&Event::Recovered { vendor: VENDOR }));
		assert_eq!(status(VENDOR), Some(VendorStatus::Active));
		assert_eq!(bond(VENDOR), BOND);
	});
}

/// Applying and retiring in one `batch_all` returns exactly the bond: nothing to gain.
#[test]
fn apply_then_retire_returns_exactly_the_bond() {
	run(|| {
		assert_ok!(Vendors::apply(signed(APPLICANT), Default::default()));
		assert_ok!(Vendors::retire(signed(APPLICANT)));
		assert_eq!(free(APPLICANT), INITIAL);
		assert_eq!(on_hold(APPLICANT), 0);
	});
}
