//! KPIs from the orders pallet's reports.

use crate::{
	Affected, BalanceOf, Config, CurrentPeriod, Pallet, Performance, PeriodIndex, PeriodKpis,
	Vendors,
};
use commerce_primitives::{ListingId, OrderId, OrderObserver, OrderReport, Outcome};
use frame_support::traits::Get;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Count `report` into `kpis`; returns whether the order was defective (the vendor answers
	/// for it and it was not perfect). Orders worth at least `min_value` count toward the
	/// sample; every order counts in the values the rates are computed from.
	pub(crate) fn count(
		kpis: &mut PeriodKpis<BalanceOf<T>>,
		r: &OrderReport<T::AccountId, BalanceOf<T>>,
		min_value: BalanceOf<T>,
	) -> bool {
		let refunded = r.partially_refunded.saturating_add(r.refunded_at_close);
		let value = r.total;
		let add = |sum: &mut BalanceOf<T>| *sum = sum.saturating_add(value);
		kpis.closed.saturating_inc();
		if r.outcome == Outcome::CancelledByBuyer {
			kpis.buyer_cancelled.saturating_inc();
			return false;
		}
		add(&mut kpis.eligible_value);
		if value >= min_value {
			kpis.sampled.saturating_inc();
		}
		if r.shipped {
			kpis.shipped_on_time.saturating_inc();
			add(&mut kpis.shipped_value);
		}
		match r.outcome {
			Outcome::ShippingDeadlineMissed => {
				kpis.missed_deadlines.saturating_inc();
				add(&mut kpis.missed_value);
				add(&mut kpis.cancelled_value);
			},
			Outcome::Refunded if !r.shipped => {
				kpis.vendor_cancelled.saturating_inc();
				add(&mut kpis.cancelled_value);
			},
			Outcome::DisputeSettled | Outcome::DisputeLapsed => {
				kpis.disputes.saturating_inc();
				if !r.refunded_at_close.is_zero() {
					kpis.disputes_lost.saturating_inc();
					add(&mut kpis.disputes_lost_value);
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
		} else {
			add(&mut kpis.imperfect_value);
		}
		!perfect
	}

	/// What `r`'s buyer is owed service credits for: the loss an arbiter's ruling left it with
	/// (`total - refunded`) when the ruling returned part of the payment. Nothing otherwise:
	/// a full refund (however it came) leaves no loss; a vendor's own partial refund, or the
	/// fallback split of a dispute nobody ruled, is not a defect a third party established, so
	/// a vendor cannot make its own accounts creditors by refunding or disputing with them.
	pub(crate) fn owed_for(r: &OrderReport<T::AccountId, BalanceOf<T>>) -> BalanceOf<T> {
		if r.outcome != Outcome::DisputeSettled || r.refunded_at_close.is_zero() {
			return Zero::zero();
		}
		r.total.saturating_sub(r.partially_refunded).saturating_sub(r.refunded_at_close)
	}

	/// Record that `buyer` is owed credits for a loss of `loss`. When the list is full, the
	/// buyer with the smallest loss makes room for a larger one (the earlier stays on a tie).
	fn record_affected(vendor: &T::AccountId, buyer: &T::AccountId, loss: BalanceOf<T>) {
		Affected::<T>::mutate(vendor, |affected| {
			if let Some((_, owed)) = affected.iter_mut().find(|(who, _)| who == buyer) {
				*owed = owed.saturating_add(loss);
				return;
			}
			if affected.try_push((buyer.clone(), loss)).is_ok() {
				return;
			}
			let smallest = affected
				.iter()
				.enumerate()
				.min_by_key(|(_, (_, owed))| *owed)
				.map(|(index, (_, owed))| (index, *owed));
			if let Some((index, owed)) = smallest {
				if let Some(slot) = affected.get_mut(index).filter(|_| owed < loss) {
					*slot = (buyer.clone(), loss);
				}
			}
		});
	}

	/// The KPIs of `vendor` for `period`, if it had orders then.
	pub fn kpis_of(vendor: &T::AccountId, period: PeriodIndex) -> Option<PeriodKpis<BalanceOf<T>>> {
		Performance::<T>::get(vendor).into_iter().find(|kpis| kpis.period == period)
	}
}

impl<T: Config> OrderObserver<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn order_placed(
		vendor: &T::AccountId,
		_: OrderId,
		_: ListingId,
		_: u32,
		_: BalanceOf<T>,
		_: BalanceOf<T>,
	) {
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
			ring.last_mut()
				.map(|kpis| Self::count(kpis, r, T::MinSampleValue::get()))
				.unwrap_or(false)
		});
		let owed = Self::owed_for(r);
		if defective && !owed.is_zero() {
			Self::record_affected(&r.vendor, &r.buyer, owed);
		}
	}
}
