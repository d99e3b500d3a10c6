//! Deadlines keyed by `(block, id)`.
//!
//! A pallet keeps a double map `block -> id -> ()` and a cursor (the first block not yet
//! drained). [`schedule`] inserts an entry and [`cancel`] removes it, both O(1): when an order or
//! a dispute leaves the state a deadline belongs to, its entry goes with it, so the queue holds
//! only live deadlines. There is no per-block capacity: no user can fill a block's deadlines so
//! that another user's call fails, and however many deadlines fall in one block, each costs the
//! call that made it the same two small storage items.
//!
//! [`drain`], called from `on_idle`, hands the due entries to the pallet, oldest block first,
//! within a weight budget. It removes each entry before handing it over and remembers the block
//! it stopped in, so a backlog is worked off over the following blocks. Because `on_idle` may get
//! no weight in full blocks, pallets also offer an extrinsic with which anyone applies one
//! overdue transition.

use codec::{EncodeLike, FullCodec};
use frame_support::{
	storage::{IterableStorageDoubleMap, StorageValue},
	weights::Weight,
};
use sp_runtime::traits::{One, Saturating, Zero};

/// Put `id` in the queue at block `at`. An entry that is already there stays one entry.
pub fn schedule<Queue, BlockNumber, Id>(at: BlockNumber, id: Id)
where
	Queue: IterableStorageDoubleMap<BlockNumber, Id, ()>,
	BlockNumber: FullCodec + EncodeLike,
	Id: FullCodec + EncodeLike,
{
	Queue::insert(at, id, ());
}

/// Remove `id`'s entry at block `at`, if there is one.
pub fn cancel<Queue, BlockNumber, Id>(at: BlockNumber, id: Id)
where
	Queue: IterableStorageDoubleMap<BlockNumber, Id, ()>,
	BlockNumber: FullCodec + EncodeLike,
	Id: FullCodec + EncodeLike,
{
	Queue::remove(at, id);
}

/// Hand every id due at or before `now` to `handle`, oldest block first, while the weight used
/// stays within `limit`; each entry is removed before it is handed over. `per_block` is the cost
/// of visiting one block's entries, `per_item` of handling one id. Returns the weight used.
pub fn drain<Queue, Cursor, BlockNumber, Id>(
	now: BlockNumber,
	limit: Weight,
	per_block: Weight,
	per_item: Weight,
	mut handle: impl FnMut(Id, BlockNumber),
) -> Weight
where
	Queue: IterableStorageDoubleMap<BlockNumber, Id, ()>,
	Cursor: StorageValue<BlockNumber, Query = BlockNumber>,
	BlockNumber: FullCodec + EncodeLike + Copy + Saturating + One + Zero + PartialOrd,
	Id: FullCodec + EncodeLike + Clone,
{
	let mut used = Weight::zero();
	let stored = Cursor::get();
	// First use: nothing can be due before now (deadlines are always in the future).
	let mut cursor = if stored.is_zero() { now } else { stored };
	while cursor <= now {
		let with_block = used.saturating_add(per_block);
		if !limit.all_gte(with_block.saturating_add(per_item)) {
			break;
		}
		used = with_block;
		// How many entries of this block the rest of the budget pays for.
		let room = max_items(limit.saturating_sub(used), per_item);
		// Collect first, handle after: handlers write storage, which must not run under the
		// iterator. One more than `room` tells whether the block is finished.
		let due: alloc::vec::Vec<Id> =
			Queue::iter_key_prefix(cursor).take(room.saturating_add(1)).collect();
		let finished = due.len() <= room;
		for id in due.into_iter().take(room) {
			used.saturating_accrue(per_item);
			Queue::remove(cursor, id.clone());
			handle(id, cursor);
		}
		if !finished {
			// Out of weight inside this block: the rest waits for the next call.
			break;
		}
		cursor = cursor.saturating_add(One::one());
	}
	if cursor != stored {
		Cursor::put(cursor);
	}
	used
}

/// How many items of `per_item` fit in `budget` (both dimensions), capped to keep the batch
/// that [`drain`] collects small.
fn max_items(budget: Weight, per_item: Weight) -> usize {
	const CAP: u64 = 1_024;
	let by = |have: u64, each: u64| have.checked_div(each).map_or(CAP, |n| n.min(CAP));
	by(budget.ref_time(), per_item.ref_time()).min(by(budget.proof_size(), per_item.proof_size()))
		as usize
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage::types::ValueQuery, Twox64Concat};

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
	type Queue = frame_support::storage::types::StorageDoubleMap<
		QueuePrefix,
		Twox64Concat,
		u32,
		Twox64Concat,
		u64,
		(),
	>;
	type Cursor = frame_support::storage::types::StorageValue<CursorPrefix, u32, ValueQuery>;

	const BLOCK: Weight = Weight::from_parts(10, 1);
	const ITEM: Weight = Weight::from_parts(100, 1);

	fn run(now: u32, limit: Weight) -> (Vec<(u64, u32)>, Weight) {
		let mut seen = Vec::new();
		let used =
			drain::<Queue, Cursor, _, _>(now, limit, BLOCK, ITEM, |id, at| seen.push((id, at)));
		seen.sort();
		(seen, used)
	}

	fn entries(at: u32) -> Vec<u64> {
		let mut ids: Vec<u64> = Queue::iter_key_prefix(at).collect();
		ids.sort();
		ids
	}

	#[test]
	fn a_block_takes_any_number_of_deadlines_and_cancel_removes_one() {
		sp_io::TestExternalities::default().execute_with(|| {
			for id in 0..5_000u64 {
				schedule::<Queue, _, _>(5u32, id);
			}
			assert_eq!(entries(5).len(), 5_000);
			cancel::<Queue, _, _>(5u32, 42u64);
			assert!(!Queue::contains_key(5, 42));
			assert_eq!(entries(5).len(), 4_999);
			// Cancelling what is not there changes nothing.
			cancel::<Queue, _, _>(6u32, 42u64);
			assert_eq!(entries(5).len(), 4_999);
		});
	}

	#[test]
	fn drain_handles_due_items_only_removes_them_and_advances_the_cursor() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _>(2u32, 20u64);
			schedule::<Queue, _, _>(4u32, 40u64);
			let (seen, used) = run(3, Weight::MAX);
			assert_eq!(seen, vec![(20, 2)]);
			assert_eq!(used, BLOCK * 3 + ITEM);
			assert_eq!(Cursor::get(), 4);
			assert!(entries(2).is_empty());
			assert_eq!(entries(4), vec![40]);
		});
	}

	#[test]
	fn a_cancelled_entry_is_never_handed_over() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _>(2u32, 1u64);
			schedule::<Queue, _, _>(2u32, 2u64);
			cancel::<Queue, _, _>(2u32, 1u64);
			let (seen, used) = run(2, Weight::MAX);
			assert_eq!(seen, vec![(2, 2)]);
			assert_eq!(used, BLOCK * 2 + ITEM);
		});
	}

	#[test]
	fn drain_stops_at_the_weight_limit_and_resumes() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			for id in 1..=3u64 {
				schedule::<Queue, _, _>(1u32, id);
			}
			// Room for one block visit and two items.
			let (first, used) = run(1, BLOCK + ITEM * 2);
			assert_eq!(first.len(), 2);
			assert_eq!(used, BLOCK + ITEM * 2);
			assert_eq!(Cursor::get(), 1);
			assert_eq!(entries(1).len(), 1);
			let (rest, _) = run(1, Weight::MAX);
			assert_eq!(rest.len(), 1);
			assert!(!first.contains(&rest[0]));
			assert_eq!(Cursor::get(), 2);
			assert!(entries(1).is_empty());
		});
	}

	#[test]
	fn drain_counts_the_proof_size_too() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			for id in 1..=3u64 {
				schedule::<Queue, _, _>(1u32, id);
			}
			// Plenty of time, but proof for one block visit and one item.
			let (seen, used) = run(1, Weight::from_parts(u64::MAX, 2));
			assert_eq!(seen.len(), 1);
			assert_eq!(used, BLOCK + ITEM);
		});
	}

	#[test]
	fn drain_without_budget_does_nothing() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			schedule::<Queue, _, _>(1u32, 1u64);
			let (seen, used) = run(5, Weight::zero());
			assert!(seen.is_empty());
			assert_eq!(used, Weight::zero());
			assert_eq!(Cursor::get(), 1);
			assert_eq!(entries(1), vec![1]);
		});
	}
}
