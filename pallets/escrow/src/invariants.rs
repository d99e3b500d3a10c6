//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	BalanceOf, Config, Disputes, Escrows, HoldReason, MarketplaceFee, Pallet, RulingCursor,
	RulingDeadlines,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::CheckedAdd, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. For each buyer, the funds on hold under [`HoldReason::Escrow`] equal the sum of the
	///    buyer's escrows: no escrowed money is missing, and none is held without an escrow.
	/// 2. Every escrow holds more than zero.
	/// 3. Every dispute belongs to an open escrow and is in the ruling queue at its deadline
	///    (unless that block was drained already and it awaits `resolve_overdue_dispute`).
	/// 4. The marketplace fee is at most `MaxFee`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, escrow) in Escrows::<T>::iter() {
			ensure!(escrow.amount > 0u32.into(), "an escrow holds nothing");
			let entry = held.entry(escrow.buyer.clone()).or_default();
			*entry = entry.checked_add(&escrow.amount).ok_or("escrow sum overflows")?;
		}
		for (buyer, sum) in held.iter() {
			ensure!(
				T::Currency::balance_on_hold(&reason, buyer) == *sum,
				"funds on hold for escrow differ from the buyer's escrows"
			);
		}
		let cursor = RulingCursor::<T>::get();
		for (order, dispute) in Disputes::<T>::iter() {
			ensure!(Escrows::<T>::contains_key(order), "a dispute without an escrow");
			if dispute.rule_by >= cursor {
				ensure!(
					RulingDeadlines::<T>::get(dispute.rule_by).contains(&order),
					"a dispute missing from the ruling queue"
				);
			}
		}
		ensure!(MarketplaceFee::<T>::get() <= T::MaxFee::get(), "fee above MaxFee");
		Ok(())
	}
}
