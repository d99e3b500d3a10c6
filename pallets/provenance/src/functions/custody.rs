//! Custody: shipping and receiving in two steps, packing into shipments, transformations, and
//! corrections.

use super::NewEvent;
use crate::{
	gs1::{BatchKey, Sscc},
	pallet::*,
	BatchId, BatchListOf, BatchStatus, BizStep, DetailsOf, ErrorReason, EventId, EventKind, Roles,
};
use commerce_primitives::{OrderId, OrderParties};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_ship(
		who: T::AccountId,
		id: BatchId,
		to: T::AccountId,
		order: Option<OrderId>,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let batch = Self::held_by(&who, id)?;
		let attester = Self::attester(&who, Roles::CUSTODY)?;
		Self::ensure_in_scope(&attester, &batch.key)?;
		ensure!(to != who, Error::<T>::ShipToSelf);
		if let Some(order) = order {
			let (vendor, buyer) =
				T::Orders::open_order_parties(order).ok_or(Error::<T>::OrderNotOpen)?;
			ensure!(vendor == who && buyer == to, Error::<T>::NotOrderParties);
			OrderBatches::<T>::try_mutate(order, |batches| -> DispatchResult {
				ensure!(!batches.contains(&id), Error::<T>::DuplicateBatch);
				batches.try_push(id).map_err(|_| Error::<T>::TooManyBatchesForOrder)?;
				Ok(())
			})?;
		}
		let mut event = NewEvent::new(EventKind::Observe, BizStep::Shipping, details);
		event.to = Some(to);
		event.order = order;
		// Links the batch to the order too; accepted only with a place left in the history
		// for the shipment's receipt or cancellation.
		let event_id = Self::record_event(&who, alloc::vec![(id, batch)], event)?;
		Batches::<T>::mutate_extant(id, |batch| {
			batch.status = BatchStatus::InTransit { to_event: event_id }
		});
		if let Some(order) = order {
			Self::deposit_event(Event::ShippedForOrder { order, batch: id });
		}
		Ok(())
	}

	pub(crate) fn do_receive(
		who: T::AccountId,
		id: BatchId,
		shipping: EventId,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let batch = Batches::<T>::get(id).ok_or(Error::<T>::BatchNotFound)?;
		ensure!(
			batch.status == BatchStatus::InTransit { to_event: shipping },
			Error::<T>::NotPendingShipment
		);
		let shipped = Events::<T>::get(shipping).ok_or(Error::<T>::EventNotFound)?;
		ensure!(shipped.to.as_ref() == Some(&who), Error::<T>::NotRecipient);
		// The buyer of an order receives without being an attester; any other party is
		// accountable for the goods it holds.
		if shipped.order.is_none() {
			let attester = Self::attester(&who, Roles::CUSTODY)?;
			Self::ensure_in_scope(&attester, &batch.key)?;
		}
		let from = batch.custodian.clone();
		let mut event = NewEvent::new(EventKind::Observe, BizStep::Receiving, details);
		event.receives = Some(shipping);
		event.order = shipped.order;
		// The recipient records as the custodian it becomes, in the place kept for it.
		Self::record_event(&who, alloc::vec![(id, batch)], event)?;
		Batches::<T>::mutate_extant(id, |batch| {
			batch.custodian = who.clone();
			batch.status = BatchStatus::Held;
		});
		Self::deposit_event(Event::CustodyTransferred { batch: id, from, to: who });
		Ok(())
	}

	/// Every batch of `list`, each held by `who`, none twice.
	fn all_held_by(
		who: &T::AccountId,
		list: &BatchListOf<T>,
	) -> Result<alloc::vec::Vec<(BatchId, crate::BatchOf<T>)>, DispatchError> {
		ensure!(!list.is_empty(), Error::<T>::NoBatches);
		let mut batches = alloc::vec::Vec::with_capacity(list.len());
		for (i, id) in list.iter().enumerate() {
			ensure!(!list[..i].contains(id), Error::<T>::DuplicateBatch);
			batches.push((*id, Self::held_by(who, *id)?));
		}
		Ok(batches)
	}

	pub(crate) fn do_aggregate(
		who: T::AccountId,
		parent: Sscc,
		children: BatchListOf<T>,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let batches = Self::all_held_by(&who, &children)?;
		let attester = Self::attester(&who, Roles::CUSTODY)?;
		for (_, batch) in batches.iter() {
			Self::ensure_in_scope(&attester, &batch.key)?;
		}
		let kind = EventKind::Aggregate { parent, children };
		Self::record_event(&who, batches, NewEvent::new(kind, BizStep::Packing, details))?;
		Ok(())
	}

	pub(crate) fn do_transform(
		who: T::AccountId,
		inputs: BatchListOf<T>,
		key: BatchKey,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let attester = Self::attester(&who, Roles::PRODUCER)?;
		Self::ensure_in_scope(&attester, &key)?;
		let mut batches = Self::all_held_by(&who, &inputs)?;
		// The output must fit in the event's batch list next to the inputs.
		ensure!((inputs.len() as u32) < T::MaxInputs::get(), Error::<T>::TooManyInputs);
		let (output, batch) = Self::create_batch(&who, key)?;
		batches.push((output, batch));
		let kind = EventKind::Transform { inputs: inputs.clone(), output };
		// The caller holds the inputs and the new output: not an observation on any.
		Self::record_event(&who, batches, NewEvent::new(kind, BizStep::Commissioning, details))?;
		for input in inputs.iter() {
			Batches::<T>::mutate_extant(input, |batch| batch.status = BatchStatus::Consumed);
		}
		Ok(())
	}

	pub(crate) fn do_correct(
		who: T::AccountId,
		erroneous: EventId,
		reason: ErrorReason,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let original = Events::<T>::get(erroneous).ok_or(Error::<T>::EventNotFound)?;
		ensure!(original.attester == who, Error::<T>::NotEventAttester);
		ensure!(original.corrects.is_none(), Error::<T>::CorrectionOfCorrection);
		ensure!(!Corrections::<T>::contains_key(erroneous), Error::<T>::AlreadyCorrected);
		ensure!(original.biz_step != BizStep::Receiving, Error::<T>::ReceiptIsFinal);
		// The attester must still be registered: a revoked party cannot rewrite its record.
		Self::attester(&who, Roles::ALL)?;
		let ids: alloc::vec::Vec<BatchId> = match &original.kind {
			EventKind::Commission | EventKind::Observe => alloc::vec![original.batch],
			EventKind::Aggregate { children, .. } => children.to_vec(),
			EventKind::Transform { inputs, output } => {
				inputs.iter().copied().chain(core::iter::once(*output)).collect()
			},
		};
		let mut batches = alloc::vec::Vec::with_capacity(ids.len());
		for id in ids {
			batches.push((id, Batches::<T>::get(id).ok_or(Error::<T>::BatchNotFound)?));
		}
		let mut event = NewEvent::new(original.kind.clone(), original.biz_step, details);
		event.corrects = Some((erroneous, reason));
		event.order = original.order;
		// A correction counts against the attester that makes it: on a batch it no longer
		// holds (an inspector's, a former holder's) it is an observation and takes from its
		// share of the page. Cancelling a pending shipment uses the place kept for it.
		let correction = Self::record_event(&who, batches, event)?;
		Corrections::<T>::insert(erroneous, correction);
		// A pending shipment declared erroneous is cancelled: the sender holds the batch again.
		let shipped = Batches::<T>::get(original.batch)
			.is_some_and(|b| b.status == BatchStatus::InTransit { to_event: erroneous });
		if shipped {
			Batches::<T>::mutate_extant(original.batch, |batch| batch.status = BatchStatus::Held);
			if let Some(order) = original.order {
				OrderBatches::<T>::mutate(order, |batches| {
					batches.retain(|b| *b != original.batch)
				});
				OrdersOfBatch::<T>::remove(original.batch, order);
			}
		}
		Self::deposit_event(Event::Corrected { event: erroneous, correction, reason });
		Ok(())
	}
}
