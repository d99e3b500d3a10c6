//! Test runtime: `frame_system`, `pallet_balances`, `pallet_assets` with
//! `pallet_assets_holder` (a test stablecoin) and the escrow pallet, with mock orders and a
//! configurable payout splitter. Escrow moves both currencies through the runtime's union.

use crate as pallet_escrow;
use commerce_primitives::{
	currency::{AssetsHolderHolders, AssetsWithHolds, NativeFromLeft, NativeOrWithId, UnionOf},
	BalancesHolders, OrderDisputes, OrderId, Payees, PayoutSplitter,
};
use frame_support::{
	derive_impl, ensure, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, EnsureOrigin},
	weights::Weight,
	BoundedVec, Twox64Concat,
};
use frame_system::{EnsureRoot, EnsureSigned, RawOrigin};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const VENDOR: AccountId = 1;
pub const BUYER: AccountId = 2;
pub const OTHER: AccountId = 3;
pub const SUPPLIER: AccountId = 4;
pub const ARBITER: AccountId = 7;
pub const FEE_ACCOUNT: AccountId = 100;
/// An account that does not exist.
pub const NOBODY: AccountId = 555;
pub const INITIAL: Balance = 1_000_000;
pub const RULING_WINDOW: u64 = 30;
/// Blocks a payee has to claim an unclaimed payout.
pub const CLAIM_WINDOW: u64 = 20;
pub const MAX_FEE: Perbill = Perbill::from_percent(10);
/// The test stablecoin: sufficient, minimum balance [`USD_MIN`].
pub const USD: u32 = 7;
pub const USD_MIN: Balance = 5;
/// The currencies, as escrow names them.
pub const CMRC: Currency = NativeOrWithId::Native;
pub const STABLE: Currency = NativeOrWithId::WithId(USD);
pub type Currency = NativeOrWithId<u32>;

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
	pub type Escrow = pallet_escrow;
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
	type ExistentialDeposit = ConstU64<10>;
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

/// Orders as the escrow sees them: 1 = shipped (disputable), 2 = disputed.
#[frame_support::storage_alias]
pub type MockOrderStates = StorageMap<MockOrders, frame_support::Twox64Concat, OrderId, u8>;
/// The disputes the mock orders pallet was told are settled, with the buyer's part.
#[frame_support::storage_alias]
pub type MockSettled = StorageMap<MockOrders, frame_support::Twox64Concat, OrderId, Balance>;

/// Whether the settlement [`MockOrders`] was told of came from a ruling (`true`) or the fallback.
#[frame_support::storage_alias]
pub type MockRuled = StorageMap<MockOrders, frame_support::Twox64Concat, OrderId, bool>;

pub struct MockOrders;
impl OrderDisputes<AccountId, Balance> for MockOrders {
	fn open_dispute(order: OrderId, _: &AccountId) -> DispatchResult {
		ensure!(MockOrderStates::get(order) == Some(1), DispatchError::Other("not disputable"));
		MockOrderStates::insert(order, 2);
		Ok(())
	}

	fn dispute_settled(order: OrderId, refunded: Balance, ruled: bool) {
		MockSettled::insert(order, refunded);
		MockRuled::insert(order, ruled);
	}
}

/// How the mock splitter splits: `None` all to the vendor, `Some(x)` gives `x` to
/// [`SUPPLIER`], and `BROKEN` returns amounts that do not add up.
#[frame_support::storage_alias]
pub type SupplierShare = StorageValue<MockSplitter, Balance>;
pub const BROKEN: Balance = Balance::MAX;

pub struct MockSplitter;
impl PayoutSplitter<AccountId, Currency, Balance> for MockSplitter {
	type MaxPayees = ConstU32<2>;
	fn split(
		_: OrderId,
		vendor: &AccountId,
		_: &Currency,
		amount: Balance,
	) -> Payees<AccountId, Balance, ConstU32<2>> {
		let payees = match SupplierShare::get() {
			None => vec![(*vendor, amount)],
			Some(BROKEN) => vec![(*vendor, amount), (SUPPLIER, 1)],
			Some(share) => {
				vec![(*vendor, amount.saturating_sub(share)), (SUPPLIER, share.min(amount))]
			},
		};
		BoundedVec::truncate_from(payees)
	}

	fn paid(
		order: OrderId,
		_: &AccountId,
		buyer: &AccountId,
		_: &Currency,
		amount: Balance,
		received: &[(AccountId, Balance)],
	) {
		assert!(amount >= received.iter().map(|(_, paid)| paid).sum::<Balance>());
		Reported::insert(order, (*buyer, received.to_vec()));
	}

	fn weight() -> Weight {
		Weight::zero()
	}

	fn weight_of(_: OrderId) -> Weight {
		Weight::zero()
	}
}

/// What escrow reported to the splitter after each settlement: the buyer and what each payee
/// received.
#[frame_support::storage_alias]
pub type Reported =
	StorageMap<MockSplitter, Twox64Concat, OrderId, (AccountId, Vec<(AccountId, Balance)>)>;

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
	pub const FeeAccount: AccountId = FEE_ACCOUNT;
	pub const MaxFee: Perbill = MAX_FEE;
	pub const FallbackBuyerShare: Perbill = Perbill::from_percent(50);
	pub const Native: Currency = CMRC;
}

impl pallet_escrow::Config for Test {
	type Currency = NativeAndAssets;
	type NativeCurrency = Native;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Orders = MockOrders;
	type PayoutSplitter = MockSplitter;
	type FeeAccount = FeeAccount;
	type MaxFee = MaxFee;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type ArbitrationOrigin = MockArbitration;
	type RulingWindow = ConstU64<RULING_WINDOW>;
	type FallbackBuyerShare = FallbackBuyerShare;
	type ClaimWindow = ConstU64<CLAIM_WINDOW>;
	type Holders = commerce_primitives::currency::UnionHolders<
		BalancesHolders<Test>,
		AssetsHolderHolders<AssetsHolder, u32, AccountId, RuntimeHoldReason, Balance>,
	>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockOrders;
}

/// The benchmarks pay in the test stablecoin: its payments read and write more than CMRC's.
#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, Currency, Balance> for MockOrders {
	fn dearest() -> Currency {
		STABLE
	}
	fn fund(who: &AccountId, currency: &Currency, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(currency.clone(), who, amount);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_escrow::BenchmarkHelper<AccountId, Currency, Balance> for MockOrders {
	fn disputable_order(
		buyer: &AccountId,
		vendor: &AccountId,
		currency: Currency,
		amount: Balance,
	) -> OrderId {
		use commerce_primitives::BenchmarkCurrency;
		let order = MockOrderStates::iter_keys().count() as OrderId + 1_000;
		Self::fund(buyer, &currency, amount * 10);
		Self::fund(vendor, &currency, amount * 10);
		<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
			order, buyer, vendor, currency, amount,
		)
		.expect("the buyer can pay");
		MockOrderStates::insert(order, 1);
		order
	}
}

/// Endowed accounts at block 1, with no fee.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(VENDOR, INITIAL),
			(BUYER, INITIAL),
			(OTHER, INITIAL),
			(ARBITER, INITIAL),
			(FEE_ACCOUNT, INITIAL),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	// The stablecoin, owned by [`OTHER`]; the buyer and the vendor hold some, the fee account
	// none (it is created by its first fee).
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, OTHER, true, USD_MIN)],
		metadata: vec![(USD, b"Test Dollar".to_vec(), b"tUSD".to_vec(), 6)],
		accounts: vec![(USD, BUYER, INITIAL), (USD, VENDOR, INITIAL)],
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
		Escrow::do_try_state().expect("invariants hold");
	});
}
