//! Test runtime: `frame_system`, `pallet_balances` and the vendors pallet. Tests report orders
//! through the pallet's `OrderObserver` side, as the orders pallet would.

use crate::{self as pallet_vendors, PolicyOf, TenderRules};
use commerce_primitives::{ListingProvider, ListingTerms, VendorRegistry};
use frame_support::ensure;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
	BoundedVec,
};
use frame_system::EnsureSignedBy;
use sp_runtime::DispatchError;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const VENDOR: AccountId = 1;
pub const VENDOR2: AccountId = 2;
pub const APPLICANT: AccountId = 3;
/// An account that cannot pay the bond.
pub const POOR: AccountId = 4;
pub const BUYER: AccountId = 10;
pub const BUYER2: AccountId = 11;
pub const BUYER3: AccountId = 12;
pub const VETTING: AccountId = 100;
pub const GOVERNANCE: AccountId = 101;
pub const TREASURY: AccountId = 200;
pub const INITIAL: Balance = 100_000;
pub const BOND: Balance = 10_000;
pub const PERIOD: u64 = 10;
pub const UNBONDING: u64 = 20;
pub const MAX_PERIODS: u32 = 4;
pub const MAX_AFFECTED: u32 = 3;
/// Orders below this total do not count toward a period's sample.
pub const MIN_SAMPLE_VALUE: Balance = 10;
pub const MAX_CREDENTIALS: u32 = 2;

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
	pub type Vendors = pallet_vendors;
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
}

ord_parameter_types! {
	pub const Vetting: AccountId = VETTING;
	pub const Governance: AccountId = GOVERNANCE;
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
}

impl pallet_vendors::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VettingOrigin = EnsureSignedBy<Vetting, AccountId>;
	type GovernanceOrigin = EnsureSignedBy<Governance, AccountId>;
	type Bond = ConstU64<BOND>;
	type Treasury = Treasury;
	type UnbondingPeriod = ConstU64<UNBONDING>;
	type DefaultPeriodLength = ConstU64<PERIOD>;
	type MinPeriodLength = ConstU64<2>;
	type MaxProfileLen = ConstU32<32>;
	type MaxCredentials = ConstU32<MAX_CREDENTIALS>;
	type MaxRequiredCredentials = ConstU32<2>;
	type MaxPeriods = ConstU32<MAX_PERIODS>;
	type MaxAffected = ConstU32<MAX_AFFECTED>;
	type MinSampleValue = ConstU64<MIN_SAMPLE_VALUE>;
	type Listings = MockListings;
	type MaxBids = ConstU32<MAX_BIDS>;
	type Holders = commerce_primitives::BalancesHolders<Test>;
	type WeightInfo = TestWeights;
}

pub const MAX_BIDS: u32 = 4;
/// The shortest ship window the mock listings accept.
pub const MIN_SHIP_WINDOW: u64 = 2;

/// Listings kept in storage (rolled back with a failed dispatch): `(vendor, unit price,
/// stock, ship window, template)` by id.
pub struct MockListings;

#[frame_support::storage_alias]
pub type ListingStore = StorageMap<
	MockListings,
	frame_support::Twox64Concat,
	u64,
	(AccountId, Balance, u32, u64, Option<u64>),
>;

#[frame_support::storage_alias]
pub type NextListing = StorageValue<MockListings, u64, frame_support::pallet_prelude::ValueQuery>;

impl MockListings {
	/// A listing of `vendor` at `price`, `stock` units, `ship_window`.
	pub fn add(vendor: AccountId, price: Balance, stock: u32, ship_window: u64) -> u64 {
		let id = NextListing::get();
		NextListing::put(id + 1);
		ListingStore::insert(id, (vendor, price, stock, ship_window, None::<u64>));
		id
	}
}

/// The one currency of the mock listings.
pub const MOCK_CURRENCY: u32 = 0;

impl ListingProvider<AccountId, Balance, u64> for MockListings {
	type CurrencyId = u32;

	fn terms(listing: u64) -> Option<ListingTerms<AccountId, u32, Balance, u64>> {
		ListingStore::get(listing).map(|(vendor, unit_price, stock, ship_window, _)| ListingTerms {
			vendor,
			currency: MOCK_CURRENCY,
			unit_price,
			stock,
			ship_window,
		})
	}

	fn min_ship_window() -> u64 {
		MIN_SHIP_WINDOW
	}

	fn list_like(
		template: u64,
		vendor: &AccountId,
		unit_price: Balance,
		stock: u32,
		ship_window: u64,
	) -> Result<u64, DispatchError> {
		ensure!(ListingStore::contains_key(template), "no template");
		ensure!(<Vendors as VendorRegistry<_>>::is_active_vendor(vendor), "not a vendor");
		// As the orders pallet's listing deposit: a vendor with nothing free cannot list.
		ensure!(Balances::free_balance(vendor) > 0, "cannot pay the listing deposit");
		let id = NextListing::get();
		NextListing::put(id + 1);
		ListingStore::insert(id, (*vendor, unit_price, stock, ship_window, Some(template)));
		Ok(id)
	}

	fn withdraw_stock(listing: u64) {
		ListingStore::mutate(listing, |entry| {
			if let Some((_, _, stock, _, _)) = entry {
				*stock = 0;
			}
		});
	}

	fn add_stock(listing: u64, units: u32) -> sp_runtime::DispatchResult {
		ListingStore::try_mutate(listing, |entry| match entry {
			Some((_, _, stock, _, _)) => {
				*stock =
					stock.checked_add(units).ok_or(sp_runtime::DispatchError::Other("overflow"))?;
				Ok(())
			},
			None => Err(sp_runtime::DispatchError::Other("no listing")),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_listing(vendor: &AccountId) -> u64 {
		Self::add(*vendor, 100, 10, 10)
	}
}

/// Zero weights, except that the sweep costs a fixed amount per vendor, so that tests can give
/// `on_idle` a budget for exactly some vendors.
pub struct TestWeights;
pub const SWEEP_BASE: Weight = Weight::from_parts(1_000, 100);
pub const SWEEP_PER_VENDOR: Weight = Weight::from_parts(10_000, 1_000);
impl crate::WeightInfo for TestWeights {
	fn open_tender() -> Weight {
		Weight::zero()
	}
	fn commit_bid() -> Weight {
		Weight::zero()
	}
	fn reveal_bid() -> Weight {
		Weight::zero()
	}
	fn close_tender(b: u32) -> Weight {
		// Linear in the bids, so that tests see what a closing is charged.
		Weight::from_parts(1_000 * (u64::from(b) + 1), 0)
	}
	fn apply() -> Weight {
		Weight::zero()
	}
	fn approve() -> Weight {
		Weight::zero()
	}
	fn reject() -> Weight {
		Weight::zero()
	}
	fn issue_credential() -> Weight {
		Weight::zero()
	}
	fn revoke_credential() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn reinstate() -> Weight {
		Weight::zero()
	}
	fn retire() -> Weight {
		Weight::zero()
	}
	fn withdraw_bond() -> Weight {
		Weight::zero()
	}
	fn evaluate() -> Weight {
		Weight::zero()
	}
	fn set_policy() -> Weight {
		Weight::zero()
	}
	fn set_encryption_key() -> Weight {
		Weight::zero()
	}
	fn set_period_length() -> Weight {
		Weight::zero()
	}
	fn on_initialize_quiet() -> Weight {
		Weight::zero()
	}
	fn on_initialize_roll() -> Weight {
		Weight::zero()
	}
	fn on_idle_base() -> Weight {
		SWEEP_BASE
	}
	fn on_idle_vendor() -> Weight {
		SWEEP_PER_VENDOR
	}
}

/// The policy of most tests: judged from 4 eligible orders; at least 90% on time, at most 25%
/// defects, 10% order defects, 10% cancellations; one-period cures; a failed cure slashes 10%
/// of the bond (at most 5,000); the second failed cure in a row suspends.
pub fn policy() -> PolicyOf<Test> {
	PolicyOf::<Test> {
		min_sample: 4,
		min_on_time: Perbill::from_percent(90),
		max_defect: Perbill::from_percent(25),
		max_order_defect: Perbill::from_percent(10),
		max_cancellation: Perbill::from_percent(10),
		cure_periods: 1,
		slash: Perbill::from_percent(10),
		max_slash: 5_000,
		failed_cures_to_suspend: 2,
		required_credentials: BoundedVec::new(),
		tender: tender_rules(),
	}
}

/// Tenders of most tests: 5 blocks to commit, 5 to reveal, a deposit of 500; price counts
/// 50%, delivery 30%, the bidder's KPIs 20%; bidders need 50% perfect orders.
pub fn tender_rules() -> TenderRules {
	TenderRules {
		commit_blocks: 5,
		reveal_blocks: 5,
		deposit: 500,
		price_weight: Perbill::from_percent(50),
		delivery_weight: Perbill::from_percent(30),
		kpi_weight: Perbill::from_percent(20),
		kpi_floor: Perbill::from_percent(50),
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(VENDOR, INITIAL),
			(VENDOR2, INITIAL),
			(APPLICANT, INITIAL),
			(POOR, BOND / 2),
			// Enough to open a replacement tender (its deposit is 500).
			(BUYER, 1_000),
			(BUYER2, 100),
			(BUYER3, 100),
			(TREASURY, 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_vendors::GenesisConfig::<Test> {
		vendors: vec![
			(VENDOR, b"ipfs://vendor-1".to_vec()),
			(VENDOR2, b"ipfs://vendor-2".to_vec()),
		],
		policy: Some(policy()),
		period_length: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` on a fresh chain, then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Vendors::do_try_state().expect("invariants hold");
	});
}

/// Go to block `n`, running the hooks (`on_idle` with unlimited weight) on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Vendors::on_initialize(next);
		Vendors::on_idle(next, Weight::MAX);
	}
}

/// Go to the first block of the next KPI period (the sweep runs there).
pub fn next_period() {
	let current = crate::CurrentPeriod::<Test>::get();
	let length = crate::PeriodLength::<Test>::get();
	run_to_block(current.start + length);
}
