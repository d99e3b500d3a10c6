//! Timeouts: the `on_idle` drain of the deadlines and `process_overdue`.

use crate::{
	Config, DeadlineCursor, Deadlines, Error, OrderOf, OrderState, Orders, Pallet, WeightInfo,
};
use commerce_primitives::{deadlines, Escrow, OrderId, Outcome};
use frame_support::{ensure, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchError, DispatchResult, TransactionOutcome};

const LOG_TARGET: &str = "runtime::orders";

impl<T: Config> Pallet<T> {
	/// What `on_idle` charges to visit one block's deadlines, and to time out one order: the
	/// costlier of the two timeout paths (an unshipped order refunded and restocked, a shipped
	/// one paid out), each measured with every order between other accounts.
	pub(crate) fn deadline_costs() -> (Weight, Weight) {
		let unshipped = T::WeightInfo::on_idle_unshipped(0);
		let unconfirmed = T::WeightInfo::on_idle_unconfirmed(0);
		let per_block = unshipped.max(unconfirmed);
		let per_item = T::WeightInfo::on_idle_unshipped(1)
			.saturating_sub(unshipped)
			.max(T::WeightInfo::on_idle_unconfirmed(1).saturating_sub(unconfirmed))
			.saturating_add(T::Escrow::payout_weight());
		(per_block, per_item)
	}

	/// Time out the due orders, as many as `limit` allows. Called from `on_idle`.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let (per_block, per_item) = Self::deadline_costs();
		deadlines::drain::<Deadlines<T>, DeadlineCursor<T>, _, _>(
			now,
			limit,
			per_block,
			per_item,
			|id, at| {
				// Entries move with their order; this only guards against a mismatch.
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
				let received = T::Escrow::settle(id, order.total)?;
				Self::close(id, order, Outcome::ShippingDeadlineMissed, received, true)
			},
			OrderState::Shipped { .. } | OrderState::Delivered { .. } => {
				let received = T::Escrow::release(id)?;
				Self::close(id, order, Outcome::Completed, received, false)
			},
			OrderState::Disputed => Err(Error::<T>::InvalidState.into()),
		}
	}
}
