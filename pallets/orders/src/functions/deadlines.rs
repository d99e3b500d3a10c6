//! Timeouts: the `on_idle` drain of the deadline queue and `process_overdue`.

use crate::{
	Config, DeadlineCursor, Deadlines, Error, OrderOf, OrderState, Orders, Pallet, WeightInfo,
};
use commerce_primitives::{deadlines, Escrow, OrderId, Outcome};
use frame_support::{ensure, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchError, DispatchResult, TransactionOutcome};

const LOG_TARGET: &str = "runtime::orders";

impl<T: Config> Pallet<T> {
	/// Time out the due orders, as many as `limit` allows. Called from `on_idle`.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let per_bucket = T::WeightInfo::on_idle_deadlines(0);
		let per_item = T::WeightInfo::on_idle_deadlines(1).saturating_sub(per_bucket);
		deadlines::drain::<Deadlines<T>, DeadlineCursor<T>, _, _, _>(
			now,
			limit,
			per_bucket,
			per_item,
			|id, at| {
				// A stale entry: the order ended or moved on since it was scheduled.
				let Some(order) = Orders::<T>::get(id) else { return };
				if order.deadline != at || order.state == OrderState::Disputed {
					return;
				}
				let result =
					frame_support::storage::with_transaction(|| {
						match Self::apply_timeout(id, order) {
							Ok(()) => TransactionOutcome::Commit(Ok(())),
							Err(err) => TransactionOutcome::Rollback(Err(err)),
						}
					});
				if let Err(err) = result {
					// The order stays open; `process_overdue` retries it.
					log::error!(target: LOG_TARGET, "timing out order {id} failed: {err:?}");
				}
			},
		)
	}

	pub(crate) fn do_process_overdue(id: OrderId) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.state != OrderState::Disputed, Error::<T>::InvalidState);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= order.deadline, Error::<T>::NotOverdue);
		Self::apply_timeout(id, order)
	}

	/// A paid order not shipped in time is refunded and its units restocked; a shipped or
	/// delivered order not confirmed or disputed in time completes.
	fn apply_timeout(id: OrderId, order: OrderOf<T>) -> Result<(), DispatchError> {
		match order.state {
			OrderState::Paid => {
				T::Escrow::settle(id, order.total)?;
				Self::close(id, order, Outcome::ShippingDeadlineMissed, true)
			},
			OrderState::Shipped { .. } | OrderState::Delivered { .. } => {
				T::Escrow::release(id)?;
				Self::close(id, order, Outcome::Completed, false)
			},
			OrderState::Disputed => Err(Error::<T>::InvalidState.into()),
		}
	}
}
