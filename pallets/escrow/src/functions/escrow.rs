//! Holding, releasing and settling order payments: the `Escrow` the orders pallet uses.

use crate::{
	BalanceOf, Config, CurrencyOf, Error, EscrowRecord, Escrows, Event, HoldReason, MarketplaceFee,
	Pallet, Unclaimed, UnclaimedPayout,
};
use commerce_primitives::{Escrow, OrderId, PayoutSplitter};
use frame_support::{
	ensure,
	traits::{
		fungibles::{Inspect, MutateHold},
		tokens::{DepositConsequence, Fortitude, Precision, Provenance, Restriction},
		Get,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Pay out the escrow of `order`: `to_buyer` back to the buyer, the rest to the vendor's
	/// payees less the marketplace fee. Removes the escrow. Returns what the buyer received.
	pub(crate) fn do_settle(
		order: OrderId,
		to_buyer: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		ensure!(to_buyer <= escrow.amount, Error::<T>::InvalidSplit);
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let currency = escrow.currency.clone();
		let vendor_share = escrow.amount.saturating_sub(to_buyer);

		// What cannot be deposited stays on hold, unclaimed, for its payee.
		let back_to_buyer = to_buyer;
		let mut unclaimed = BalanceOf::<T>::zero();
		let expires =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimWindow::get());
		let mut fee = MarketplaceFee::<T>::get().mul_floor(vendor_share);
		let net = vendor_share.saturating_sub(fee);
		if !fee.is_zero() && !Self::can_receive(&currency, &T::FeeAccount::get(), fee) {
			Self::keep_unclaimed(
				order,
				&T::FeeAccount::get(),
				&escrow.buyer,
				&currency,
				fee,
				expires,
			);
			unclaimed.saturating_accrue(fee);
			fee = Zero::zero();
		}
		let mut payees =
			T::PayoutSplitter::split(order, &escrow.vendor, &currency, net).into_inner();
		let sum = payees
			.iter()
			.try_fold(BalanceOf::<T>::zero(), |acc, (_, amount)| acc.checked_add(amount));
		if sum != Some(net) {
			payees = alloc::vec![(escrow.vendor.clone(), net)];
		}
		let mut to_vendor = BalanceOf::<T>::zero();
		// What each payee actually received, for the splitter's bookkeeping.
		let mut received = alloc::vec::Vec::with_capacity(payees.len());
		for (payee, amount) in payees.into_iter() {
			let mut paid = BalanceOf::<T>::zero();
			if !amount.is_zero() {
				if Self::can_receive(&currency, &payee, amount) {
					Self::pay_from_hold(&currency, &reason, &escrow.buyer, &payee, amount)?;
					to_vendor.saturating_accrue(amount);
					paid = amount;
				} else {
					Self::keep_unclaimed(order, &payee, &escrow.buyer, &currency, amount, expires);
					unclaimed.saturating_accrue(amount);
				}
			}
			received.push((payee, paid));
		}
		if !fee.is_zero() {
			Self::pay_from_hold(&currency, &reason, &escrow.buyer, &T::FeeAccount::get(), fee)?;
		}
		if !back_to_buyer.is_zero() {
			T::Currency::release(
				currency.clone(),
				&reason,
				&escrow.buyer,
				back_to_buyer,
				Precision::Exact,
			)?;
		}
		Escrows::<T>::remove(order);
		T::PayoutSplitter::paid(order, &escrow.vendor, &escrow.buyer, &currency, net, &received);
		Self::deposit_event(Event::Settled {
			order,
			currency,
			to_buyer: back_to_buyer,
			to_vendor,
			fee,
			unclaimed,
		});
		Ok(back_to_buyer)
	}

	/// Keep `amount` owed to `payee` for `order` on hold on `buyer`'s account, claimable
	/// until `expires` (added to what the payee is owed already, if the split named it twice).
	fn keep_unclaimed(
		order: OrderId,
		payee: &T::AccountId,
		buyer: &T::AccountId,
		currency: &CurrencyOf<T>,
		amount: BalanceOf<T>,
		expires: frame_system::pallet_prelude::BlockNumberFor<T>,
	) {
		Unclaimed::<T>::mutate(order, payee, |entry| {
			let entry = entry.get_or_insert_with(|| UnclaimedPayout {
				buyer: buyer.clone(),
				currency: currency.clone(),
				amount: Zero::zero(),
				expires,
			});
			entry.amount.saturating_accrue(amount);
		});
		Self::deposit_event(Event::PayoutUnclaimed {
			order,
			payee: payee.clone(),
			currency: currency.clone(),
			amount,
			expires,
		});
	}

	/// Return `amount` of the escrow of `order` to the buyer; the rest stays escrowed.
	pub(crate) fn do_refund(order: OrderId, amount: BalanceOf<T>) -> DispatchResult {
		let mut escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		ensure!(!amount.is_zero() && amount < escrow.amount, Error::<T>::InvalidRefund);
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let currency = escrow.currency.clone();
		T::Currency::release(currency.clone(), &reason, &escrow.buyer, amount, Precision::Exact)?;
		escrow.amount = escrow.amount.saturating_sub(amount);
		let remaining = escrow.amount;
		Escrows::<T>::insert(order, escrow);
		Self::deposit_event(Event::PartiallyRefunded { order, currency, amount, remaining });
		Ok(())
	}

	pub(crate) fn pay_from_hold(
		currency: &CurrencyOf<T>,
		reason: &T::RuntimeHoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::transfer_on_hold(
			currency.clone(),
			reason,
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			// The funds are the order's, held for it: the buyer's other locks and freezes must
			// not stop the payout.
			Fortitude::Force,
		)
		.map(|_| ())
	}

	/// Whether `amount` of `currency` can be deposited into `who`'s account: it exists, or
	/// `amount` reaches the currency's minimum balance, and the account is not blocked.
	pub(crate) fn can_receive(
		currency: &CurrencyOf<T>,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> bool {
		T::Currency::can_deposit(currency.clone(), who, amount, Provenance::Extant)
			== DepositConsequence::Success
	}
}

impl<T: Config> Escrow<T::AccountId, CurrencyOf<T>, BalanceOf<T>> for Pallet<T> {
	fn hold(
		order: OrderId,
		buyer: &T::AccountId,
		vendor: &T::AccountId,
		currency: CurrencyOf<T>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!Escrows::<T>::contains_key(order), Error::<T>::AlreadyEscrowed);
		T::Currency::hold(currency.clone(), &HoldReason::Escrow.into(), buyer, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Escrows::<T>::insert(
			order,
			EscrowRecord {
				buyer: buyer.clone(),
				vendor: vendor.clone(),
				currency: currency.clone(),
				amount,
			},
		);
		Self::deposit_event(Event::Held {
			order,
			buyer: buyer.clone(),
			vendor: vendor.clone(),
			currency,
			amount,
		});
		Ok(())
	}

	fn refund(order: OrderId, amount: BalanceOf<T>) -> DispatchResult {
		Self::do_refund(order, amount)
	}

	fn release(order: OrderId) -> Result<BalanceOf<T>, DispatchError> {
		Self::do_settle(order, Zero::zero())
	}

	fn settle(order: OrderId, to_buyer: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		Self::do_settle(order, to_buyer)
	}

	fn escrowed(order: OrderId) -> Option<BalanceOf<T>> {
		Escrows::<T>::get(order).map(|escrow| escrow.amount)
	}

	fn currency_of(order: OrderId) -> Option<CurrencyOf<T>> {
		Escrows::<T>::get(order).map(|escrow| escrow.currency)
	}

	fn payout_weight() -> frame_support::weights::Weight {
		T::PayoutSplitter::weight()
	}

	fn payout_weight_of(order: OrderId) -> frame_support::weights::Weight {
		T::PayoutSplitter::weight_of(order)
	}
}
