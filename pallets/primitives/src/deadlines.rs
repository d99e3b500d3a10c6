//! A bounded queue of deadlines, keyed by block number.
//!
//! A pallet keeps a map `block -> BoundedVec<Id, MaxPerBlock>` and a cursor (the first block not
//! yet drained). [`schedule`] puts an id in the bucket of its deadline block, or of one of the
//! next [`MAX_SPILL`] blocks when that bucket is full. [`drain`], called from `on_idle`, handles
//! the due ids within a weight budget and remembers where it stopped, so a backlog is worked off
//! over the following blocks. Entries are never removed early: the handler must check that the
//! id still has this deadline (a stale entry is skipped), which keeps every transition O(1).
//! Because `on_idle` may get no weight in full blocks, pallets also offer an extrinsic with which
//! anyone moves one overdue item on.

use codec::{EncodeLike, FullCodec};
use frame_support::{
	storage::{StorageMap, StorageValue},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::traits::{Get, One, Saturating, Zero};

/// How many blocks after the deadline [`schedule`] tries when buckets are full.
pub const MAX_SPILL: u32 = 8;

/// Where [`schedule`] put an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot<BlockNumber> {
	/// The block whose bucket holds the id: the deadline, or up to [`MAX_SPILL`] blocks later.
	pub block: BlockNumber,
	/// How many full buckets were passed over (`0..=MAX_SPILL`). A call that schedules is
	/// benchmarked with this as a component and refunds the weight of the spills it did not do.
	pub spilled: u32,
}

/// Put `id` in the bucket of block `at`, or of the first of the next [`MAX_SPILL`] blocks with
/// room. Returns where it went, or `None` (and changes nothing) when all are full. A full bucket
/// is read, never written back.
pub fn schedule<Queue, BlockNumber, Id, MaxPerBlock>(
	at: BlockNumber,
	id: Id,
) -> Option<Slot<BlockNumber>>
where
	Queue:
		StorageMap<BlockNumber, BoundedVec<Id, MaxPerBlock>, Query = BoundedVec<Id, MaxPerBlock>>,
	BlockNumber: FullCodec + EncodeLike + Copy + Saturating + One,
	Id: FullCodec + Clone,
	MaxPerBlock: Get<u32>,
{
	let mut block = at;
	for spilled in 0..=MAX_SPILL {
		if Queue::try_mutate(block, |bucket| bucket.try_push(id.clone())).is_ok() {
			return Some(Slot { block, spilled });
		}
		block = block.saturating_add(One::one());
	}
	None
}

/// Hand every id due at or before `now` to `handle`, oldest block first, while the weight used
/// stays within `limit`. `per_bucket` is the cost of visiting one block's bucket, `per_item` of
/// handling one id. Returns the weight used.
pub fn drain<Queue, Cursor, BlockNumber, Id, MaxPerBlock>(
	now: BlockNumber,
	limit: Weight,
	per_bucket: Weight,
	per_item: Weight,
	mut handle: impl FnMut(Id, BlockNumber),
) -> Weight
where
	Queue:
		StorageMap<BlockNumber, BoundedVec<Id, MaxPerBlock>, Query = BoundedVec<Id, MaxPerBlock>>,
	Cursor: StorageValue<BlockNumber, Query = BlockNumber>,
	BlockNumber: FullCodec + EncodeLike + Copy + Saturating + One + Zero + PartialOrd,
	Id: FullCodec + Clone,
	MaxPerBlock: Get<u32>,
{
	let mut used = Weight::zero();
	let stored = Cursor::get();
	// First use: nothing can be due before now.
	let mut cursor = if stored.is_zero() { now } else { stored };
	while cursor <= now {
		if !limit.all_gte(used.saturating_add(per_bucket).saturating_add(per_item)) {
			break;
		}
		used.saturating_accrue(per_bucket);
		let mut bucket = Queue::take(cursor);
		while let Some(id) = bucket.pop() {
			if !limit.all_gte(used.saturating_add(per_item)) {
				bucket.force_push(id);
				break;
			}
			used.saturating_accrue(per_item);
			handle(id, cursor);
		}
		if !bucket.is_empty() {
			// Out of weight inside this block's bucket: keep the rest for the next call.
			Queue::insert(cursor, bucket);
			break;
		}
		cursor = cursor.saturating_add(One::one());
	}
	if cursor != stored {
		Cursor::put(cursor);
	}
	used
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage::types::ValueQuery, traits::ConstU32, Blake2_128Concat};

	struct QueuePrefix;
	impl frame_support::traits::StorageInstance for QueuePrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Queue";
	}
	struct CursorPrefix;
	impl frame_support::traits::StorageInstance for CursorPrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Cursor";
	}
	type Max = ConstU32<2>;
	type Queue = frame_support::storage::types::StorageMap<
		QueuePrefix,
		Blake2_128Concat,
		u32,
		BoundedVec<u64, Max>,
		ValueQuery,
	>;
	type Cursor = frame_support::storage::types::StorageValue<CursorPrefix, u32, ValueQuery>;

	const BUCKET: Weight = Weight::from_parts(10, 1);
	const ITEM: Weight = Weight::from_parts(100, 1);

	fn run(now: u32, limit: Weight) -> (Vec<(u64, u32)>, Weight) {
		let mut seen = Vec::new();
		let used =
			drain::<Queue, Cursor, _, _, _>(now, limit, BUCKET, ITEM, |id, at| seen.push((id, at)));
		(seen, used)
	}

	#[test]
	fn schedule_spills_into_later_blocks_and_gives_up_when_all_are_full() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(schedule::<Queue, _, _, _>(5u32, 1u64), Some(Slot { block: 5, spilled: 0 }));
			assert_eq!(schedule::<Queue, _, _, _>(5u32, 2u64), Some(Slot { block: 5, spilled: 0 }));
			assert_eq!(schedule::<Queue, _, _, _>(5u32, 3u64), Some(Slot { block: 6, spilled: 1 }));
			for i in 0..(2 * (MAX_SPILL as u64 + 1)) {
				let _ = schedule::<Queue, _, _, _>(5u32, 100 + i);
			}
			let before: Vec<_> = (5..5 + MAX_SPILL + 1).map(Queue::get).collect();
			assert_eq!(schedule::<Queue, _, _, _>(5u32, 999u64), None);
			let after: Vec<_> = (5..5 + MAX_SPILL + 1).map(Queue::get).collect();
			assert_eq!(before, after);
		});
	}

	#[test]
	fn drain_handles_due_items_only_and_advances_the_cursor() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _, _>(2u32, 20u64).unwrap();
			schedule::<Queue, _, _, _>(4u32, 40u64).unwrap();
			let (seen, used) = run(3, Weight::MAX);
			assert_eq!(seen, vec![(20, 2)]);
			assert_eq!(used, BUCKET * 3 + ITEM);
			assert_eq!(Cursor::get(), 4);
			assert_eq!(Queue::get(4).into_inner(), vec![40]);
		});
	}

	#[test]
	fn drain_stops_at_the_weight_limit_and_resumes() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _, _>(1u32, 1u64).unwrap();
			schedule::<Queue, _, _, _>(1u32, 2u64).unwrap();
			// Room for one bucket visit and one item.
			let (seen, used) = run(1, BUCKET + ITEM);
			assert_eq!(seen.len(), 1);
			assert_eq!(used, BUCKET + ITEM);
			assert_eq!(Cursor::get(), 1);
			assert_eq!(Queue::get(1).len(), 1);
			let (rest, _) = run(1, Weight::MAX);
			assert_eq!(rest.len(), 1);
			assert_ne!(seen[0].0, rest[0].0);
			assert_eq!(Cursor::get(), 2);
			assert!(Queue::get(1).is_empty());
		});
	}

	#[test]
	fn drain_without_budget_does_nothing() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _, _>(1u32, 1u64).unwrap();
			let (seen, used) = run(5, Weight::zero());
			assert!(seen.is_empty());
			assert_eq!(used, Weight::zero());
			assert_eq!(Cursor::get(), 1);
		});
	}
}
