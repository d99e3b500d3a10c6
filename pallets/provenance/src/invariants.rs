//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	BalanceOf, BatchByKey, BatchDeposits, BatchStatus, Batches, BizStep, Config, Corrections,
	EventId, EventKind, Events, History, HoldReason, NextBatchId, NextEventId, ObserverShares,
	OrderBatches, OrdersOfBatch, PageShare, Pallet,
};
use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use commerce_primitives::{accrue as add, DepositAmount, HoldersOf, OrderId};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Deposits equal holds: the funds on hold for event deposits are exactly the deposits
	///    of the stored events, attester by attester; likewise batch deposits.
	/// 2. Every batch is indexed by its key and the index holds nothing else; ids are below
	///    their counters.
	/// 3. Each batch's history has exactly `events` entries, without a gap, each an event that
	///    names the batch; a batch in transit has a place left for the shipment's completion.
	/// 4. Custody is what the history says: replaying it from the producer, each receiving
	///    event (not declared erroneous) hands the batch to its attester; the result is the
	///    custodian. A batch in transit points at a shipping event of its history whose
	///    recipient has not received it; a consumed batch is an input of a transformation.
	/// 5. Shares: replaying the history, the events by parties other than the custodian of the
	///    time (receipts aside) number `observations`; no party took more than half of any
	///    page; [`crate::ObserverShares`] holds, for each such party and no other, its latest
	///    page and what it took of it.
	/// 6. Corrections point at events that declare them erroneous. Order links: a batch's
	///    orders ([`crate::OrdersOfBatch`]) are those of its shipments received or pending, and
	///    [`crate::OrderBatches`] is their exact reverse.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let page_size = T::MaxEventsPerBatch::get();
		let half = page_size / 2;
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
		let (mut shares_seen, mut links_seen) = (0usize, 0usize);
		for (id, batch) in Batches::<T>::iter() {
			ensure!(id < NextBatchId::<T>::get(), "a batch id beyond the counter");
			ensure!(BatchByKey::<T>::get(&batch.key) == Some(id), "a batch missing from the index");
			ensure!(BatchDeposits::<T>::contains_key(id), "a batch without its deposit");
			ensure!(
				History::<T>::iter_prefix(id).count() as u32 == batch.events,
				"a history's entries differ from its count"
			);
			let mut custodian = batch.producer.clone();
			let mut consumed = false;
			let mut observations: u32 = 0;
			// Each observer's latest page and what it took of it.
			let mut shares: BTreeMap<T::AccountId, PageShare> = BTreeMap::new();
			// Shipments received, and shipments against an order.
			let mut received: BTreeSet<EventId> = BTreeSet::new();
			let mut shipped_for: Vec<(EventId, OrderId)> = Vec::new();
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
				if event.attester != custodian && event.receives.is_none() {
					observations = observations.saturating_add(1);
					let page = n / page_size;
					let share = shares.entry(event.attester.clone()).or_default();
					if share.page == page {
						share.taken = share.taken.saturating_add(1);
					} else {
						*share = PageShare { page, taken: 1 };
					}
					ensure!(share.taken <= half, "a party took more than half of a page");
				}
				let erroneous = Corrections::<T>::contains_key(event_id);
				if event.biz_step == BizStep::Receiving && event.corrects.is_none() && !erroneous {
					custodian = event.attester.clone();
					if let Some(shipping) = event.receives {
						received.insert(shipping);
					}
				}
				if event.biz_step == BizStep::Shipping && event.corrects.is_none() {
					if let Some(order) = event.order {
						shipped_for.push((event_id, order));
					}
				}
			}
			ensure!(custodian == batch.custodian, "the custodian differs from the history's");
			ensure!(observations == batch.observations, "observations differ from the history's");
			let stored: BTreeMap<T::AccountId, PageShare> =
				ObserverShares::<T>::iter_prefix(id).collect();
			ensure!(stored == shares, "observers' shares differ from the history's");
			shares_seen = shares_seen.saturating_add(stored.len());
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
					ensure!(
						batch.events < u32::MAX,
						"a pending shipment without a place for its completion"
					);
				},
				BatchStatus::Consumed => ensure!(consumed, "consumed by no transformation"),
				BatchStatus::Held => ensure!(!consumed, "a consumed batch held"),
			}
			let linked: BTreeSet<OrderId> = shipped_for
				.into_iter()
				.filter(|(shipping, _)| {
					received.contains(shipping)
						|| batch.status == BatchStatus::InTransit { to_event: *shipping }
				})
				.map(|(_, order)| order)
				.collect();
			let stored: BTreeSet<OrderId> = OrdersOfBatch::<T>::iter_key_prefix(id).collect();
			ensure!(stored == linked, "a batch's orders differ from its shipments");
			links_seen = links_seen.saturating_add(stored.len());
		}
		ensure!(
			ObserverShares::<T>::iter().count() == shares_seen,
			"a share in the history of a batch that is gone"
		);
		ensure!(
			OrdersOfBatch::<T>::iter().count() == links_seen,
			"an order link of a batch that is gone"
		);
		for (erroneous, correction) in Corrections::<T>::iter() {
			let event = Events::<T>::get(correction).ok_or("a correction that is gone")?;
			ensure!(
				event.corrects.map(|(id, _)| id) == Some(erroneous),
				"a correction that declares another event"
			);
		}
		let mut listed = 0usize;
		for (order, batches) in OrderBatches::<T>::iter() {
			for batch in batches {
				ensure!(
					OrdersOfBatch::<T>::contains_key(batch, order),
					"an order's batch never shipped against it"
				);
				listed = listed.saturating_add(1);
			}
		}
		ensure!(listed == links_seen, "a batch's order that does not list it");
		Ok(())
	}
}
