//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets` with
//! `pallet_assets_holder` (the stablecoin [`STABLE`]) and the replenishment pallet, with mock
//! listings kept in storage.

use crate as pallet_replenishment;
use commerce_primitives::{
	currency::{AssetsHolderHolders, AssetsWithHolds, NativeFromLeft, NativeOrWithId, UnionOf},
	BalancesHolders, ListingId, ListingProvider, ListingTerms,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, ConstU64, EnsureOrigin,
		LinearStoragePrice,
	},
	Twox64Concat,
};
use frame_system::{EnsureRoot, EnsureSigned, RawOrigin};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;
pub type Currency = NativeOrWithId<u32>;

pub const VENDOR: AccountId = 1;
pub const SUPPLIER: AccountId = 2;
pub const BUYER: AccountId = 3;
pub const OTHER: AccountId = 4;
pub const ARBITER: AccountId = 7;
/// A vendor with only a little money.
pub const POOR: AccountId = 8;
pub const INITIAL: Balance = 1_000_000;
pub const ED: Balance = 10;
pub const USD: u32 = 7;
pub const USD_MIN: Balance = 5;
/// A unit of [`STABLE`] is worth this many native units.
pub const USD_RATE: Balance = 3;
pub const CMRC: Currency = NativeOrWithId::Native;
pub const STABLE: Currency = NativeOrWithId::WithId(USD);
/// An asset that exists but has no rate.
pub const UNRATED: Currency = NativeOrWithId::WithId(9);

pub const ACCEPT_WINDOW: u64 = 10;
pub const MAX_SHIP_WINDOW: u64 = 100;
pub const RECEIVE_WINDOW: u64 = 20;
pub const RULING_WINDOW: u64 = 30;
pub const MIN_VALUE: Balance = 50;
/// Deposit: 10 a record plus 0 a byte.
pub const DEPOSIT: Balance = 10;

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
	pub type Replenishment = pallet_replenishment;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type AssetsHolder = pallet_assets_holder;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
	// So that a rule check's single read is charged something.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU64<ED>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = AssetsHolder;
}

impl pallet_assets_holder::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

pub type NativeAndAssets =
	UnionOf<Balances, AssetsWithHolds<Assets, AssetsHolder>, NativeFromLeft, Currency, AccountId>;

/// CMRC and [`STABLE`] (at [`USD_RATE`]) are accepted; anything else is not.
pub struct MockCurrencies;
impl commerce_primitives::AcceptedCurrencies<Currency, Balance> for MockCurrencies {
	fn is_accepted(currency: &Currency) -> bool {
		*currency == CMRC || *currency == STABLE
	}

	fn native_value(currency: &Currency, amount: Balance) -> Option<Balance> {
		match *currency {
			NativeOrWithId::Native => Some(amount),
			NativeOrWithId::WithId(USD) => amount.checked_mul(USD_RATE),
			_ => None,
		}
	}

	fn from_native(currency: &Currency, native: Balance) -> Option<Balance> {
		match *currency {
			NativeOrWithId::Native => Some(native),
			NativeOrWithId::WithId(USD) => Some(native.div_ceil(USD_RATE)),
			_ => None,
		}
	}
}

/// The mock listings: `listing -> (vendor, stock)`, in storage so that failed dispatches roll
/// them back.
pub struct MockListings;
#[frame_support::storage_alias]
pub type ListingStore = StorageMap<MockListings, Twox64Concat, ListingId, (AccountId, u32)>;

impl MockListings {
	pub fn add(id: ListingId, vendor: AccountId, stock: u32) {
		ListingStore::insert(id, (vendor, stock));
	}

	pub fn stock(id: ListingId) -> u32 {
		ListingStore::get(id).map(|(_, stock)| stock).unwrap_or_default()
	}

	/// What the orders pallet does when an order takes `units`: lower the stock and tell the
	/// replenisher.
	pub fn sell(id: ListingId, units: u32) -> frame_support::weights::Weight {
		use commerce_primitives::Replenisher;
		let (vendor, stock) = ListingStore::get(id).expect("listed");
		let stock = stock.checked_sub(units).expect("in stock");
		ListingStore::insert(id, (vendor, stock));
		Replenishment::stock_fell(id, &vendor, stock)
	}
}

impl ListingProvider<AccountId, Balance, u64> for MockListings {
	type CurrencyId = Currency;

	fn terms(listing: ListingId) -> Option<ListingTerms<AccountId, Currency, Balance, u64>> {
		ListingStore::get(listing).map(|(vendor, stock)| ListingTerms {
			vendor,
			currency: CMRC,
			unit_price: 100,
			stock,
			ship_window: 10,
		})
	}

	fn min_ship_window() -> u64 {
		1
	}

	fn list_like(
		_: ListingId,
		_: &AccountId,
		_: Balance,
		_: u32,
		_: u64,
	) -> Result<ListingId, DispatchError> {
		Err(DispatchError::Other("not in this mock"))
	}

	fn withdraw_stock(_: ListingId) {}

	fn add_stock(listing: ListingId, units: u32) -> DispatchResult {
		ListingStore::try_mutate(listing, |entry| match entry {
			Some((_, stock)) => {
				*stock = stock.checked_add(units).ok_or(DispatchError::Other("overflow"))?;
				Ok(())
			},
			None => Err(DispatchError::Other("no listing")),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_listing(vendor: &AccountId) -> ListingId {
		<Self as pallet_replenishment::BenchmarkHelper<_, _, _>>::listing(vendor, 10)
	}
}

/// The mock provenance: batches below 1,000 are held by [`SUPPLIER`], 1,000 by [`VENDOR`],
/// 1,001 to 1,999 by [`OTHER`]; none exists from 2,000 on, except those the benchmarks make
/// (in [`BenchmarkBatches`]).
pub struct MockBatches;
pub const VENDORS_BATCH: u64 = 1_000;
pub const STRANGERS_BATCH: u64 = 1_001;
pub const NO_BATCH: u64 = 2_000;

/// Batches made for the benchmarks, with their custodians.
#[frame_support::storage_alias]
pub type BenchmarkBatches = StorageMap<MockBatches, Twox64Concat, u64, AccountId>;

impl commerce_primitives::BatchCustody<AccountId> for MockBatches {
	fn custodian(batch: u64) -> Option<AccountId> {
		match batch {
			0..1_000 => Some(SUPPLIER),
			1_000 => Some(VENDOR),
			1_001..2_000 => Some(OTHER),
			_ => BenchmarkBatches::get(batch),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_batch(custodian: &AccountId) -> u64 {
		let id = 10_000 + BenchmarkBatches::iter_keys().count() as u64;
		BenchmarkBatches::insert(id, custodian);
		id
	}
}

/// Root rules as a collective (`None`); [`ARBITER`] and [`VENDOR`] are individual arbiters.
pub struct MockArbitration;
impl EnsureOrigin<RuntimeOrigin> for MockArbitration {
	type Success = Option<AccountId>;

	fn try_origin(origin: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Root) => Ok(None),
			Ok(RawOrigin::Signed(who)) if who == ARBITER || who == VENDOR => Ok(Some(who)),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

parameter_types! {
	pub const Native: Currency = CMRC;
	pub const DepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Replenishment(pallet_replenishment::HoldReason::Deposit);
	pub const FallbackSupplierShare: Perbill = Perbill::from_percent(50);
}

pub type Deposit = HoldConsideration<
	AccountId,
	Balances,
	DepositReason,
	LinearStoragePrice<ConstU64<DEPOSIT>, ConstU64<0>, Balance>,
>;

impl pallet_replenishment::Config for Test {
	type Currency = NativeAndAssets;
	type Currencies = MockCurrencies;
	type NativeCurrency = Native;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Listings = MockListings;
	type Batches = MockBatches;
	type Deposit = Deposit;
	type ArbitrationOrigin = MockArbitration;
	type Holders = commerce_primitives::currency::UnionHolders<
		BalancesHolders<Test>,
		AssetsHolderHolders<AssetsHolder, u32, AccountId, RuntimeHoldReason, Balance>,
	>;
	type MinOrderValue = ConstU64<MIN_VALUE>;
	type AcceptWindow = ConstU64<ACCEPT_WINDOW>;
	type MaxShipWindow = ConstU64<MAX_SHIP_WINDOW>;
	type ReceiveWindow = ConstU64<RECEIVE_WINDOW>;
	type RulingWindow = ConstU64<RULING_WINDOW>;
	type FallbackSupplierShare = FallbackSupplierShare;
	type MaxPage = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockListings;
}

#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, Currency, Balance> for MockListings {
	fn dearest() -> Currency {
		STABLE
	}
	fn fund(who: &AccountId, currency: &Currency, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(currency.clone(), who, amount);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_replenishment::BenchmarkHelper<AccountId, Currency, Balance> for MockListings {
	fn listing(vendor: &AccountId, stock: u32) -> ListingId {
		let id = ListingStore::iter_keys().count() as ListingId + 100;
		Self::add(id, *vendor, stock);
		id
	}
}

/// Listing [`LISTING`] of [`VENDOR`] with [`STOCK`] units; accounts endowed, the stablecoin
/// held by the vendor and the supplier; block 1.
pub const LISTING: ListingId = 1;
pub const STOCK: u32 = 20;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(VENDOR, INITIAL),
			(SUPPLIER, INITIAL),
			(BUYER, INITIAL),
			(OTHER, INITIAL),
			(ARBITER, INITIAL),
			(POOR, 100),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, OTHER, true, USD_MIN), (9, OTHER, true, 1)],
		accounts: vec![(USD, VENDOR, INITIAL), (USD, SUPPLIER, INITIAL), (9, VENDOR, INITIAL)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MockListings::add(LISTING, VENDOR, STOCK);
	});
	ext
}

/// Run `test` in fresh externalities, then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Replenishment::do_try_state().expect("invariants hold");
	});
}
