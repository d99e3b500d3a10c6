//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets` with
//! `pallet_assets_holder` (a test stablecoin) and the profit-sharing pallet. Tests place and
//! pay out orders as the orders and escrow pallets do (see `tests::pay`), in either currency.

use crate::{self as pallet_profit_sharing};
use commerce_primitives::{
	currency::{AssetsHolderHolders, AssetsWithHolds, NativeFromLeft, NativeOrWithId, UnionOf},
	BalancesHolders, ListingProvider, ListingTerms, VendorRegistry,
};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{
		fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, ConstU64, Hooks,
		LinearStoragePrice,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy};
use sp_runtime::{BuildStorage, DispatchError};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const VENDOR: AccountId = 1;
pub const VENDOR2: AccountId = 2;
/// Not an active vendor.
pub const OUTSIDER: AccountId = 3;
pub const SUPPLIER: AccountId = 4;
pub const SUPPLIER2: AccountId = 5;
pub const SUPPLIER3: AccountId = 6;
/// No account: receives nothing below the existential deposit.
pub const NOBODY: AccountId = 7;
pub const BUYER: AccountId = 10;
pub const BUYER2: AccountId = 11;
pub const GOVERNANCE: AccountId = 101;
pub const INITIAL: Balance = 1_000_000;
pub const ED: Balance = 10;
pub const NOTICE: u64 = 10;
pub const REFUND_WINDOW: u64 = 20;
pub const MAX_BENEFICIARIES: u32 = 4;
pub const MAX_VERSIONS: u32 = 3;
/// The test stablecoin: sufficient, minimum balance [`USD_MIN`], owned by [`GOVERNANCE`].
pub const USD: u32 = 7;
pub const USD_MIN: Balance = 5;
/// The currencies, as the pallet names them.
pub type Currency = NativeOrWithId<u32>;
pub const CMRC: Currency = NativeOrWithId::Native;
pub const STABLE: Currency = NativeOrWithId::WithId(USD);
pub const MAX_CURRENCIES: u32 = 2;
/// Listing 1 and 2 are `VENDOR`'s, listing 3 is `VENDOR2`'s.
pub const LISTING: u64 = 1;
pub const LISTING2: u64 = 2;
pub const OTHERS_LISTING: u64 = 3;

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
	pub type ProfitSharing = pallet_profit_sharing;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type AssetsHolder = pallet_assets_holder;
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

/// Every currency of the test runtime, holds included, as the runtime composes them.
pub type NativeAndAssets =
	UnionOf<Balances, AssetsWithHolds<Assets, AssetsHolder>, NativeFromLeft, Currency, AccountId>;

ord_parameter_types! {
	pub const Governance: AccountId = GOVERNANCE;
}

parameter_types! {
	pub const Pot: PalletId = PalletId(*b"cc/share");
	pub const Native: Currency = CMRC;
	pub const AgreementDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::ProfitSharing(pallet_profit_sharing::HoldReason::AgreementDeposit);
	pub const SaleDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::ProfitSharing(pallet_profit_sharing::HoldReason::SaleDeposit);
}

/// Agreement deposit: 100 plus 1 per 10 bytes (`LinearStoragePrice` takes a per-byte price;
/// 0 here keeps figures readable: 100 flat).
pub type AgreementDeposit = HoldConsideration<
	AccountId,
	Balances,
	AgreementDepositReason,
	LinearStoragePrice<ConstU64<100>, ConstU64<0>, Balance>,
>;
pub const AGREEMENT_DEPOSIT: Balance = 100;
/// Sale deposit: 3.
pub type SaleDeposit = HoldConsideration<
	AccountId,
	Balances,
	SaleDepositReason,
	LinearStoragePrice<ConstU64<3>, ConstU64<0>, Balance>,
>;
pub const SALE_DEPOSIT: Balance = 3;

/// Accounts the registry has stopped (everyone else is an active vendor).
#[frame_support::storage_alias]
pub type Inactive = StorageMap<MockVendors, frame_support::Twox64Concat, AccountId, ()>;

pub struct MockVendors;
impl VendorRegistry<AccountId> for MockVendors {
	fn is_active_vendor(who: &AccountId) -> bool {
		*who != OUTSIDER && !Inactive::contains_key(who)
	}
}

/// Listings made for benchmarks, with their vendors.
#[frame_support::storage_alias]
pub type ExtraListings = StorageMap<MockListings, frame_support::Twox64Concat, u64, AccountId>;

pub struct MockListings;
impl ListingProvider<AccountId, Balance, u64> for MockListings {
	type CurrencyId = u32;

	fn terms(listing: u64) -> Option<ListingTerms<AccountId, u32, Balance, u64>> {
		let vendor = match listing {
			LISTING | LISTING2 => VENDOR,
			OTHERS_LISTING => VENDOR2,
			other => ExtraListings::get(other)?,
		};
		Some(ListingTerms { vendor, currency: 0, unit_price: 100, stock: 10, ship_window: 5 })
	}
	fn min_ship_window() -> u64 {
		1
	}
	fn list_like(_: u64, _: &AccountId, _: Balance, _: u32, _: u64) -> Result<u64, DispatchError> {
		Err(DispatchError::Other("not used"))
	}
	fn withdraw_stock(_: u64) {}
	fn add_stock(_: u64, _: u32) -> sp_runtime::DispatchResult {
		Ok(())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_listing(vendor: &AccountId) -> u64 {
		let id = 1_000 + ExtraListings::iter().count() as u64;
		ExtraListings::insert(id, vendor);
		id
	}
}

impl pallet_profit_sharing::Config for Test {
	type Currency = NativeAndAssets;
	type NativeCurrency = Native;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AgreementDeposit = AgreementDeposit;
	type SaleDeposit = SaleDeposit;
	type GovernanceOrigin = EnsureSignedBy<Governance, AccountId>;
	type Vendors = MockVendors;
	type Listings = MockListings;
	type PalletId = Pot;
	type MaxBeneficiaries = ConstU32<MAX_BENEFICIARIES>;
	type MaxVersions = ConstU32<MAX_VERSIONS>;
	type MaxCurrencies = ConstU32<MAX_CURRENCIES>;
	type NoticePeriod = ConstU64<NOTICE>;
	type RefundWindow = ConstU64<REFUND_WINDOW>;
	type Holders = commerce_primitives::currency::UnionHolders<
		BalancesHolders<Test>,
		AssetsHolderHolders<AssetsHolder, u32, AccountId, RuntimeHoldReason, Balance>,
	>;
	type WeightInfo = MockWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCurrency = StableForBenchmarks;
}

/// The benchmarks pay out in the test stablecoin: its payouts read and write more than CMRC's.
#[cfg(feature = "runtime-benchmarks")]
pub struct StableForBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, Currency, Balance> for StableForBenchmarks {
	fn dearest() -> Currency {
		STABLE
	}
	fn fund(who: &AccountId, currency: &Currency, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(currency.clone(), who, amount);
	}
}

/// No weight, except `payout(b)`: `b + 1` units, so tests can tell what an order's split costs.
pub struct MockWeights;
impl crate::WeightInfo for MockWeights {
	fn propose_agreement(b: u32) -> Weight {
		<() as crate::WeightInfo>::propose_agreement(b)
	}
	fn propose_change(b: u32) -> Weight {
		<() as crate::WeightInfo>::propose_change(b)
	}
	fn accept() -> Weight {
		Weight::zero()
	}
	fn impose() -> Weight {
		Weight::zero()
	}
	fn withdraw_proposal() -> Weight {
		Weight::zero()
	}
	fn end_agreement() -> Weight {
		Weight::zero()
	}
	fn consent_to_end() -> Weight {
		Weight::zero()
	}
	fn close_agreement() -> Weight {
		Weight::zero()
	}
	fn claim() -> Weight {
		Weight::zero()
	}
	fn refund_sale(b: u32) -> Weight {
		<() as crate::WeightInfo>::refund_sale(b)
	}
	fn on_idle_sales(n: u32) -> Weight {
		<() as crate::WeightInfo>::on_idle_sales(n)
	}
	fn payout(b: u32) -> Weight {
		Weight::from_parts(u64::from(b) + 1, 0)
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [VENDOR, VENDOR2, OUTSIDER, SUPPLIER, SUPPLIER2, SUPPLIER3, BUYER, BUYER2]
			.into_iter()
			.map(|who| (who, INITIAL))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	// The stablecoin: the buyers and vendors hold some, the suppliers none (their accounts are
	// created by their first share, if it reaches the minimum balance).
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, GOVERNANCE, true, USD_MIN)],
		metadata: vec![(USD, b"Test Dollar".to_vec(), b"tUSD".to_vec(), 6)],
		accounts: [VENDOR, VENDOR2, BUYER, BUYER2]
			.into_iter()
			.map(|who| (USD, who, INITIAL))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_profit_sharing::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` and then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ProfitSharing::do_try_state().expect("invariants hold");
	});
}

/// Advance to block `n`, running `on_idle` with ample weight in each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ProfitSharing::on_idle(next, frame_support::weights::Weight::MAX);
	}
}
