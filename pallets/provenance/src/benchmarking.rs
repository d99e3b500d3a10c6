//! Benchmarks of the provenance pallet, each call in its worst case: the largest details, an
//! attester whose matching company prefix is its last, full lists; events that are
//! observations (by a party other than the custodian: its share of the page read and written,
//! the first time created) and shipments against an order (linked both ways). A history's
//! length costs nothing: an event writes one place, whichever page it is on.

use super::*;
use crate::gs1::{BatchKey, Gln};
use alloc::{vec, vec::Vec};
use commerce_primitives::OrderParties;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

const SEED: u32 = 0;
/// A GTIN of company prefix 4006381.
const GTIN: &[u8] = b"04006381333931";

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

/// The largest scope: `MaxPrefixes` prefixes, the GTIN's own last.
fn prefixes<T: Config>() -> BoundedVec<CompanyPrefix, T::MaxPrefixes> {
	let n = T::MaxPrefixes::get();
	let mut list: Vec<CompanyPrefix> = (1..n)
		.map(|i| BoundedVec::truncate_from(alloc::format!("{:012}", i).into_bytes()))
		.collect();
	list.push(BoundedVec::truncate_from(b"4006381".to_vec()));
	BoundedVec::truncate_from(list)
}

fn attester<T: Config>(name: &'static str, roles: Roles) -> T::AccountId {
	let who = funded::<T>(name, 0);
	Pallet::<T>::do_register_attester(who.clone(), roles, prefixes::<T>(), 1_000_000u32.into())
		.expect("valid attester");
	who
}

/// The largest details: every reading and document, both locations.
fn details<T: Config>() -> DetailsOf<T> {
	let gln = Gln(*b"9501101020917");
	Details {
		event_time: 0,
		time_zone_offset: 0,
		disposition: Disposition::Active,
		read_point: Some(gln),
		biz_location: Some(gln),
		readings: BoundedVec::truncate_from(vec![
			SensorReading {
				kind: SensorKind::Temperature,
				value: i64::MAX
			};
			T::MaxReadings::get() as usize
		]),
		documents: BoundedVec::truncate_from(vec![[0xAB; 32]; T::MaxDocuments::get() as usize]),
	}
}

fn lot(i: u32) -> gs1::Attribute {
	BoundedVec::truncate_from(alloc::format!("LOT-{:016}", i).into_bytes())
}

fn key(i: u32) -> BatchKey {
	BatchKey { gtin: gs1::Gtin::parse(GTIN).unwrap(), lot: lot(i), serial: Some(lot(i)) }
}

/// A batch commissioned and held by `producer`.
fn batch<T: Config>(producer: &T::AccountId, i: u32) -> BatchId {
	let id = NextBatchId::<T>::get();
	Pallet::<T>::do_commission(producer.clone(), key(i), details::<T>()).expect("commissioned");
	id
}

/// A batch commissioned and held by `producer`, which is funded and registered as a producer
/// first if it is not an attester (for other pallets' benchmarks).
pub(crate) fn batch_held_by<T: Config>(producer: &T::AccountId) -> BatchId {
	if !Attesters::<T>::contains_key(producer) {
		T::Currency::set_balance(producer, BalanceOf::<T>::max_value() / 4u32.into());
		Pallet::<T>::do_register_attester(
			producer.clone(),
			Roles::PRODUCER,
			prefixes::<T>(),
			1_000_000u32.into(),
		)
		.expect("valid attester");
	}
	batch::<T>(producer, NextBatchId::<T>::get() as u32)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_attester() -> Result<(), BenchmarkError> {
		let origin =
			T::AttesterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("attester", 0, SEED);
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			who.clone(),
			Roles::ALL,
			prefixes::<T>(),
			1_000_000u32.into(),
		);
		assert!(Attesters::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn revoke_attester() -> Result<(), BenchmarkError> {
		let origin =
			T::AttesterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = attester::<T>("attester", Roles::ALL);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Attesters::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn commission() {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(producer),
			BoundedVec::truncate_from(GTIN.to_vec()),
			lot(0),
			Some(lot(0)),
			details::<T>(),
		);
		assert_eq!(NextBatchId::<T>::get(), 1);
	}

	#[benchmark]
	fn ship() {
		let vendor = attester::<T>("vendor", Roles::ALL);
		let buyer = funded::<T>("buyer", 0);
		let order = T::Orders::benchmark_open_order(&vendor, &buyer);
		// The order's list is one short of full: the worst case reads and writes it.
		let full = T::MaxBatchesPerOrder::get().saturating_sub(1);
		let others: Vec<BatchId> = (0..full).map(|i| batch::<T>(&vendor, i + 1)).collect();
		OrderBatches::<T>::insert(order, BoundedVec::truncate_from(others));
		let id = batch::<T>(&vendor, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, buyer, Some(order), details::<T>());
		assert!(matches!(Batches::<T>::get(id).unwrap().status, BatchStatus::InTransit { .. }));
		assert!(OrdersOfBatch::<T>::contains_key(id, order));
	}

	#[benchmark]
	fn receive() {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		let carrier = attester::<T>("carrier", Roles::CARRIER);
		let id = batch::<T>(&producer, 0);
		let shipping = NextEventId::<T>::get();
		Pallet::<T>::do_ship(producer, id, carrier.clone(), None, details::<T>()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(carrier.clone()), id, shipping, details::<T>());
		assert_eq!(Batches::<T>::get(id).unwrap().custodian, carrier);
	}

	#[benchmark]
	fn record() {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		let inspector = attester::<T>("inspector", Roles::INSPECTOR);
		let id = batch::<T>(&producer, 0);
		// An inspection is an observation: the inspector's first on the batch creates its share.
		#[extrinsic_call]
		_(RawOrigin::Signed(inspector.clone()), id, BizStep::Inspecting, details::<T>());
		assert_eq!(Batches::<T>::get(id).unwrap().observations, 1);
		assert!(ObserverShares::<T>::contains_key(id, &inspector));
	}

	#[benchmark]
	fn aggregate(n: Linear<1, { T::MaxInputs::get() }>) {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		let children: Vec<BatchId> = (0..n).map(|i| batch::<T>(&producer, i)).collect();
		let first = children[0];
		#[extrinsic_call]
		_(
			RawOrigin::Signed(producer),
			BoundedVec::truncate_from(b"106141411234567897".to_vec()),
			BoundedVec::truncate_from(children),
			details::<T>(),
		);
		assert_eq!(Batches::<T>::get(first).unwrap().events, 2);
	}

	#[benchmark]
	fn transform(n: Linear<1, { T::MaxInputs::get().saturating_sub(1).max(1) }>) {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		let inputs: Vec<BatchId> = (0..n).map(|i| batch::<T>(&producer, i + 1)).collect();
		let first = inputs[0];
		#[extrinsic_call]
		_(
			RawOrigin::Signed(producer),
			BoundedVec::truncate_from(inputs),
			BoundedVec::truncate_from(GTIN.to_vec()),
			lot(0),
			Some(lot(0)),
			details::<T>(),
		);
		assert_eq!(Batches::<T>::get(first).unwrap().status, BatchStatus::Consumed);
	}

	#[benchmark]
	fn correct(n: Linear<1, { T::MaxInputs::get() }>) {
		let producer = attester::<T>("producer", Roles::PRODUCER);
		let carrier = attester::<T>("carrier", Roles::CARRIER);
		let children: Vec<BatchId> = (0..n).map(|i| batch::<T>(&producer, i)).collect();
		let event = NextEventId::<T>::get();
		Pallet::<T>::do_aggregate(
			producer.clone(),
			gs1::Sscc(*b"106141411234567897"),
			BoundedVec::truncate_from(children.clone()),
			details::<T>(),
		)
		.unwrap();
		// The producer hands every child over: its correction is then an observation on each
		// batch, creating its share of each history's page.
		for child in children.iter() {
			let shipping = NextEventId::<T>::get();
			Pallet::<T>::do_ship(producer.clone(), *child, carrier.clone(), None, details::<T>())
				.unwrap();
			Pallet::<T>::do_receive(carrier.clone(), *child, shipping, details::<T>()).unwrap();
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(producer.clone()), event, ErrorReason::IncorrectData, details::<T>());
		assert!(Corrections::<T>::contains_key(event));
		assert!(children.iter().all(|child| ObserverShares::<T>::contains_key(child, &producer)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
