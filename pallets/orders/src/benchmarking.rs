//! Benchmarks of the orders pallet, each call in its worst case.

use super::*;
use crate::Pallet as Orders;
use alloc::{vec, vec::Vec};
use commerce_primitives::{deadlines::MAX_SPILL, ListingId, OrderId};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, One, Saturating};

const SEED: u32 = 0;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let amount = BalanceOf::<T>::max_value() / 1_000u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

fn unit_price<T: Config>() -> BalanceOf<T> {
	use frame_support::traits::fungible::Inspect;
	T::Currency::minimum_balance().saturating_mul(100u32.into())
}

fn window<T: Config>() -> BlockNumberFor<T> {
	T::MinWindow::get().max(10u32.into()).min(T::MaxWindow::get())
}

fn listing<T: Config>(vendor: &T::AccountId, stock: u32) -> ListingId {
	let id = NextListingId::<T>::get();
	Orders::<T>::do_create_listing(
		vendor.clone(),
		unit_price::<T>(),
		stock,
		vec![7u8; T::MaxMetadataLen::get() as usize],
		window::<T>(),
		window::<T>(),
	)
	.expect("listing is valid");
	id
}

/// Fill `spills` deadline buckets from `at`, so that scheduling at `at` passes over them and
/// lands `spills` blocks later.
fn fill_deadline_queue<T: Config>(at: BlockNumberFor<T>, spills: u32) {
	let mut block = at;
	let full: BoundedVec<OrderId, T::MaxDeadlinesPerBlock> = BoundedVec::truncate_from(
		(0..T::MaxDeadlinesPerBlock::get()).map(|i| u64::MAX - i as u64).collect::<Vec<_>>(),
	);
	for _ in 0..spills {
		Deadlines::<T>::insert(block, full.clone());
		block = block.saturating_add(One::one());
	}
}

fn placed<T: Config>(
	vendor: &T::AccountId,
	buyer: &T::AccountId,
	quantity: u32,
) -> (ListingId, OrderId) {
	let listing = listing::<T>(vendor, 1_000);
	let (id, _) = Orders::<T>::do_place_order(buyer.clone(), listing, quantity, unit_price::<T>())
		.expect("order is valid");
	(listing, id)
}

/// An order placed at the current block and shipped in the next, so that its confirm-by
/// deadline does not share a bucket with its (stale) ship-by entry.
fn shipped<T: Config>(vendor: &T::AccountId, buyer: &T::AccountId) -> OrderId {
	let (_, id) = placed::<T>(vendor, buyer, 10);
	next_block::<T>();
	Orders::<T>::do_ship_order(vendor.clone(), id, [1; 32]).expect("order ships");
	id
}

fn next_block<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(now::<T>().saturating_add(One::one()));
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// The benchmark CLI moves block 0 to block 1 between the setup and the call: start at block 1,
/// so that deadlines computed in the setup are the ones the call computes.
fn start_at_block_one<T: Config>() {
	if now::<T>() < One::one() {
		frame_system::Pallet::<T>::set_block_number(One::one());
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_listing() {
		let vendor = funded::<T>("vendor", 0);
		let metadata = vec![7u8; T::MaxMetadataLen::get() as usize];

		#[extrinsic_call]
		_(
			RawOrigin::Signed(vendor.clone()),
			unit_price::<T>(),
			1_000,
			metadata,
			window::<T>(),
			window::<T>(),
		);

		assert_eq!(Listings::<T>::get(0).map(|l| l.vendor), Some(vendor));
	}

	#[benchmark]
	fn update_listing() {
		let vendor = funded::<T>("vendor", 0);
		let id = listing::<T>(&vendor, 10);
		let price = unit_price::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, Some(price), Some(20));

		assert_eq!(Listings::<T>::get(id).map(|l| (l.unit_price, l.stock)), Some((price, 20)));
	}

	#[benchmark]
	fn delist() {
		let vendor = funded::<T>("vendor", 0);
		let id = listing::<T>(&vendor, 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);

		assert!(Listings::<T>::get(id).is_none());
	}

	/// `s`: full deadline buckets passed over before the ship-by deadline finds room.
	#[benchmark]
	fn place_order(s: Linear<0, MAX_SPILL>) {
		start_at_block_one::<T>();
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = listing::<T>(&vendor, 1_000);
		let due = now::<T>().saturating_add(window::<T>());
		fill_deadline_queue::<T>(due, s);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 10, unit_price::<T>());

		let order = Orders::<T>::order_of(0).expect("order placed");
		assert_eq!(order.buyer, buyer);
		assert_eq!(order.deadline, due.saturating_add(s.into()));
	}

	#[benchmark]
	fn cancel_order() {
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let (_, id) = placed::<T>(&vendor, &buyer, 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	/// `s`: full deadline buckets passed over before the confirm-by deadline finds room.
	#[benchmark]
	fn ship_order(s: Linear<0, MAX_SPILL>) {
		start_at_block_one::<T>();
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let (_, id) = placed::<T>(&vendor, &buyer, 10);
		let due = now::<T>().saturating_add(window::<T>());
		fill_deadline_queue::<T>(due, s);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, [1; 32]);

		let order = Orders::<T>::order_of(id).expect("order open");
		assert!(matches!(order.state, OrderState::Shipped { .. }));
		assert_eq!(order.deadline, due.saturating_add(s.into()));
	}

	#[benchmark]
	fn confirm_delivery() {
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = shipped::<T>(&vendor, &buyer);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	/// `s`: full deadline buckets passed over before the new confirm-by deadline finds room.
	#[benchmark]
	fn attest_delivery(s: Linear<0, MAX_SPILL>) -> Result<(), BenchmarkError> {
		start_at_block_one::<T>();
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = shipped::<T>(&vendor, &buyer);
		let due = now::<T>().saturating_add(window::<T>());
		fill_deadline_queue::<T>(due, s);
		let oracle = T::DeliveryOracleOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(oracle as T::RuntimeOrigin, id);

		let order = Orders::<T>::order_of(id).expect("order open");
		assert!(matches!(order.state, OrderState::Delivered { .. }));
		assert_eq!(order.deadline, due.saturating_add(s.into()));
		Ok(())
	}

	#[benchmark]
	fn refund_order() {
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = shipped::<T>(&vendor, &buyer);
		// A partial refund pays both parties.
		let amount = unit_price::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, amount);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	#[benchmark]
	fn process_overdue() {
		let vendor = funded::<T>("vendor", 0);
		let buyer = funded::<T>("buyer", 0);
		let caller = funded::<T>("caller", 0);
		let id = shipped::<T>(&vendor, &buyer);
		let deadline = Orders::<T>::order_of(id).expect("order exists").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	/// `on_idle` visiting one due block whose bucket holds `n` shipped orders that complete.
	#[benchmark]
	fn on_idle_deadlines(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		let vendor = funded::<T>("vendor", 0);
		let mut ids = Vec::new();
		for i in 0..n {
			let buyer = funded::<T>("buyer", i);
			ids.push(placed::<T>(&vendor, &buyer, 10).1);
		}
		next_block::<T>();
		for id in ids.iter() {
			Orders::<T>::do_ship_order(vendor.clone(), *id, [1; 32]).expect("order ships");
		}
		let due = now::<T>().saturating_add(window::<T>());
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);
		assert_eq!(Deadlines::<T>::get(due).len() as u32, n);

		#[block]
		{
			Orders::<T>::on_idle(due, Weight::MAX);
		}

		assert!(ids.iter().all(|id| Orders::<T>::order_of(*id).is_none()));
		assert_eq!(DeadlineCursor::<T>::get(), due.saturating_add(One::one()));
	}

	impl_benchmark_test_suite!(Orders, crate::mock::new_test_ext(), crate::mock::Test);
}
