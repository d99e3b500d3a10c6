//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	BalanceOf, BatchByKey, BatchDeposits, BatchStatus, Batches, BizStep, Config, Corrections,
	EventKind, Events, History, HoldReason, NextBatchId, NextEventId, OrderBatches, Pallet,
};
use alloc::collections::btree_map::BTreeMap;
use commerce_primitives::{accrue as add, DepositAmount, HoldersOf};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Deposits equal holds: the funds on hold for event deposits are exactly the deposits
	///    of the stored events, attester by attester; likewise batch deposits.
	/// 2. Every batch is indexed by its key and the index holds nothing else; ids are below
	///    their counters.
	/// 3. Each batch's history has exactly `events` entries (at most `MaxEventsPerBatch`), each
	///    an event that names the batch; `observations <= events / 2` rounded up to the cap.
	/// 4. Custody is what the history says: replaying it from the producer, each receiving
	///    event (not declared erroneous) hands the batch to its attester; the result is the
	///    custodian. A batch in transit points at a shipping event of its history whose
	///    recipient has not received it; a consumed batch is an input of a transformation.
	/// 5. Corrections point at events that declare them erroneous; an order's batches were
	///    shipped against it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let max = T::MaxEventsPerBatch::get();
		let mut event_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, event) in Events::<T>::iter() {
			ensure!(id < NextEventId::<T>::get(), "an event id beyond the counter");
			add(&mut event_deposits, event.attester.clone(), event.deposit.deposit_amount());
		}
		let held: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::EventDeposit.into()).into_iter().collect();
		ensure!(held == event_deposits, "event deposits differ from their holds");

		let mut batch_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, (producer, deposit)) in BatchDeposits::<T>::iter() {
			ensure!(Batches::<T>::contains_key(id), "a deposit for a batch that is gone");
			add(&mut batch_deposits, producer, deposit.deposit_amount());
		}
		let held: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::BatchDeposit.into()).into_iter().collect();
		ensure!(held == batch_deposits, "batch deposits differ from their holds");

		ensure!(
			BatchByKey::<T>::iter().count() == Batches::<T>::iter().count(),
			"the key index and the batches differ in number"
		);
		for (id, batch) in Batches::<T>::iter() {
			ensure!(id < NextBatchId::<T>::get(), "a batch id beyond the counter");
			ensure!(BatchByKey::<T>::get(&batch.key) == Some(id), "a batch missing from the index");
			ensure!(BatchDeposits::<T>::contains_key(id), "a batch without its deposit");
			ensure!(batch.events <= max, "a history beyond its cap");
			ensure!(batch.observations <= batch.events, "more observations than events");
			ensure!(
				History::<T>::iter_prefix(id).count() as u32 == batch.events,
				"a history's entries differ from its count"
			);
			let mut custodian = batch.producer.clone();
			let mut consumed = false;
			for n in 0..batch.events {
				let event_id = History::<T>::get(id, n).ok_or("a gap in a history")?;
				let event =
					Events::<T>::get(event_id).ok_or("a history entry without its event")?;
				let names = match &event.kind {
					EventKind::Commission | EventKind::Observe => event.batch == id,
					EventKind::Aggregate { children, .. } => children.contains(&id),
					EventKind::Transform { inputs, output } => {
						if inputs.contains(&id) && event.corrects.is_none() {
							consumed = true;
						}
						inputs.contains(&id) || *output == id
					},
				};
				ensure!(names, "a history entry for an event that does not name the batch");
				let erroneous = Corrections::<T>::contains_key(event_id);
				if event.biz_step == BizStep::Receiving && event.corrects.is_none() && !erroneous {
					custodian = event.attester.clone();
				}
			}
			ensure!(custodian == batch.custodian, "the custodian differs from the history's");
			match batch.status {
				BatchStatus::InTransit { to_event } => {
					let shipped =
						Events::<T>::get(to_event).ok_or("in transit by a missing event")?;
					ensure!(
						shipped.biz_step == BizStep::Shipping && shipped.batch == id,
						"in transit by an event that is not this batch's shipment"
					);
					ensure!(shipped.to.is_some(), "a shipment without a recipient");
					ensure!(!consumed, "a consumed batch in transit");
				},
				BatchStatus::Consumed => ensure!(consumed, "consumed by no transformation"),
				BatchStatus::Held => ensure!(!consumed, "a consumed batch held"),
			}
		}
		for (erroneous, correction) in Corrections::<T>::iter() {
			let event = Events::<T>::get(correction).ok_or("a correction that is gone")?;
			ensure!(
				event.corrects.map(|(id, _)| id) == Some(erroneous),
				"a correction that declares another event"
			);
		}
		for (order, batches) in OrderBatches::<T>::iter() {
			for batch in batches {
				ensure!(
					Self::orders_of_batch(batch).contains(&order),
					"an order's batch never shipped against it"
				);
			}
		}
		Ok(())
	}
}
