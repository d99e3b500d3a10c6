//! Test runtime: `frame_system`, `pallet_balances` and the provenance pallet, with a mock of the
//! orders pallet's open orders and a settable clock.

use crate::{self as pallet_provenance};
use commerce_primitives::{OrderId, OrderParties};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, ConstU64, LinearStoragePrice, UnixTime},
};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const PRODUCER: AccountId = 1;
pub const CARRIER: AccountId = 2;
pub const WAREHOUSE: AccountId = 3;
pub const INSPECTOR: AccountId = 4;
/// A retailer, and vendor of order `ORDER`.
pub const RETAILER: AccountId = 5;
/// The buyer of order `ORDER`: not an attester.
pub const BUYER: AccountId = 6;
/// Registered as nothing.
pub const OUTSIDER: AccountId = 7;
/// A producer scoped to company prefix `4006381` only.
pub const SCOPED: AccountId = 8;
pub const GOVERNANCE: AccountId = 101;
pub const INITIAL: Balance = 1_000_000;
pub const ED: Balance = 1;
/// Open order of `RETAILER` to `BUYER`.
pub const ORDER: OrderId = 77;
/// The chain's time in the tests: 1 Dec 2026, in milliseconds.
pub const NOW_MS: u64 = 1_796_083_200_000;
pub const DRIFT_MS: u64 = 60_000;
pub const MAX_EVENTS: u32 = 8;
pub const MAX_INPUTS: u32 = 4;
pub const MAX_BATCHES_PER_ORDER: u32 = 2;
pub const EVENT_DEPOSIT_BASE: Balance = 10;
pub const BATCH_DEPOSIT: Balance = 50;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Provenance = pallet_provenance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU64<ED>;
}

ord_parameter_types! {
	pub const Governance: AccountId = GOVERNANCE;
}

parameter_types! {
	pub const EventDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Provenance(pallet_provenance::HoldReason::EventDeposit);
	pub const BatchDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Provenance(pallet_provenance::HoldReason::BatchDeposit);
}

/// Event deposit: 10 per storage item (the event and one history entry per batch), nothing
/// per byte, so that figures stay readable: 20 for one batch, 10 more per extra batch.
pub type EventDeposit = HoldConsideration<AccountId, Balances, EventDepositReason, PerItem>;

/// `EVENT_DEPOSIT_BASE` per storage item of a footprint.
pub struct PerItem;
impl sp_runtime::traits::Convert<frame_support::traits::Footprint, Balance> for PerItem {
	fn convert(footprint: frame_support::traits::Footprint) -> Balance {
		EVENT_DEPOSIT_BASE * footprint.count
	}
}
/// Batch deposit: 50 flat.
pub type BatchDeposit = HoldConsideration<
	AccountId,
	Balances,
	BatchDepositReason,
	LinearStoragePrice<ConstU64<BATCH_DEPOSIT>, ConstU64<0>, Balance>,
>;

/// Orders the benchmarks opened, with their vendor and buyer.
#[frame_support::storage_alias]
pub type Opened =
	StorageMap<MockOrders, frame_support::Twox64Concat, OrderId, (AccountId, AccountId)>;

/// Open orders: `ORDER` of `RETAILER` to `BUYER`, and those the benchmarks opened.
pub struct MockOrders;
impl OrderParties<AccountId> for MockOrders {
	fn open_order_parties(order: OrderId) -> Option<(AccountId, AccountId)> {
		if order == ORDER {
			return Some((RETAILER, BUYER));
		}
		Opened::get(order)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_open_order(vendor: &AccountId, buyer: &AccountId) -> OrderId {
		let order = 1_000 + Opened::iter().count() as OrderId;
		Opened::insert(order, (*vendor, *buyer));
		order
	}
}

/// The chain's clock, in milliseconds.
#[frame_support::storage_alias]
pub type Now = StorageValue<MockTime, u64, frame_support::pallet_prelude::ValueQuery>;

pub struct MockTime;
impl UnixTime for MockTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(Now::get())
	}
}

impl pallet_provenance::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EventDeposit = EventDeposit;
	type BatchDeposit = BatchDeposit;
	type AttesterOrigin = EnsureSignedBy<Governance, AccountId>;
	type Orders = MockOrders;
	type UnixTime = MockTime;
	type MaxClockDrift = ConstU64<DRIFT_MS>;
	type MaxPrefixes = ConstU32<2>;
	type MaxInputs = ConstU32<MAX_INPUTS>;
	type MaxReadings = ConstU32<2>;
	type MaxDocuments = ConstU32<2>;
	type MaxEventsPerBatch = ConstU32<MAX_EVENTS>;
	type MaxBatchesPerOrder = ConstU32<MAX_BATCHES_PER_ORDER>;
	type Holders = commerce_primitives::BalancesHolders<Test>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [PRODUCER, CARRIER, WAREHOUSE, INSPECTOR, RETAILER, BUYER, OUTSIDER, SCOPED]
			.into_iter()
			.map(|who| (who, INITIAL))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::put(NOW_MS);
	});
	ext
}

/// Run `test` and then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Provenance::do_try_state().expect("invariants hold");
	});
}
