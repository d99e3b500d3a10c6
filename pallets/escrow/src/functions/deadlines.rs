//! Ruling deadlines: the `on_idle` drain that applies the fallback to overdue disputes.

use crate::{Config, Disputes, Pallet, RulingCursor, RulingDeadlines, WeightInfo};
use commerce_primitives::{deadlines, PayoutSplitter};
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::TransactionOutcome;

const LOG_TARGET: &str = "runtime::escrow";

impl<T: Config> Pallet<T> {
	/// Apply the fallback to the disputes due, as many as `limit` allows. Called from
	/// `on_idle`.
	pub(crate) fn process_ruling_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let per_block = T::WeightInfo::on_idle_disputes(0);
		let per_item = T::WeightInfo::on_idle_disputes(1)
			.saturating_sub(per_block)
			.saturating_add(T::PayoutSplitter::weight());
		deadlines::drain::<RulingDeadlines<T>, RulingCursor<T>, _, _>(
			now,
			limit,
			per_block,
			per_item,
			|order, at| {
				// Entries leave with their dispute; this only guards against a mismatch.
				match Disputes::<T>::get(order) {
					Some(dispute) if dispute.rule_by == at => {},
					_ => return,
				}
				let result =
					frame_support::storage::with_transaction(|| {
						match Self::apply_fallback(order) {
							Ok(()) => TransactionOutcome::Commit(Ok(())),
							Err(err) => TransactionOutcome::Rollback(Err(err)),
						}
					});
				if let Err(err) = result {
					// The dispute stays open; `resolve_overdue_dispute` retries it.
					log::error!(target: LOG_TARGET, "fallback for order {order} failed: {err:?}");
				}
			},
		)
	}
}
