//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	BalanceOf, Config, CurrencyOf, Disputes, Escrows, HoldReason, MarketplaceFee, Pallet,
	RulingCursor, RulingDeadlines, Unclaimed,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::Encode;
use commerce_primitives::currency::CurrencyHoldersOf;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::CheckedAdd, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. In every currency, every account with funds on hold under [`HoldReason::Escrow`]
	///    holds exactly the sum of the escrows and unclaimed payouts in that currency it is the
	///    buyer of, and every escrow's buyer has that hold: no escrowed money is missing, and
	///    none is held without an escrow or a payout owed.
	/// 2. Every escrow and every unclaimed payout holds more than zero.
	/// 3. Every dispute belongs to an open escrow and has its ruling deadline queued (unless that
	///    block was drained already and it awaits `resolve_overdue_dispute`); every queued ruling
	///    deadline belongs to a dispute with that deadline.
	/// 4. The marketplace fee is at most `MaxFee`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		// Keyed by the encoded `(currency, buyer)`: a currency need not be ordered.
		let key = |currency: &CurrencyOf<T>, who: &T::AccountId| (currency, who).encode();
		let mut escrowed: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
		for (_, escrow) in Escrows::<T>::iter() {
			ensure!(escrow.amount > 0u32.into(), "an escrow holds nothing");
			let entry = escrowed.entry(key(&escrow.currency, &escrow.buyer)).or_default();
			*entry = entry.checked_add(&escrow.amount).ok_or("escrow sum overflows")?;
		}
		for (_, _, payout) in Unclaimed::<T>::iter() {
			ensure!(payout.amount > 0u32.into(), "an unclaimed payout of nothing");
			let entry = escrowed.entry(key(&payout.currency, &payout.buyer)).or_default();
			*entry = entry.checked_add(&payout.amount).ok_or("escrow sum overflows")?;
		}
		let held: BTreeMap<Vec<u8>, BalanceOf<T>> = T::Holders::holders(&reason)
			.into_iter()
			.map(|(currency, who, amount)| (key(&currency, &who), amount))
			.collect();
		ensure!(
			held == escrowed,
			"funds on hold for escrow differ from the buyers' escrows and unclaimed payouts"
		);

		let cursor = RulingCursor::<T>::get();
		for (order, dispute) in Disputes::<T>::iter() {
			ensure!(Escrows::<T>::contains_key(order), "a dispute without an escrow");
			if dispute.rule_by >= cursor {
				ensure!(
					RulingDeadlines::<T>::contains_key(dispute.rule_by, order),
					"a dispute missing from the ruling queue"
				);
			}
		}
		for (at, order, ()) in RulingDeadlines::<T>::iter() {
			ensure!(
				Disputes::<T>::get(order).is_some_and(|dispute| dispute.rule_by == at),
				"a ruling deadline without its dispute"
			);
		}
		ensure!(MarketplaceFee::<T>::get() <= T::MaxFee::get(), "fee above MaxFee");
		Ok(())
	}
}
