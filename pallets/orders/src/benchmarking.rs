//! Benchmarks of the orders pallet, each call in its worst case.

use super::*;
use crate::Pallet as Orders;
use alloc::{vec, vec::Vec};
use commerce_primitives::{BenchmarkCurrency, ListingId, OrderId};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, One, Saturating};

const SEED: u32 = 0;
/// The most overdue orders one `on_idle` benchmark times out: enough for a linear fit.
const ON_IDLE_MAX: u32 = 64;

/// The currency listings and orders are in: the dearest the runtime accepts.
fn currency<T: Config>() -> T::CurrencyId {
	T::BenchmarkCurrency::dearest()
}

/// An account holding plenty of the native token (deposits) and of the benchmarks' currency.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let amount = BalanceOf::<T>::max_value() / 1_000_000u32.into();
	T::Currency::set_balance(&who, amount);
	T::BenchmarkCurrency::fund(&who, &currency::<T>(), amount);
	who
}

/// A funded account the vendor registry lets sell.
fn vendor<T: Config>(index: u32) -> T::AccountId {
	use commerce_primitives::VendorRegistry;
	let who = funded::<T>("vendor", index);
	T::VendorRegistry::make_active_vendor(&who);
	who
}

fn unit_price<T: Config>() -> BalanceOf<T> {
	use frame_support::traits::fungible::Inspect;
	T::Currency::minimum_balance().saturating_mul(100u32.into())
}

fn window<T: Config>() -> BlockNumberFor<T> {
	T::MinShipWindow::get().max(10u32.into()).min(T::MaxWindow::get())
}

/// The confirm window an order placed now gets.
fn confirm_window<T: Config>() -> BlockNumberFor<T> {
	window::<T>().max(MinConfirmWindow::<T>::get())
}

fn listing<T: Config>(vendor: &T::AccountId, stock: u32) -> ListingId {
	let id = NextListingId::<T>::get();
	Orders::<T>::do_create_listing(
		vendor.clone(),
		currency::<T>(),
		unit_price::<T>(),
		stock,
		vec![7u8; T::MaxMetadataLen::get() as usize],
		window::<T>(),
		window::<T>(),
	)
	.expect("listing is valid");
	id
}

fn placed<T: Config>(
	vendor: &T::AccountId,
	buyer: &T::AccountId,
	quantity: u32,
) -> (ListingId, OrderId) {
	let listing = listing::<T>(vendor, 1_000);
	let id = Orders::<T>::do_place_order(
		buyer.clone(),
		listing,
		quantity,
		unit_price::<T>(),
		currency::<T>(),
		None,
	)
	.expect("order is valid")
	.0;
	(listing, id)
}

/// `n` paid orders, each between a vendor and a buyer of its own, placed now.
fn many_placed<T: Config>(n: u32) -> Vec<(T::AccountId, OrderId)> {
	(0..n)
		.map(|i| {
			let vendor = vendor::<T>(1_000 + i);
			let buyer = funded::<T>("buyer", 1_000 + i);
			let (_, id) = placed::<T>(&vendor, &buyer, 10);
			(vendor, id)
		})
		.collect()
}

/// An order placed at the current block and shipped in the next.
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

/// What the `place_*` benchmarks start from: `ON_IDLE_MAX` other orders due in the block the
/// new order's ship-by falls in, a funded buyer, a listing, the id the order will get.
struct PlaceSetup<T: Config> {
	others: Vec<(T::AccountId, OrderId)>,
	buyer: T::AccountId,
	listing: ListingId,
	order: OrderId,
	due: BlockNumberFor<T>,
}

fn place_setup<T: Config>() -> PlaceSetup<T> {
	start_at_block_one::<T>();
	let others = many_placed::<T>(ON_IDLE_MAX);
	let vendor = vendor::<T>(0);
	let buyer = funded::<T>("buyer", 0);
	let listing = listing::<T>(&vendor, 1_000);
	let order = NextOrderId::<T>::get();
	let due = now::<T>().saturating_add(window::<T>());
	PlaceSetup { others, buyer, listing, order, due }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_listing() {
		let vendor = vendor::<T>(0);
		let metadata = vec![7u8; T::MaxMetadataLen::get() as usize];

		#[extrinsic_call]
		_(
			RawOrigin::Signed(vendor.clone()),
			currency::<T>(),
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
		let vendor = vendor::<T>(0);
		let id = listing::<T>(&vendor, 10);
		let price = unit_price::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, Some(price), Some(20));

		assert_eq!(Listings::<T>::get(id).map(|l| (l.unit_price, l.stock)), Some((price, 20)));
	}

	#[benchmark]
	fn delist() {
		let vendor = vendor::<T>(0);
		let id = listing::<T>(&vendor, 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);

		assert!(Listings::<T>::get(id).is_none());
	}

	/// Other orders, of other vendors and buyers, already time out in the same block.
	#[benchmark]
	fn place_order() {
		let PlaceSetup { others, buyer, listing: id, order, due } = place_setup::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 10, unit_price::<T>(), currency::<T>());

		let placed = Orders::<T>::order_of(order).expect("order placed");
		assert_eq!(placed.buyer, buyer);
		assert_eq!(placed.deadline, due);
		assert!(others.iter().all(|(_, other)| Deadlines::<T>::contains_key(due, other)));
	}

	/// As `place_order`, with the longest sealed delivery address.
	#[benchmark]
	fn place_sealed_order() {
		let PlaceSetup { others, buyer, listing: id, order, due } = place_setup::<T>();
		let sealed: SealedDeliveryOf<T> =
			vec![9u8; T::MaxSealedDelivery::get() as usize].try_into().expect("at the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 10, unit_price::<T>(), currency::<T>(), sealed);

		let placed = Orders::<T>::order_of(order).expect("order placed");
		assert_eq!(placed.buyer, buyer);
		assert!(SealedDeliveries::<T>::contains_key(order));
		assert!(others.iter().all(|(_, other)| Deadlines::<T>::contains_key(due, other)));
	}

	#[benchmark]
	fn cancel_order() {
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let (_, id) = placed::<T>(&vendor, &buyer, 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	#[benchmark]
	fn ship_order() {
		start_at_block_one::<T>();
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let (_, id) = placed::<T>(&vendor, &buyer, 10);
		let due = now::<T>().saturating_add(confirm_window::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, [1; 32]);

		let order = Orders::<T>::order_of(id).expect("order open");
		assert!(matches!(order.state, OrderState::Shipped { .. }));
		assert_eq!(order.deadline, due);
		assert!(Deadlines::<T>::contains_key(due, id));
	}

	#[benchmark]
	fn confirm_delivery() {
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let id = shipped::<T>(&vendor, &buyer);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	#[benchmark]
	fn attest_delivery() -> Result<(), BenchmarkError> {
		start_at_block_one::<T>();
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let id = shipped::<T>(&vendor, &buyer);
		next_block::<T>();
		let due = now::<T>().saturating_add(confirm_window::<T>());
		let oracle = T::DeliveryOracleOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(oracle as T::RuntimeOrigin, id);

		let order = Orders::<T>::order_of(id).expect("order open");
		assert!(matches!(order.state, OrderState::Delivered { .. }));
		assert_eq!(order.deadline, due);
		Ok(())
	}

	/// The costliest refund: all of a paid order, which ends it and restocks its units (a
	/// partial refund of a shipped order only releases part of the hold).
	#[benchmark]
	fn refund_order() {
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let (listing, id) = placed::<T>(&vendor, &buyer, 10);
		let total = Orders::<T>::order_of(id).expect("order exists").total;

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, total);

		assert!(Orders::<T>::order_of(id).is_none());
		assert_eq!(Listings::<T>::get(listing).map(|l| l.reserved), Some(0));
	}

	/// A paid order not shipped by its deadline: refunded and restocked.
	#[benchmark]
	fn process_overdue_unshipped() {
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let caller = funded::<T>("caller", 0);
		let (listing, id) = placed::<T>(&vendor, &buyer, 10);
		let deadline = Orders::<T>::order_of(id).expect("order exists").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[extrinsic_call]
		process_overdue(RawOrigin::Signed(caller), id);

		assert!(Orders::<T>::order_of(id).is_none());
		assert_eq!(Listings::<T>::get(listing).map(|l| l.stock), Some(1_000));
	}

	/// A shipped order not confirmed or disputed by its deadline: paid to the vendor.
	#[benchmark]
	fn process_overdue_unconfirmed() {
		let vendor = vendor::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let caller = funded::<T>("caller", 0);
		let id = shipped::<T>(&vendor, &buyer);
		let deadline = Orders::<T>::order_of(id).expect("order exists").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[extrinsic_call]
		process_overdue(RawOrigin::Signed(caller), id);

		assert!(Orders::<T>::order_of(id).is_none());
	}

	/// `on_idle` visiting one due block with `n` paid orders not shipped in time, each of
	/// another vendor and buyer: all refunded and restocked.
	#[benchmark]
	fn on_idle_unshipped(n: Linear<0, ON_IDLE_MAX>) {
		start_at_block_one::<T>();
		let orders = many_placed::<T>(n);
		let due = now::<T>().saturating_add(window::<T>());
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);
		assert_eq!(Deadlines::<T>::iter_key_prefix(due).count() as u32, n);

		#[block]
		{
			Orders::<T>::on_idle(due, Weight::MAX);
		}

		assert!(orders.iter().all(|(_, id)| Orders::<T>::order_of(*id).is_none()));
		assert_eq!(DeadlineCursor::<T>::get(), due.saturating_add(One::one()));
	}

	/// `on_idle` visiting one due block with `n` shipped orders not confirmed in time, each of
	/// another vendor and buyer: all paid out.
	#[benchmark]
	fn on_idle_unconfirmed(n: Linear<0, ON_IDLE_MAX>) {
		start_at_block_one::<T>();
		let orders = many_placed::<T>(n);
		next_block::<T>();
		for (vendor, id) in orders.iter() {
			Orders::<T>::do_ship_order(vendor.clone(), *id, [1; 32]).expect("order ships");
		}
		let due = now::<T>().saturating_add(confirm_window::<T>());
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);
		assert_eq!(Deadlines::<T>::iter_key_prefix(due).count() as u32, n);

		#[block]
		{
			Orders::<T>::on_idle(due, Weight::MAX);
		}

		assert!(orders.iter().all(|(_, id)| Orders::<T>::order_of(*id).is_none()));
		assert_eq!(DeadlineCursor::<T>::get(), due.saturating_add(One::one()));
	}

	#[benchmark]
	fn set_min_confirm_window() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let window = T::MaxWindow::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, window);

		assert_eq!(MinConfirmWindow::<T>::get(), window);
		Ok(())
	}

	impl_benchmark_test_suite!(Orders, crate::mock::new_test_ext(), crate::mock::Test);
}
