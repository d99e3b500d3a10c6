//! Benchmarks of the replenishment pallet, each call in its worst case, in the dearest currency
//! the runtime accepts.

use super::*;
use crate::Pallet as Replenishment;
use commerce_primitives::{
	AcceptedCurrencies, BatchCustody, BenchmarkCurrency, ListingId, Replenisher,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungibles::Inspect, EnsureOrigin, Get, Hooks};
use frame_support::weights::Weight;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{One, Saturating};

const SEED: u32 = 0;
/// Units of every benchmark purchase order.
const QUANTITY: u32 = 10;
/// The most overdue purchase orders one `on_idle` benchmark handles: enough for a linear fit.
const ON_IDLE_MAX: u32 = 32;

fn currency<T: Config>() -> CurrencyOf<T> {
	T::BenchmarkHelper::dearest()
}

/// A unit price that makes a purchase order of [`QUANTITY`] worth at least the minimum, and a
/// unit at least the currency's minimum balance (so that every payment creates no dust).
fn unit_price<T: Config>() -> BalanceOf<T> {
	let currency = currency::<T>();
	let floor = T::Currencies::from_native(&currency, T::MinOrderValue::get())
		.expect("the dearest currency is accepted");
	floor.max(T::Currency::minimum_balance(currency)).saturating_add(One::one())
}

/// A vendor with a listing, funded in the currency and the native token, and a supplier
/// funded in the native token only (its first payment in the currency creates its account).
fn parties<T: Config>(index: u32) -> (T::AccountId, T::AccountId, ListingId) {
	let vendor: T::AccountId = account("vendor", index, SEED);
	let supplier: T::AccountId = account("supplier", index, SEED);
	let plenty = |currency: CurrencyOf<T>| {
		T::Currency::minimum_balance(currency.clone())
			.max(unit_price::<T>())
			.saturating_mul(1_000_000u32.into())
	};
	let native = T::NativeCurrency::get();
	T::BenchmarkHelper::fund(&vendor, &native, plenty(native.clone()));
	T::BenchmarkHelper::fund(&supplier, &native, plenty(native.clone()));
	T::BenchmarkHelper::fund(&vendor, &currency::<T>(), plenty(currency::<T>()));
	let listing = T::BenchmarkHelper::listing(&vendor, 10);
	(vendor, supplier, listing)
}

/// A reorder rule of `listing`, quoted: it raises at the next sale.
fn quoted_rule<T: Config>(vendor: &T::AccountId, supplier: &T::AccountId, listing: ListingId) {
	Replenishment::<T>::do_set_reorder_rule(
		vendor.clone(),
		listing,
		supplier.clone(),
		currency::<T>(),
		u32::MAX,
		QUANTITY,
		unit_price::<T>(),
		T::ReceiveWindow::get().min(T::MaxShipWindow::get()),
	)
	.expect("a valid rule");
	Replenishment::<T>::do_quote(supplier.clone(), listing, Some(unit_price::<T>()))
		.expect("a valid quote");
}

/// A purchase order raised by a rule (so that closing it also frees the rule).
fn raised<T: Config>(index: u32) -> (PurchaseOrderId, T::AccountId, T::AccountId, ListingId) {
	let (vendor, supplier, listing) = parties::<T>(index);
	quoted_rule::<T>(&vendor, &supplier, listing);
	let rule = ReorderRules::<T>::get(listing).expect("just set");
	let id = Replenishment::<T>::raise(listing, rule).expect("the vendor can pay");
	(id, vendor, supplier, listing)
}

fn accepted<T: Config>(index: u32) -> (PurchaseOrderId, T::AccountId, T::AccountId) {
	let (id, vendor, supplier, _) = raised::<T>(index);
	Replenishment::<T>::do_accept(supplier.clone(), id).expect("in time");
	(id, vendor, supplier)
}

/// An accepted purchase order with half its units shipped, whose ship-by and receive-by are
/// both at block `1 + ReceiveWindow`: its timeout pays for the shipped half, returns the rest
/// and closes it, the costliest timeout.
fn overdue<T: Config>(index: u32) -> PurchaseOrderId {
	let (id, _, supplier) = accepted::<T>(index);
	let batch = T::Batches::benchmark_batch(&supplier);
	Replenishment::<T>::do_ship(supplier, id, QUANTITY / 2, Some(batch)).expect("in time");
	id
}

fn start_at_block_one<T: Config>() {
	if frame_system::Pallet::<T>::block_number() < One::one() {
		frame_system::Pallet::<T>::set_block_number(One::one());
	}
}

fn due_block<T: Config>() -> BlockNumberFor<T> {
	BlockNumberFor::<T>::one().saturating_add(T::ReceiveWindow::get())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_reorder_rule() {
		let (vendor, supplier, listing) = parties::<T>(0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(vendor),
			listing,
			supplier,
			currency::<T>(),
			5,
			QUANTITY,
			unit_price::<T>(),
			T::MaxShipWindow::get(),
		);
		assert!(ReorderRules::<T>::contains_key(listing));
	}

	#[benchmark]
	fn remove_reorder_rule() {
		let (vendor, supplier, listing) = parties::<T>(0);
		quoted_rule::<T>(&vendor, &supplier, listing);
		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), listing);
		assert!(!ReorderRules::<T>::contains_key(listing));
	}

	#[benchmark]
	fn quote() {
		let (vendor, supplier, listing) = parties::<T>(0);
		quoted_rule::<T>(&vendor, &supplier, listing);
		#[extrinsic_call]
		_(RawOrigin::Signed(supplier), listing, Some(unit_price::<T>()));
		assert!(ReorderRules::<T>::get(listing).is_some_and(|rule| rule.quote.is_some()));
	}

	#[benchmark]
	fn create_purchase_order() {
		start_at_block_one::<T>();
		let (vendor, supplier, listing) = parties::<T>(0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(vendor),
			supplier,
			listing,
			currency::<T>(),
			QUANTITY,
			unit_price::<T>(),
			T::MaxShipWindow::get(),
		);
		assert!(PurchaseOrders::<T>::contains_key(0));
	}

	#[benchmark]
	fn cancel_purchase_order() {
		let (id, vendor, _, _) = raised::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);
		assert!(!PurchaseOrders::<T>::contains_key(id));
	}

	#[benchmark]
	fn accept_purchase_order() {
		start_at_block_one::<T>();
		let (id, _, supplier, _) = raised::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(supplier), id);
		assert!(PurchaseOrders::<T>::get(id).is_some_and(|po| Replenishment::<T>::is_accepted(&po)));
	}

	#[benchmark]
	fn decline_purchase_order() {
		let (id, _, supplier, _) = raised::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(supplier), id);
		assert!(!PurchaseOrders::<T>::contains_key(id));
	}

	#[benchmark]
	fn ship_purchase_order() {
		start_at_block_one::<T>();
		let (id, _, supplier) = accepted::<T>(0);
		let batch = T::Batches::benchmark_batch(&supplier);
		#[extrinsic_call]
		_(RawOrigin::Signed(supplier), id, QUANTITY / 2, Some(batch));
		assert!(PurchaseOrders::<T>::get(id).is_some_and(|po| po.shipped == QUANTITY / 2));
	}

	/// The last units: the supplier is paid (its account in the currency created), the stock
	/// grows, the purchase order closes and frees its rule.
	#[benchmark]
	fn receive_purchase_order() {
		start_at_block_one::<T>();
		let (id, vendor, supplier) = accepted::<T>(0);
		let batch = T::Batches::benchmark_batch(&supplier);
		Replenishment::<T>::do_ship(supplier, id, QUANTITY, Some(batch)).expect("in time");
		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, QUANTITY);
		assert!(!PurchaseOrders::<T>::contains_key(id));
	}

	#[benchmark]
	fn dispute_purchase_order() {
		start_at_block_one::<T>();
		let (id, vendor, _) = accepted::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);
		assert!(PurchaseOrders::<T>::get(id)
			.is_some_and(|po| matches!(po.state, PoState::Disputed { .. })));
	}

	/// Pays the supplier, restocks, returns the rest and closes.
	#[benchmark]
	fn rule_purchase_order() -> Result<(), BenchmarkError> {
		start_at_block_one::<T>();
		let (id, vendor, supplier) = accepted::<T>(0);
		let batch = T::Batches::benchmark_batch(&supplier);
		Replenishment::<T>::do_ship(supplier, id, QUANTITY, Some(batch)).expect("in time");
		Replenishment::<T>::do_dispute(vendor, id).expect("accepted");
		let origin = T::ArbitrationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let to_supplier = unit_price::<T>().saturating_mul((QUANTITY / 2).into());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, to_supplier, QUANTITY / 2);
		assert!(!PurchaseOrders::<T>::contains_key(id));
		Ok(())
	}

	/// The costliest timeout, through `process_overdue`: shipped units deemed received and
	/// paid, unshipped ones returned, the purchase order closed and its rule freed.
	#[benchmark]
	fn timeout() {
		start_at_block_one::<T>();
		let id = overdue::<T>(0);
		frame_system::Pallet::<T>::set_block_number(due_block::<T>());
		let caller: T::AccountId = whitelisted_caller();
		#[block]
		{
			Replenishment::<T>::process_overdue(RawOrigin::Signed(caller).into(), id)
				.expect("overdue");
		}
		assert!(!PurchaseOrders::<T>::contains_key(id));
	}

	/// A sale that takes the stock to the point: the rule raises a purchase order.
	#[benchmark]
	fn raise() {
		start_at_block_one::<T>();
		let (vendor, supplier, listing) = parties::<T>(0);
		quoted_rule::<T>(&vendor, &supplier, listing);
		#[block]
		{
			Replenishment::<T>::stock_fell(listing, &vendor, 0);
		}
		assert!(ReorderRules::<T>::get(listing).is_some_and(|rule| rule.open.is_some()));
	}

	/// `on_idle` with `n` purchase orders due in the same block, each the costliest timeout.
	#[benchmark]
	fn on_idle(n: Linear<0, ON_IDLE_MAX>) {
		start_at_block_one::<T>();
		let ids: alloc::vec::Vec<_> = (0..n).map(overdue::<T>).collect();
		let due = due_block::<T>();
		frame_system::Pallet::<T>::set_block_number(due);
		DeadlineCursor::<T>::put(due);
		#[block]
		{
			Replenishment::<T>::on_idle(due, Weight::MAX);
		}
		assert!(ids.iter().all(|id| !PurchaseOrders::<T>::contains_key(id)));
	}

	impl_benchmark_test_suite!(Replenishment, crate::mock::new_test_ext(), crate::mock::Test);
}
