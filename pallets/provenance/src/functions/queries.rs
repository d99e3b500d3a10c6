//! Reads for the runtime API: a batch by key or Digital Link, its history, an order's batches.

use crate::{gs1::BatchKey, pallet::*, BatchId, BatchOf, EventId, EventOf};
use alloc::vec::Vec;
use commerce_primitives::OrderId;
use frame_support::traits::Get;

/// One event of a batch's history as the runtime API returns it.
pub type HistoryEntry<T> = (EventId, EventOf<T>, Option<EventId>);

impl<T: Config> Pallet<T> {
	/// The batch with `key`.
	pub fn batch_by_key(key: &BatchKey) -> Option<(BatchId, BatchOf<T>)> {
		let id = BatchByKey::<T>::get(key)?;
		Batches::<T>::get(id).map(|batch| (id, batch))
	}

	/// The batch with the GS1 key given by its parts (ASCII), if they are valid.
	pub fn batch_by_parts(
		gtin: &[u8],
		lot: &[u8],
		serial: Option<&[u8]>,
	) -> Option<(BatchId, BatchOf<T>)> {
		Self::batch_by_key(&BatchKey::parse(gtin, lot, serial).ok()?)
	}

	/// A batch's canonical Digital Link path.
	pub fn digital_link(batch: BatchId) -> Option<Vec<u8>> {
		Batches::<T>::get(batch).map(|b| b.key.digital_link_path())
	}

	/// The batch a GS1 Digital Link (a whole URI or its path) names.
	pub fn batch_by_digital_link(link: &[u8]) -> Option<(BatchId, BatchOf<T>)> {
		Self::batch_by_key(&BatchKey::from_digital_link(link).ok()?)
	}

	/// Up to `limit` events of `batch`'s history from place `from`, oldest first, each with
	/// the event that declared it erroneous, if any. One read returns at most a page
	/// (`MaxEventsPerBatch` events); a long history is read page by page, `from` a multiple
	/// of the page size.
	pub fn history(batch: BatchId, from: u32, limit: u32) -> Vec<HistoryEntry<T>> {
		let end = Batches::<T>::get(batch).map_or(0, |b| b.events);
		let limit = limit.min(T::MaxEventsPerBatch::get());
		(from..end.min(from.saturating_add(limit)))
			.filter_map(|n| {
				let id = History::<T>::get(batch, n)?;
				Events::<T>::get(id).map(|event| (id, event, Corrections::<T>::get(id)))
			})
			.collect()
	}

	/// The batches shipped against `order`.
	pub fn batches_of_order(order: OrderId) -> Vec<BatchId> {
		OrderBatches::<T>::get(order).into_inner()
	}

	/// The orders `batch` was shipped against (shipments received or pending; a cancelled
	/// one is not), in order of their ids.
	pub fn orders_of_batch(batch: BatchId) -> Vec<OrderId> {
		let mut orders: Vec<OrderId> = OrdersOfBatch::<T>::iter_key_prefix(batch).collect();
		orders.sort_unstable();
		orders
	}
}
