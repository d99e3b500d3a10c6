//! `refund_sale`: refunds after release, paid by the vendor, clawed back from the
//! beneficiaries' future shares.

use super::*;
use crate::Error;

const THREE_WAY: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

/// Threshold 1,000; orders of 600, 700 (crossing: 300 shared) and 200 (all shared).
fn crossed() -> u32 {
	let id = agreement(THREE_WAY, Threshold::Revenue(1_000));
	sell(1, 1, 600);
	sell(2, 1, 700);
	sell(3, 1, 200);
	id
}

#[test]
fn a_refund_after_the_threshold_is_netted_from_the_next_distribution() {
	run(|| {
		let id = crossed();
		let (vendor, buyer, supplier) = (free(VENDOR), free(BUYER), free(SUPPLIER));
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 100));
		assert_eq!(free(VENDOR), vendor - 100);
		assert_eq!(free(BUYER), buyer + 100);
		// Never taken from a beneficiary's balance.
		assert_eq!(free(SUPPLIER), supplier);
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 3,
				buyer: BUYER,
				currency: CMRC,
				amount: 100,
				clawback: 100
			}
		);
		assert_eq!(ledger(id, SUPPLIER).owed, 30);
		assert_eq!(ledger(id, SUPPLIER2).owed, 20);
		assert_eq!(ProfitSharing::progress(id), Some((1_400, 3)));
		// The next order of 200: shares 60 and 40, less 30 and 20 owed.
		assert_eq!(sell(4, 1, 200), vec![(VENDOR, 100 + 50), (SUPPLIER, 30), (SUPPLIER2, 20)]);
		assert!(matches!(last_event(), Event::Split { netted: 50, .. }));
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 90 + 60 + 30, claimable: 0, owed: 0 });
		// Each beneficiary holds exactly its share of the revenue above the threshold.
		assert_eq!(ledger(id, SUPPLIER).received, 180); // 30% of (1,600 - 1,000)
		assert_eq!(ledger(id, SUPPLIER2).received, 120);
	});
}

/// Order 1 was all the vendor's: refunding it takes nothing back from the beneficiaries, who
/// keep what orders 2 and 3 paid them. The revenue counted toward the threshold drops by the
/// refund all the same.
#[test]
fn a_refund_of_a_sale_below_the_threshold_claws_back_nothing() {
	run(|| {
		let id = crossed();
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 300));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 1,
				buyer: BUYER,
				currency: CMRC,
				amount: 300,
				clawback: 0
			}
		);
		assert_eq!(ledger(id, SUPPLIER), Ledger { received: 150, claimable: 0, owed: 0 });
		assert_eq!(ledger(id, SUPPLIER2), Ledger { received: 100, claimable: 0, owed: 0 });
		assert_eq!(ProfitSharing::progress(id), Some((1_200, 3)));
	});
}

/// Order 2 crossed the threshold: 300 of its 700 shared (90 and 60 credited). A refund comes
/// off the top of the sale, its shared part first; once that is all taken back, the rest of the
/// sale is refunded without any clawback.
#[test]
fn a_refund_of_the_crossing_sale_takes_its_shared_part_first_and_only_that() {
	run(|| {
		let id = crossed();
		assert_eq!(Sales::<Test>::get(2).unwrap().credited.into_inner(), vec![90, 60]);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 100));
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (30, 20));
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 250));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 2,
				buyer: BUYER,
				currency: CMRC,
				amount: 250,
				clawback: 200
			}
		);
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (90, 60));
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 350));
		assert_eq!(
			last_event(),
			Event::SaleRefunded {
				order: 2,
				buyer: BUYER,
				currency: CMRC,
				amount: 350,
				clawback: 0
			}
		);
		// Exactly what order 2 credited, though the revenue fell 700.
		assert_eq!((ledger(id, SUPPLIER).owed, ledger(id, SUPPLIER2).owed), (90, 60));
		assert_eq!(ProfitSharing::progress(id), Some((800, 3)));
	});
}

#[test]
fn a_clawback_larger_than_the_next_share_carries_over() {
	run(|| {
		let id = crossed();
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 200));
		assert_eq!(ledger(id, SUPPLIER).owed, 60);
		// The revenue is 1,300 now: an order of 100 is all above it; SUPPLIER's 30 is netted.
		assert_eq!(sell(4, 1, 100), vec![(VENDOR, 100), (SUPPLIER, 0), (SUPPLIER2, 0)]);
		assert_eq!(ledger(id, SUPPLIER).owed, 30);
		assert_eq!(ledger(id, SUPPLIER2).owed, 20);
	});
}

#[test]
fn a_units_threshold_claws_back_the_refunds_share_of_the_sales_split() {
	run(|| {
		let id = agreement(THREE_WAY, Threshold::Units(1));
		sell(1, 2, 1_000); // half above the threshold: 500 shared
		assert_eq!(Sales::<Test>::get(1).unwrap().shared, 500);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 1, 400));
		// 400 of 1,000 refunded: 200 of the 500 shared.
		assert_eq!(ledger(id, SUPPLIER).owed, 60);
		assert_eq!(ledger(id, SUPPLIER2).owed, 40);
	});
}

#[test]
fn only_the_vendor_within_the_window_up_to_what_was_released() {
	run(|| {
		crossed();
		assert_noop!(ProfitSharing::refund_sale(signed(VENDOR2), 3, 1), Error::<Test>::NotVendor);
		assert_noop!(ProfitSharing::refund_sale(signed(VENDOR), 9, 1), Error::<Test>::SaleNotFound);
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 3, 0),
			Error::<Test>::InvalidRefund
		);
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 3, 201),
			Error::<Test>::InvalidRefund
		);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 150));
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 3, 51),
			Error::<Test>::InvalidRefund
		);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 50));
		run_to(1 + REFUND_WINDOW);
		// The window's last block has passed; the record is not expired yet.
		System::set_block_number(2 + REFUND_WINDOW);
		assert_noop!(
			ProfitSharing::refund_sale(signed(VENDOR), 2, 1),
			Error::<Test>::RefundWindowOver
		);
		run_to(3 + REFUND_WINDOW);
		assert_noop!(ProfitSharing::refund_sale(signed(VENDOR), 2, 1), Error::<Test>::SaleNotFound);
	});
}

#[test]
fn a_vendor_that_cannot_pay_the_refund_changes_nothing() {
	run(|| {
		crossed();
		let all = free(VENDOR);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&VENDOR,
			&BUYER2,
			all - ED,
			Preservation::Preserve
		));
		assert!(ProfitSharing::refund_sale(signed(VENDOR), 3, 100).is_err());
		assert_eq!(Sales::<Test>::get(3).unwrap().refunded, 0);
		assert_eq!(ledger(0, SUPPLIER).owed, 0);
	});
}
