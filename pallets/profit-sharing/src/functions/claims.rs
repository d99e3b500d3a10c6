//! Claims of set-aside shares, refunds of sales after release (clawback), and the expiry of
//! sale records.

use crate::{
	Agreements, BalanceOf, Config, Error, Event, HoldReason, Ledgers, Pallet, SaleCursor,
	SaleExpiries, Sales, Threshold, Versions, WeightInfo,
};
use commerce_primitives::{deadlines, OrderId};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
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
	pub(crate) fn do_claim(id: crate::AgreementId, beneficiary: T::AccountId) -> DispatchResult {
		let mut ledger = Ledgers::<T>::get(id, &beneficiary).unwrap_or_default();
		let amount = ledger.claimable;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		ensure!(
			T::Currency::can_deposit(&beneficiary, amount, Provenance::Extant)
				== DepositConsequence::Success,
			Error::<T>::CannotReceive
		);
		T::Currency::transfer_on_hold(
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
		let agreement_lives = Agreements::<T>::mutate_extant(id, |agreement| {
			agreement.totals.claimable.saturating_reduce(amount);
			agreement.totals.to_beneficiaries.saturating_accrue(amount);
			true
		});
		if agreement_lives {
			Ledgers::<T>::insert(id, &beneficiary, ledger);
		} else {
			// The agreement is closed: this was all that was left of the ledger.
			Ledgers::<T>::remove(id, &beneficiary);
		}
		Self::deposit_event(Event::Claimed { agreement: id, beneficiary, amount });
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
		T::Currency::transfer(&vendor, &sale.buyer, amount, Preservation::Preserve)?;
		let mut clawback = BalanceOf::<T>::zero();
		if let (Some(mut agreement), Some(version)) =
			(Agreements::<T>::get(sale.agreement), Versions::<T>::get(sale.agreement, sale.version))
		{
			let totals = &mut agreement.totals;
			clawback = match version.terms.threshold {
				// The drop in revenue above the threshold: what the beneficiaries were paid a
				// share of and no longer should be.
				Threshold::Revenue(threshold) => {
					let before = totals.released.saturating_sub(totals.refunded);
					let after = before.saturating_sub(amount);
					before.saturating_sub(threshold).saturating_sub(after.saturating_sub(threshold))
				},
				// Units stay sold: the refund's share of this sale's shared part.
				Threshold::Units(_) => crate::functions::split::pro_rata(
					sale.shared,
					amount.saturated_into::<u128>(),
					sale.amount.saturated_into::<u128>(),
				),
			};
			totals.refunded.saturating_accrue(amount);
			for (beneficiary, share) in version.terms.beneficiaries.iter() {
				let owed = share.mul_floor(clawback);
				if !owed.is_zero() {
					Ledgers::<T>::mutate(sale.agreement, beneficiary, |ledger| {
						ledger.get_or_insert_with(Default::default).owed.saturating_accrue(owed);
					});
				}
			}
			Agreements::<T>::insert(sale.agreement, agreement);
		}
		sale.refunded.saturating_accrue(amount);
		let buyer = sale.buyer.clone();
		Sales::<T>::insert(order, sale);
		Self::deposit_event(Event::SaleRefunded { order, buyer, amount, clawback });
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
