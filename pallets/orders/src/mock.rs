//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets` with
//! `pallet_assets_holder` (the test stablecoin [`STABLE`], which order deposits are held in)
//! and the orders pallet, with a mock escrow that keeps payments in a pot account.

use crate as pallet_orders;
use commerce_primitives::{
	Escrow, ListingId, OrderId, OrderObserver, OrderReport, Outcome, VendorRegistry,
};
use frame_support::{
	derive_impl, ensure, ord_parameter_types, parameter_types,
	traits::{
		fungible::{HoldConsideration, Mutate},
		tokens::Preservation,
		ConstU32, ConstU64, LinearStoragePrice,
	},
};
use frame_support::{pallet_prelude::ValueQuery, weights::Weight};
use frame_system::EnsureSignedBy;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const VENDOR: AccountId = 1;
pub const BUYER: AccountId = 2;
pub const BUYER2: AccountId = 3;
pub const BUYER3: AccountId = 4;
/// An account with only a little money.
pub const POOR: AccountId = 5;
/// An account the vendor registry refuses.
pub const BANNED: AccountId = 66;
pub const ORACLE: AccountId = 10;
/// The account the mock governance origin accepts.
pub const GOVERNANCE: AccountId = 11;
/// Where the mock escrow keeps payments.
pub const ESCROW_POT: AccountId = 999;
pub const INITIAL: Balance = 1_000_000;

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
	pub type Orders = pallet_orders;
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
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type AssetId = Currency;
	type AssetIdParameter = codec::Compact<Currency>;
	type Currency = Balances;
	type CreateOrigin =
		frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = AssetsHolder;
}

impl pallet_assets_holder::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

/// [`CMRC`] is the native token (left), every other id an asset (right).
pub struct CmrcFromLeft;
impl sp_runtime::traits::Convert<Currency, sp_runtime::Either<(), Currency>> for CmrcFromLeft {
	fn convert(currency: Currency) -> sp_runtime::Either<(), Currency> {
		if currency == CMRC {
			sp_runtime::Either::Left(())
		} else {
			sp_runtime::Either::Right(currency)
		}
	}
}

/// Every currency of the test runtime, holds included: what order deposits are held on.
pub type NativeAndAssets = commerce_primitives::currency::UnionOf<
	Balances,
	commerce_primitives::currency::AssetsWithHolds<Assets, AssetsHolder>,
	CmrcFromLeft,
	Currency,
	AccountId,
>;

/// The holders of every currency, for `try_state`.
pub struct MockHolders;
impl
	commerce_primitives::currency::CurrencyHoldersOf<
		Currency,
		AccountId,
		RuntimeHoldReason,
		Balance,
	> for MockHolders
{
	fn holders(reason: &RuntimeHoldReason) -> Vec<(Currency, AccountId, Balance)> {
		use commerce_primitives::{currency::AssetsHolderHolders, HoldersOf};
		commerce_primitives::BalancesHolders::<Test>::holders(reason)
			.into_iter()
			.map(|(who, amount)| (CMRC, who, amount))
			.chain(AssetsHolderHolders::<
				AssetsHolder,
				Currency,
				AccountId,
				RuntimeHoldReason,
				Balance,
			>::holders(reason))
			.collect()
	}
}

/// Payments move to [`ESCROW_POT`] and back; the record lives in storage so that a failed
/// dispatch rolls it back like real storage.
pub struct MockEscrow;

#[frame_support::storage_alias]
pub type MockEscrows =
	StorageMap<MockEscrow, frame_support::Twox64Concat, OrderId, (AccountId, AccountId, Balance)>;

/// The currency each mock escrow was held in (the mock moves native balances for all).
#[frame_support::storage_alias]
pub type MockEscrowCurrency =
	StorageMap<MockEscrow, frame_support::Twox64Concat, OrderId, Currency>;

/// Currency ids of the test runtime: [`CMRC`] the native token, [`STABLE`] an accepted asset
/// worth [`STABLE_RATE`] native units a unit, anything else not accepted.
pub type Currency = u32;
pub const CMRC: Currency = 0;
pub const STABLE: Currency = 7;
pub const STABLE_RATE: Balance = 3;

/// Whether [`STABLE`] has a rate now (a test withdraws it).
#[frame_support::storage_alias]
pub type StableUnrated = StorageValue<MockCurrencies, bool, ValueQuery>;

pub struct MockCurrencies;
impl commerce_primitives::AcceptedCurrencies<Currency, Balance> for MockCurrencies {
	fn is_accepted(currency: &Currency) -> bool {
		*currency == CMRC || *currency == STABLE
	}

	fn native_value(currency: &Currency, amount: Balance) -> Option<Balance> {
		match *currency {
			CMRC => Some(amount),
			STABLE if !StableUnrated::get() => amount.checked_mul(STABLE_RATE),
			_ => None,
		}
	}

	fn from_native(currency: &Currency, native: Balance) -> Option<Balance> {
		match *currency {
			CMRC => Some(native),
			STABLE if !StableUnrated::get() => Some(native.div_ceil(STABLE_RATE)),
			_ => None,
		}
	}
}

impl Escrow<AccountId, Currency, Balance> for MockEscrow {
	fn hold(
		order: OrderId,
		buyer: &AccountId,
		vendor: &AccountId,
		currency: Currency,
		amount: Balance,
	) -> DispatchResult {
		ensure!(!MockEscrows::contains_key(order), DispatchError::Other("already escrowed"));
		Balances::transfer(buyer, &ESCROW_POT, amount, Preservation::Preserve)?;
		MockEscrows::insert(order, (*buyer, *vendor, amount));
		MockEscrowCurrency::insert(order, currency);
		Ok(())
	}

	fn currency_of(order: OrderId) -> Option<Currency> {
		MockEscrows::contains_key(order).then(|| MockEscrowCurrency::get(order)).flatten()
	}

	fn refund(order: OrderId, amount: Balance) -> DispatchResult {
		let (buyer, vendor, held) =
			MockEscrows::get(order).ok_or(DispatchError::Other("no escrow"))?;
		ensure!(amount > 0 && amount < held, DispatchError::Other("not a partial refund"));
		Balances::transfer(&ESCROW_POT, &buyer, amount, Preservation::Expendable)?;
		MockEscrows::insert(order, (buyer, vendor, held - amount));
		Ok(())
	}

	fn release(order: OrderId) -> Result<Balance, DispatchError> {
		Self::settle(order, 0)
	}

	fn settle(order: OrderId, to_buyer: Balance) -> Result<Balance, DispatchError> {
		let (buyer, vendor, amount) =
			MockEscrows::take(order).ok_or(DispatchError::Other("no escrow"))?;
		ensure!(to_buyer <= amount, DispatchError::Other("split above escrow"));
		if to_buyer > 0 {
			Balances::transfer(&ESCROW_POT, &buyer, to_buyer, Preservation::Expendable)?;
		}
		if amount > to_buyer {
			Balances::transfer(&ESCROW_POT, &vendor, amount - to_buyer, Preservation::Expendable)?;
		}
		Ok(to_buyer)
	}

	fn escrowed(order: OrderId) -> Option<Balance> {
		MockEscrows::get(order).map(|(_, _, amount)| amount)
	}

	fn payout_weight() -> Weight {
		PayoutWeight::get()
	}

	fn payout_weight_of(order: OrderId) -> Weight {
		// The mock splits the orders a test marks.
		if SplitOrders::contains_key(order) {
			PayoutWeight::get()
		} else {
			Weight::zero()
		}
	}
}

/// Orders the mock escrow's splitter splits (charged [`PayoutWeight`] in the end).
#[frame_support::storage_alias]
pub type SplitOrders = StorageMap<MockEscrow, frame_support::Twox64Concat, OrderId, ()>;

/// What the mock escrow says a payout split costs (zero unless a test sets it): added to every
/// call that places or ends an order.
#[frame_support::storage_alias]
pub type PayoutWeight = StorageValue<MockEscrow, Weight, ValueQuery>;

pub struct MockVendors;

/// Vendors the mock registry has stopped from selling (set by tests).
#[frame_support::storage_alias]
pub type InactiveVendors = StorageMap<MockVendors, frame_support::Twox64Concat, AccountId, ()>;

/// Listings the mock registry has frozen (set by tests).
#[frame_support::storage_alias]
pub type FrozenListings = StorageMap<MockVendors, frame_support::Twox64Concat, ListingId, ()>;

impl VendorRegistry<AccountId> for MockVendors {
	fn is_active_vendor(who: &AccountId) -> bool {
		*who != BANNED && !InactiveVendors::contains_key(who)
	}
	fn may_change_listing(_: &AccountId, listing: ListingId) -> bool {
		!FrozenListings::contains_key(listing)
	}
}

/// Records what the orders pallet reports, in storage (rolled back with a failed dispatch).
pub struct MockObserver;

/// `(vendor, order, listing, quantity, total, native value)` per placed order, in order.
#[frame_support::storage_alias]
pub type ObservedPlaced = StorageValue<
	MockObserver,
	Vec<(AccountId, OrderId, ListingId, u32, Balance, Balance)>,
	ValueQuery,
>;

/// `(order, vendor, buyer, outcome, total, partially refunded, refunded at close, shipped)` per
/// closed order, in order.
#[frame_support::storage_alias]
pub type ObservedClosed = StorageValue<
	MockObserver,
	Vec<(OrderId, AccountId, AccountId, Outcome, Balance, Balance, Balance, bool)>,
	ValueQuery,
>;

impl OrderObserver<AccountId, Balance> for MockObserver {
	fn order_placed(
		vendor: &AccountId,
		order: OrderId,
		listing: ListingId,
		quantity: u32,
		total: Balance,
		value: Balance,
	) {
		ObservedPlaced::mutate(|placed| {
			placed.push((*vendor, order, listing, quantity, total, value))
		});
	}
	fn order_closed(r: &OrderReport<AccountId, Balance>) {
		ObservedClosed::mutate(|closed| {
			closed.push((
				r.order,
				r.vendor,
				r.buyer,
				r.outcome,
				r.total,
				r.partially_refunded,
				r.refunded_at_close,
				r.shipped,
			))
		});
	}
}

/// Records each time an order takes a listing's stock down (rolled back with a failed
/// dispatch) and reports [`REPLENISH_WEIGHT`] used when the stock is at or below
/// [`MOCK_REORDER_POINT`], nothing otherwise.
pub struct MockReplenisher;

/// `(listing, vendor, stock)` per call, in order.
#[frame_support::storage_alias]
pub type StockFell = StorageValue<MockReplenisher, Vec<(ListingId, AccountId, u32)>, ValueQuery>;

/// The stock at or below which the mock replenisher "raises" (reports work).
pub const MOCK_REORDER_POINT: u32 = 5;
/// The weight the mock replenisher uses when it raises.
pub const REPLENISH_WEIGHT: Weight = Weight::from_parts(7_000, 70);

impl commerce_primitives::Replenisher<AccountId> for MockReplenisher {
	fn stock_fell(listing: ListingId, vendor: &AccountId, stock: u32) -> Weight {
		StockFell::mutate(|calls| calls.push((listing, *vendor, stock)));
		if stock <= MOCK_REORDER_POINT {
			REPLENISH_WEIGHT
		} else {
			Weight::zero()
		}
	}

	fn max_weight() -> Weight {
		REPLENISH_WEIGHT
	}
}

ord_parameter_types! {
	pub const Oracle: AccountId = ORACLE;
	pub const Governance: AccountId = GOVERNANCE;
}

parameter_types! {
	pub const ListingDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Orders(pallet_orders::HoldReason::ListingDeposit);
	pub const OrderDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Orders(pallet_orders::HoldReason::OrderDeposit);
}

/// Listing deposit: 10 plus 1 per byte.
pub type ListingDeposit = HoldConsideration<
	AccountId,
	Balances,
	ListingDepositReason,
	LinearStoragePrice<ConstU64<10>, ConstU64<1>, Balance>,
>;
/// Order deposit: 5 native units, in the order's currency (2 [`STABLE`] at its rate of 3), and
/// 1 more per byte a sealed delivery address adds to the footprint.
pub type OrderDeposit = commerce_primitives::currency::HoldInCurrency<
	NativeAndAssets,
	OrderDepositReason,
	OrderPrice,
	MockCurrencies,
>;

/// 5 for an order's footprint, plus 1 per byte above it.
pub struct OrderPrice;
impl sp_runtime::traits::Convert<frame_support::traits::Footprint, Balance> for OrderPrice {
	fn convert(footprint: frame_support::traits::Footprint) -> Balance {
		let order = pallet_orders::Pallet::<Test>::order_footprint().size;
		5 + footprint.size.saturating_sub(order)
	}
}

/// The order deposit, in the native token, of an order with a sealed address of `len` bytes:
/// 5, and the address item's bytes (key 8, length prefix up to 5, the ciphertext).
pub const fn sealed_order_deposit(len: u64) -> Balance {
	5 + 8 + 5 + len
}
/// The order deposit in [`STABLE`].
pub const STABLE_ORDER_DEPOSIT: Balance = 2;

pub const MIN_SHIP_WINDOW: u64 = 2;
pub const MIN_CONFIRM_WINDOW: u64 = 15;
pub const MAX_WINDOW: u64 = 1_000;
pub const MAX_METADATA: u32 = 64;

parameter_types! {
	pub const NativeCurrency: Currency = CMRC;
}

impl pallet_orders::Config for Test {
	type Currency = Balances;
	type CurrencyId = Currency;
	type Currencies = MockCurrencies;
	type NativeCurrency = NativeCurrency;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ListingDeposit = ListingDeposit;
	type OrderDeposit = OrderDeposit;
	type Escrow = MockEscrow;
	type VendorRegistry = MockVendors;
	type Observer = MockObserver;
	type Replenisher = MockReplenisher;
	type DeliveryOracleOrigin = EnsureSignedBy<Oracle, AccountId>;
	type GovernanceOrigin = EnsureSignedBy<Governance, AccountId>;
	type Holders = MockHolders;
	type MaxMetadataLen = ConstU32<MAX_METADATA>;
	type MinShipWindow = ConstU64<MIN_SHIP_WINDOW>;
	type DefaultMinConfirmWindow = ConstU64<MIN_CONFIRM_WINDOW>;
	type MaxWindow = ConstU64<MAX_WINDOW>;
	type MaxOrdersPage = ConstU32<10>;
	type MaxSealedDelivery = ConstU32<64>;
	type WeightInfo = MockWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCurrency = MockCurrencies;
}

/// The benchmarks pay in [`STABLE`]; the mock escrow keeps every currency in `Balances`, so
/// both are funded.
#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, Currency, Balance> for MockCurrencies {
	fn dearest() -> Currency {
		STABLE
	}
	fn fund(who: &AccountId, currency: &Currency, amount: Balance) {
		use frame_support::traits::{fungible, fungibles};
		// The mock escrow pays in native balances; the deposit is held in the currency.
		<Balances as fungible::Mutate<_>>::set_balance(who, amount);
		<NativeAndAssets as fungibles::Mutate<_>>::set_balance(*currency, who, amount);
	}
}

/// The generated weights, except that `on_idle` costs a fixed amount per visited block and per
/// order, so that tests can give it a budget for exactly some orders.
pub struct MockWeights;
pub const IDLE_PER_BLOCK: Weight = Weight::from_parts(1_000, 100);
pub const IDLE_PER_ORDER: Weight = Weight::from_parts(10_000, 1_000);
impl pallet_orders::WeightInfo for MockWeights {
	fn create_listing() -> Weight {
		<() as pallet_orders::WeightInfo>::create_listing()
	}
	fn update_listing() -> Weight {
		<() as pallet_orders::WeightInfo>::update_listing()
	}
	fn delist() -> Weight {
		<() as pallet_orders::WeightInfo>::delist()
	}
	fn place_order() -> Weight {
		<() as pallet_orders::WeightInfo>::place_order()
	}
	fn place_sealed_order() -> Weight {
		<() as pallet_orders::WeightInfo>::place_sealed_order()
	}
	fn cancel_order() -> Weight {
		<() as pallet_orders::WeightInfo>::cancel_order()
	}
	fn ship_order() -> Weight {
		<() as pallet_orders::WeightInfo>::ship_order()
	}
	fn confirm_delivery() -> Weight {
		<() as pallet_orders::WeightInfo>::confirm_delivery()
	}
	fn attest_delivery() -> Weight {
		<() as pallet_orders::WeightInfo>::attest_delivery()
	}
	fn refund_order() -> Weight {
		<() as pallet_orders::WeightInfo>::refund_order()
	}
	fn process_overdue_unshipped() -> Weight {
		<() as pallet_orders::WeightInfo>::process_overdue_unshipped()
	}
	fn process_overdue_unconfirmed() -> Weight {
		<() as pallet_orders::WeightInfo>::process_overdue_unconfirmed()
	}
	fn on_idle_unshipped(n: u32) -> Weight {
		IDLE_PER_BLOCK.saturating_add(IDLE_PER_ORDER.saturating_mul(n.into()))
	}
	fn on_idle_unconfirmed(n: u32) -> Weight {
		// Cheaper than the unshipped path: `on_idle` must charge the costlier one.
		IDLE_PER_BLOCK.saturating_add((IDLE_PER_ORDER / 2).saturating_mul(n.into()))
	}
	fn set_min_confirm_window() -> Weight {
		<() as pallet_orders::WeightInfo>::set_min_confirm_window()
	}
}

/// Accounts endowed with [`INITIAL`] (POOR with 100), at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(VENDOR, INITIAL),
			(BUYER, INITIAL),
			(BUYER2, INITIAL),
			(BUYER3, INITIAL),
			(POOR, 100),
			(BANNED, INITIAL),
			(ORACLE, INITIAL),
			(GOVERNANCE, INITIAL),
			(ESCROW_POT, 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(STABLE, GOVERNANCE, true, 1)],
		accounts: vec![(STABLE, BUYER, INITIAL), (STABLE, BUYER2, INITIAL), (STABLE, POOR, 100)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` in fresh externalities, then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Orders::do_try_state().expect("invariants hold");
	});
}
