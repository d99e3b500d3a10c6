//! Disputes: open, evidence, ruling, fallback.

use crate::{
	BalanceOf, Config, Dispute, Disputes, Error, Escrows, Event, Evidence, Pallet, RulingDeadlines,
};
use commerce_primitives::{deadlines, OrderDisputes, OrderId};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_dispute(
		who: T::AccountId,
		order: OrderId,
		evidence: Evidence,
	) -> DispatchResult {
		let escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		ensure!(!Disputes::<T>::contains_key(order), Error::<T>::AlreadyDisputed);
		let is_buyer = who == escrow.buyer;
		ensure!(is_buyer || who == escrow.vendor, Error::<T>::NotAParty);
		let now = frame_system::Pallet::<T>::block_number();
		let rule_by = now.saturating_add(T::RulingWindow::get());
		// The orders pallet checks the order's state and window, and marks it disputed.
		T::Orders::open_dispute(order, &who)?;
		deadlines::schedule::<RulingDeadlines<T>, _, _>(rule_by, order);
		let (buyer_evidence, vendor_evidence) =
			if is_buyer { (Some(evidence), None) } else { (None, Some(evidence)) };
		Disputes::<T>::insert(
			order,
			Dispute { opened_by: who.clone(), buyer_evidence, vendor_evidence, rule_by },
		);
		Self::deposit_event(Event::DisputeOpened { order, by: who, evidence, rule_by });
		Ok(())
	}

	pub(crate) fn do_submit_evidence(
		who: T::AccountId,
		order: OrderId,
		evidence: Evidence,
	) -> DispatchResult {
		let mut dispute = Disputes::<T>::get(order).ok_or(Error::<T>::DisputeNotFound)?;
		let escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		if who == escrow.buyer {
			dispute.buyer_evidence = Some(evidence);
		} else if who == escrow.vendor {
			dispute.vendor_evidence = Some(evidence);
		} else {
			return Err(Error::<T>::NotAParty.into());
		}
		Disputes::<T>::insert(order, dispute);
		Self::deposit_event(Event::EvidenceSubmitted { order, by: who, evidence });
		Ok(())
	}

	pub(crate) fn do_rule(
		arbiter: Option<T::AccountId>,
		order: OrderId,
		to_buyer: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(Disputes::<T>::contains_key(order), Error::<T>::DisputeNotFound);
		let escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		if let Some(arbiter) = &arbiter {
			ensure!(
				arbiter != &escrow.buyer && arbiter != &escrow.vendor,
				Error::<T>::PartyCannotArbitrate
			);
		}
		ensure!(to_buyer <= escrow.amount, Error::<T>::InvalidSplit);
		Self::deposit_event(Event::DisputeRuled { order, arbiter, to_buyer });
		Self::settle_dispute(order, to_buyer, true)
	}

	pub(crate) fn do_resolve_overdue_dispute(order: OrderId) -> DispatchResult {
		let dispute = Disputes::<T>::get(order).ok_or(Error::<T>::DisputeNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= dispute.rule_by, Error::<T>::NotOverdue);
		Self::apply_fallback(order)
	}

	/// The fallback split of an overdue dispute.
	pub(crate) fn apply_fallback(order: OrderId) -> DispatchResult {
		let escrow = Escrows::<T>::get(order).ok_or(Error::<T>::EscrowNotFound)?;
		let to_buyer = T::FallbackBuyerShare::get().mul_floor(escrow.amount);
		Self::deposit_event(Event::DisputeFallbackApplied { order, to_buyer });
		Self::settle_dispute(order, to_buyer, false)
	}

	/// Pay out a disputed escrow, drop the dispute and its ruling deadline, and end the order.
	/// `ruled`: an arbiter ruled (not the fallback), as the orders pallet reports it.
	fn settle_dispute(order: OrderId, to_buyer: BalanceOf<T>, ruled: bool) -> DispatchResult {
		let dispute = Disputes::<T>::take(order).ok_or(Error::<T>::DisputeNotFound)?;
		let received = Self::do_settle(order, to_buyer)?;
		deadlines::cancel::<RulingDeadlines<T>, _, _>(dispute.rule_by, order);
		T::Orders::dispute_settled(order, received, ruled);
		Ok(())
	}
}
