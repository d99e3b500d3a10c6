//! KPIs from the orders pallet's reports.

use crate::{
	Affected, BalanceOf, Config, CurrentPeriod, Pallet, Performance, PeriodIndex, PeriodKpis,
	Vendors,
};
use commerce_primitives::{ListingId, OrderId, OrderObserver, OrderReport, Outcome};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Count `report` into `kpis`; returns whether the order was defective (the vendor answers
	/// for it and it was not perfect).
	pub(crate) fn count(
		kpis: &mut PeriodKpis<BalanceOf<T>>,
		r: &OrderReport<T::AccountId, BalanceOf<T>>,
	) -> bool {
		let refunded = r.partially_refunded.saturating_add(r.refunded_at_close);
		kpis.closed.saturating_inc();
		if r.outcome == Outcome::CancelledByBuyer {
			kpis.buyer_cancelled.saturating_inc();
			return false;
		}
		if r.shipped {
			kpis.shipped_on_time.saturating_inc();
		}
		match r.outcome {
			Outcome::ShippingDeadlineMissed => kpis.missed_deadlines.saturating_inc(),
			Outcome::Refunded if !r.shipped => kpis.vendor_cancelled.saturating_inc(),
			Outcome::DisputeSettled => {
				kpis.disputes.saturating_inc();
				if !r.refunded_at_close.is_zero() {
					kpis.disputes_lost.saturating_inc();
				}
			},
			_ => {},
		}
		if r.outcome == Outcome::Refunded || !r.partially_refunded.is_zero() {
			kpis.refunded.saturating_inc();
		}
		kpis.refund_amount = kpis.refund_amount.saturating_add(refunded);
		let perfect = r.shipped && refunded.is_zero();
		if perfect {
			kpis.perfect.saturating_inc();
		}
		!perfect
	}

	/// Record that `buyer` was affected by a defective order worth `value`. When the list is
	/// full a new buyer is left out (its share of a slash goes to the treasury).
	fn record_affected(vendor: &T::AccountId, buyer: &T::AccountId, value: BalanceOf<T>) {
		Affected::<T>::mutate(vendor, |affected| {
			match affected.iter_mut().find(|(who, _)| who == buyer) {
				Some((_, owed)) => *owed = owed.saturating_add(value),
				None => {
					let _ = affected.try_push((buyer.clone(), value));
				},
			}
		});
	}

	/// The KPIs of `vendor` for `period`, if it had orders then.
	pub fn kpis_of(vendor: &T::AccountId, period: PeriodIndex) -> Option<PeriodKpis<BalanceOf<T>>> {
		Performance::<T>::get(vendor).into_iter().find(|kpis| kpis.period == period)
	}
}

impl<T: Config> OrderObserver<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn order_placed(vendor: &T::AccountId, _: OrderId, _: ListingId, _: u32) {
		Vendors::<T>::mutate_extant(vendor, |record| record.open_orders.saturating_inc());
	}

	fn order_closed(r: &OrderReport<T::AccountId, BalanceOf<T>>) {
		// One read of the record both finds the vendor and counts the order out.
		let registered = Vendors::<T>::mutate_extant(&r.vendor, |record| {
			record.open_orders.saturating_dec();
			true
		});
		if !registered {
			return;
		}
		let period = CurrentPeriod::<T>::get().index;
		let defective = Performance::<T>::mutate(&r.vendor, |ring| {
			if ring.last().is_none_or(|last| last.period != period) {
				if ring.is_full() {
					ring.remove(0);
				}
				// Cannot fail: there is room now (`MaxPeriods` is at least 1).
				let _ = ring.try_push(PeriodKpis::new(period));
			}
			ring.last_mut().map(|kpis| Self::count(kpis, r)).unwrap_or(false)
		});
		if defective {
			Self::record_affected(&r.vendor, &r.buyer, r.total);
		}
	}
}
