//! KPIs counted from the orders pallet's reports, and the rates derived from them.

use super::*;
use crate::{Affected, KpiRates, Performance, PeriodKpis};
use sp_runtime::Perbill;

#[test]
fn each_outcome_counts_where_it_belongs() {
	run(|| {
		perfect(VENDOR, BUYER, 1, 100);
		report(VENDOR, BUYER, Outcome::CancelledByBuyer, 100, 0, 100, false);
		report(VENDOR, BUYER, Outcome::ShippingDeadlineMissed, 100, 0, 100, false);
		report(VENDOR, BUYER, Outcome::Refunded, 100, 0, 100, false);
		// Shipped, partly refunded, then completed.
		report(VENDOR, BUYER2, Outcome::Completed, 100, 30, 0, true);
		// Disputes: one won by the vendor, one lost in part.
		report(VENDOR, BUYER2, Outcome::DisputeSettled, 100, 0, 0, true);
		report(VENDOR, BUYER3, Outcome::DisputeSettled, 100, 0, 60, true);
		let kpis = Vendors::kpis_of(&VENDOR, 0).unwrap();
		assert_eq!(
			kpis,
			PeriodKpis {
				period: 0,
				closed: 7,
				buyer_cancelled: 1,
				shipped_on_time: 4,
				missed_deadlines: 1,
				vendor_cancelled: 1,
				refunded: 2,
				refund_amount: 100 + 100 + 30 + 60,
				disputes: 2,
				disputes_lost: 1,
				perfect: 2,
				sampled: 6,
				eligible_value: 600,
				imperfect_value: 400,
				shipped_value: 400,
				missed_value: 100,
				cancelled_value: 200,
				disputes_lost_value: 100,
			}
		);
		assert_eq!(
			kpis.rates(),
			KpiRates {
				eligible: 6,
				on_time: Perbill::from_rational(4u32, 5u32),
				defect: Perbill::from_rational(4u32, 6u32),
				order_defect: Perbill::from_rational(1u32, 6u32),
				cancellation: Perbill::from_rational(2u32, 6u32),
			}
		);
		// Every order placed was closed.
		assert_eq!(VendorsStorage::<Test>::get(VENDOR).unwrap().open_orders, 0);
		// Owed credits: only the buyer an arbiter ruled for, for what the ruling left it
		// without (100 - 60). Refunded buyers lost nothing; the vendor's partial refund and
		// the dispute the vendor won establish no loss.
		assert_eq!(Affected::<Test>::get(VENDOR).to_vec(), vec![(BUYER3, 40)]);
	});
}

#[test]
fn rates_of_an_empty_period_are_perfect() {
	let rates = PeriodKpis::<u64>::new(0).rates();
	assert_eq!(
		rates,
		KpiRates {
			eligible: 0,
			on_time: Perbill::one(),
			defect: Perbill::zero(),
			order_defect: Perbill::zero(),
			cancellation: Perbill::zero(),
		}
	);
}

#[test]
fn a_vendor_keeps_only_its_last_periods() {
	run(|| {
		for period in 0..(MAX_PERIODS + 2) {
			perfect(VENDOR, BUYER, period + 1, 10);
			next_period();
		}
		let ring = Performance::<Test>::get(VENDOR);
		assert_eq!(ring.len() as u32, MAX_PERIODS);
		assert_eq!(ring.iter().map(|kpis| kpis.period).collect::<Vec<_>>(), vec![2, 3, 4, 5]);
		assert_eq!(ring[0].closed, 3);
	});
}

#[test]
fn open_orders_are_counted_until_they_close() {
	run(|| {
		<Vendors as OrderObserver<_, _>>::order_placed(&VENDOR, 77, 0, 1, 10, 10);
		<Vendors as OrderObserver<_, _>>::order_placed(&VENDOR, 78, 0, 1, 10, 10);
		assert_eq!(VendorsStorage::<Test>::get(VENDOR).unwrap().open_orders, 2);
		// Reports about accounts that are not vendors are ignored.
		<Vendors as OrderObserver<_, _>>::order_placed(&BUYER, 79, 0, 1, 10, 10);
		assert!(VendorsStorage::<Test>::get(BUYER).is_none());
	});
}
