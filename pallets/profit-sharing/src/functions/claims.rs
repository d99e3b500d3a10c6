//! Claims of set-aside shares, refunds of sales after release (clawback), and the expiry of
//! sale records.

use crate::{
	functions::split::pro_rata, Agreements, BalanceOf, Config, CurrencyOf, Error, Event,
	HoldReason, Ledgers, Pallet, Payouts, SaleCursor, SaleExpiries, SaleOf, Sales, Threshold,
	Versions, WeightInfo,
};
use commerce_primitives::{deadlines, OrderId};
use frame_support::{
	ensure,
	traits::{
		fungibles::{Inspect, Mutate, MutateHold},
		tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance, Restriction},
		Consideration,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_claim(
		id: crate::AgreementId,
		beneficiary: T::AccountId,
		currency: CurrencyOf<T>,
	) -> DispatchResult {
		let key = (id, &beneficiary, &currency);
		let mut ledger = Ledgers::<T>::get(key).unwrap_or_default();
		let amount = ledger.claimable;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		ensure!(
			T::Currency::can_deposit(currency.clone(), &beneficiary, amount, Provenance::Extant)
				== DepositConsequence::Success,
			Error::<T>::CannotReceive
		);
		T::Currency::transfer_on_hold(
			currency.clone(),
			&HoldReason::Unclaimed.into(),
			&Self::pot(),
			&beneficiary,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		ledger.claimable = Zero::zero();
		ledger.received.saturating_accrue(amount);
		Payouts::<T>::mutate_exists(id, &currency, |totals| {
			if let Some(totals) = totals {
				totals.claimable.saturating_reduce(amount);
				totals.to_beneficiaries.saturating_accrue(amount);
			}
		});
		if Agreements::<T>::contains_key(id) {
			Ledgers::<T>::insert(key, ledger);
		} else {
			// The agreement is closed: this was all that was left of the ledger.
			Ledgers::<T>::remove(key);
		}
		Self::deposit_event(Event::Claimed { agreement: id, beneficiary, currency, amount });
		Ok(())
	}

	pub(crate) fn do_refund_sale(
		vendor: T::AccountId,
		order: OrderId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut sale = Sales::<T>::get(order).ok_or(Error::<T>::SaleNotFound)?;
		ensure!(sale.vendor == vendor, Error::<T>::NotVendor);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= sale.until,
			Error::<T>::RefundWindowOver
		);
		let refundable = sale.amount.saturating_sub(sale.refunded);
		ensure!(!amount.is_zero() && amount <= refundable, Error::<T>::InvalidRefund);
		T::Currency::transfer(
			sale.currency.clone(),
			&vendor,
			&sale.buyer,
			amount,
			Preservation::Preserve,
		)?;
		let (before, after) = (sale.refunded, sale.refunded.saturating_add(amount));
		let mut clawback = BalanceOf::<T>::zero();
		if let (Some(mut agreement), Some(version)) =
			(Agreements::<T>::get(sale.agreement), Versions::<T>::get(sale.agreement, sale.version))
		{
			let taken = |refunded| taken_back::<T>(&version.terms.threshold, &sale, refunded);
			let (from, to) = (taken(before), taken(after));
			let of = |credit: BalanceOf<T>, (numerator, denominator): (u128, u128)| {
				pro_rata(credit, numerator, denominator)
			};
			clawback = of(sale.shared, to).saturating_sub(of(sale.shared, from));
			// Each beneficiary owes back the same fraction of what this sale credited it,
			// cumulatively rounded down: all of it once the sale is wholly refunded, never more.
			for ((beneficiary, _), credit) in
				version.terms.beneficiaries.iter().zip(sale.credited.iter())
			{
				let owed = of(*credit, to).saturating_sub(of(*credit, from));
				if !owed.is_zero() {
					Ledgers::<T>::mutate((sale.agreement, beneficiary, &sale.currency), |ledger| {
						ledger.get_or_insert_with(Default::default).owed.saturating_accrue(owed);
					});
				}
			}
			// The refunded part of the sale's value comes off the threshold's progress,
			// cumulatively rounded down: all of it once the sale is wholly refunded.
			let whole = sale.amount.saturated_into::<u128>();
			let value_to = |refunded: BalanceOf<T>| {
				pro_rata(sale.value, refunded.saturated_into::<u128>(), whole)
			};
			let value = value_to(after).saturating_sub(value_to(before));
			agreement.progress.refunded.saturating_accrue(value);
			Agreements::<T>::insert(sale.agreement, agreement);
			Payouts::<T>::mutate_exists(sale.agreement, &sale.currency, |totals| {
				if let Some(totals) = totals {
					totals.refunded.saturating_accrue(amount);
				}
			});
		}
		sale.refunded = after;
		let (buyer, currency) = (sale.buyer.clone(), sale.currency.clone());
		Sales::<T>::insert(order, sale);
		Self::deposit_event(Event::SaleRefunded { order, buyer, currency, amount, clawback });
		Ok(())
	}

	/// Remove the sales whose refund window ended, returning their deposits, within `limit`.
	/// Called from `on_idle`.
	pub(crate) fn expire_sales(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let per_block = T::WeightInfo::on_idle_sales(0);
		let per_item = T::WeightInfo::on_idle_sales(1).saturating_sub(per_block);
		deadlines::drain::<SaleExpiries<T>, SaleCursor<T>, _, _>(
			now,
			limit,
			per_block,
			per_item,
			|order, _| Self::expire_sale(order),
		)
	}

	/// Forget `order`'s sale and return its deposit.
	pub(crate) fn expire_sale(order: OrderId) {
		if let Some(sale) = Sales::<T>::take(order) {
			if sale.deposit.drop(&sale.vendor).is_err() {
				frame_support::defensive!("a sale deposit could not be released");
			}
		}
	}
}

/// The fraction `(numerator, denominator)` of what `sale` credited its beneficiaries that is
/// taken back once `refunded` of it is refunded: what the sale would not have credited had it
/// released only `amount − refunded`, under its own version, where it stood in the agreement's
/// history. With a revenue threshold a refund comes off the top of the sale, which is its
/// shared part (the part below the threshold is refunded last); with a units threshold the units
/// stay sold and the shared part shrinks pro rata. Reaches the whole once the sale is wholly
/// refunded.
pub(crate) fn taken_back<T: Config>(
	threshold: &Threshold<BalanceOf<T>>,
	sale: &SaleOf<T>,
	refunded: BalanceOf<T>,
) -> (u128, u128) {
	let (shared, amount) =
		(sale.shared.saturated_into::<u128>(), sale.amount.saturated_into::<u128>());
	let refunded = refunded.saturated_into::<u128>();
	match threshold {
		Threshold::Revenue(_) if shared > 0 => (refunded.min(shared), shared),
		_ => (refunded, amount),
	}
}
