//! Unclaimed payouts: claimed for their payee, or forfeited once their claim window passed.

use crate::{Config, Error, Event, HoldReason, Pallet, Unclaimed};
use commerce_primitives::OrderId;
use frame_support::{
	ensure,
	traits::{fungibles::MutateHold, tokens::Precision, Get},
};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_claim_payout(order: OrderId, payee: T::AccountId) -> DispatchResult {
		let payout = Unclaimed::<T>::get(order, &payee).ok_or(Error::<T>::NothingToClaim)?;
		ensure!(
			Self::can_receive(&payout.currency, &payee, payout.amount),
			Error::<T>::CannotReceive
		);
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		Self::pay_from_hold(&payout.currency, &reason, &payout.buyer, &payee, payout.amount)?;
		Unclaimed::<T>::remove(order, &payee);
		Self::deposit_event(Event::PayoutClaimed {
			order,
			payee,
			currency: payout.currency,
			amount: payout.amount,
		});
		Ok(())
	}

	pub(crate) fn do_forfeit_payout(order: OrderId, payee: T::AccountId) -> DispatchResult {
		let payout = Unclaimed::<T>::get(order, &payee).ok_or(Error::<T>::NothingToClaim)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= payout.expires,
			Error::<T>::ClaimWindowOpen
		);
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let fee_account = T::FeeAccount::get();
		let to = if fee_account != payee
			&& Self::can_receive(&payout.currency, &fee_account, payout.amount)
		{
			Self::pay_from_hold(
				&payout.currency,
				&reason,
				&payout.buyer,
				&fee_account,
				payout.amount,
			)?;
			fee_account
		} else {
			// Releasing a hold on the buyer's own account cannot be refused.
			T::Currency::release(
				payout.currency.clone(),
				&reason,
				&payout.buyer,
				payout.amount,
				Precision::Exact,
			)?;
			payout.buyer.clone()
		};
		Unclaimed::<T>::remove(order, &payee);
		Self::deposit_event(Event::PayoutForfeited {
			order,
			payee,
			to,
			currency: payout.currency,
			amount: payout.amount,
		});
		Ok(())
	}
}
