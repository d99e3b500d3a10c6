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

/// The service-credit list is bounded; a buyer left out loses nothing to anyone: its share
/// goes to the treasury and no money is created or lost.
#[test]
fn a_full_credit_list_sends_the_rest_to_the_treasury() {
	run(|| {
		let issuance = total_issuance();
		// More defective buyers than `MAX_AFFECTED` (3), each order worth 1,000.
		for buyer in [BUYER, BUYER2, BUYER3, 13, 14] {
			missed(VENDOR, buyer, 1, 1_000);
		}
		assert_eq!(Affected::<Test>::get(VENDOR).len() as u32, MAX_AFFECTED);
		next_period();
		missed(VENDOR, BUYER, 4, 1);
		next_period();
		missed(VENDOR, BUYER, 4, 1);
		let treasury = free(TREASURY);
		next_period();
		// Owed 3,000 + 8 to the listed buyers, more than the 1,000 slashed: all of it goes to
		// them pro rata, rounded down; the rounding dust goes to the treasury.
		let credits: Balance = events()
			.iter()
			.filter_map(|event| match event {
				Event::ServiceCredit { amount, .. } => Some(*amount),
				_ => None,
			})
			.sum();
		assert_eq!(credits + (free(TREASURY) - treasury), 1_000);
		assert!(free(TREASURY) - treasury < 3);
		assert_eq!(bond(VENDOR), BOND - 1_000);
		assert_eq!(total_issuance(), issuance);
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
