//! Timeouts: the `on_idle` drain of the deadlines and `process_overdue`.

use crate::{
	Config, DeadlineCursor, Deadlines, Error, Event, PoOutcome, PoState, PurchaseOrderId,
	PurchaseOrderOf, PurchaseOrders, WeightInfo,
};
use commerce_primitives::deadlines;
use frame_support::{ensure, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchResult, TransactionOutcome};

const LOG_TARGET: &str = "runtime::replenishment";

impl<T: Config> crate::Pallet<T> {
	/// What `on_idle` charges to visit one block's deadlines, and to time out one purchase
	/// order (the costliest timeout, measured).
	pub(crate) fn deadline_costs() -> (Weight, Weight) {
		let per_block = T::WeightInfo::on_idle(0);
		let per_item = T::WeightInfo::on_idle(1).saturating_sub(per_block);
		(per_block, per_item)
	}

	/// Time out the due purchase orders, as many as `limit` allows. Called from `on_idle`.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let (per_block, per_item) = Self::deadline_costs();
		deadlines::drain::<Deadlines<T>, DeadlineCursor<T>, _, _>(
			now,
			limit,
			per_block,
			per_item,
			|id, at| {
				// Entries move with their purchase order; this only guards against a mismatch.
				let Some(po) = PurchaseOrders::<T>::get(id) else { return };
				if po.deadline != at {
					return;
				}
				let result =
					frame_support::storage::with_transaction(|| {
						match Self::apply_timeout(id, po) {
							Ok(()) => TransactionOutcome::Commit(Ok(())),
							Err(err) => TransactionOutcome::Rollback(Err(err)),
						}
					});
				if let Err(err) = result {
					// It stays open; `process_overdue` retries it.
					log::error!(target: LOG_TARGET, "timing out purchase order {id} failed: {err:?}");
				}
			},
		)
	}

	pub(crate) fn do_process_overdue(id: PurchaseOrderId) -> DispatchResult {
		let po = Self::po(id)?;
		ensure!(Self::now() >= po.deadline, Error::<T>::NotOverdue);
		Self::apply_timeout(id, po)
	}

	/// What a passed deadline does: a request expires; an accepted purchase order has its
	/// shipped units deemed received once its receive-by passed and its unshipped units
	/// dropped once its ship-by passed; a dispute falls back.
	pub(crate) fn apply_timeout(id: PurchaseOrderId, mut po: PurchaseOrderOf<T>) -> DispatchResult {
		let now = Self::now();
		match po.state {
			PoState::Requested { .. } => Self::close(id, po, PoOutcome::Expired),
			PoState::Disputed { .. } => Self::dispute_lapsed(id, po),
			PoState::Accepted { ship_by, mut receive_by } => {
				let pending = po.shipped.saturating_sub(po.received);
				if pending > 0 && receive_by.is_some_and(|at| at <= now) {
					let deemed = frame_support::storage::with_storage_layer(|| {
						Self::receive_units(id, &mut po, pending, true)
					});
					if deemed.is_err() {
						// The supplier cannot be paid: the panel decides.
						return Self::to_dispute(id, po, None);
					}
					receive_by = None;
				}
				if po.shipped < po.quantity && ship_by <= now {
					let dropped = po.quantity.saturating_sub(po.shipped);
					let returned = Self::amount_of(dropped, po.unit_price)?;
					Self::return_to_vendor(&mut po, returned)?;
					po.quantity = po.shipped;
					Self::deposit_event(Event::PurchaseOrderShortened {
						purchase_order: id,
						quantity: po.quantity,
						returned,
					});
				}
				Self::after_receipt(id, po, ship_by, receive_by)
			},
		}
	}
}
