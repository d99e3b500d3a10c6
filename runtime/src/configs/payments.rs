//! Currencies other than CMRC: the consortium's assets (`pallet_assets`) and holds on them
//! (`pallet_assets_holder`), so that a stablecoin can be held like a balance.
//!
//! - **Who creates assets.** The council alone (`force_create`, a two-thirds motion or root):
//!   the permissionless `create` is closed. A consortium's own token is created with the
//!   issuer the council names as its owner; that account mints and burns it with
//!   `assets.mint`/`assets.burn`, and the council can change the team (`force_set_team`) or
//!   freeze the asset.
//! - **Ids.** Asset ids are `u32`. [`USDT_ASSET_ID`] and [`USDC_ASSET_ID`] are reserved for Asset
//!   Hub's USDT and USDC (the ids Asset Hub itself gives them): XCM credits those two ids, and
//!   only those, from a reserve transfer whose origin is Asset Hub
//!   (`xcm_config::ForeignStablecoins`). Every other id is a local asset, which XCM never
//!   touches. A `u32` rather than the XCM location as the key keeps every escrow record and
//!   storage key that names a currency small.
//! - **Rates.** The council sets each asset's rate to CMRC (`pallet_asset_rate`:
//!   `assetRate.create/update/remove`, CMRC planck per smallest unit of the asset). A rate
//!   makes the asset council-approved for commerce: the value it is weighed at where amounts in
//!   several currencies meet (vendor KPIs), and the price of fees paid in it.
//! - **Deposits.** `force_create` takes none; metadata and approvals take the usual storage
//!   deposits in CMRC. The accepted assets are sufficient: an account holding only a stablecoin
//!   exists without CMRC, so a buyer who holds nothing else can be paid back.

use super::CouncilTwoThirds;
use crate::{
	deposit, AccountId, AssetRate, Assets, AssetsHolder, Balance, Balances, Runtime, RuntimeEvent,
	RuntimeHoldReason, EXISTENTIAL_DEPOSIT,
};
use commerce_primitives::{
	currency::{
		AssetsHolderHolders, AssetsWithHolds, NativeFromLeft, NativeOrWithId, UnionHolders, UnionOf,
	},
	BalancesHolders,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, EitherOfDiverse, NeverEnsureOrigin},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::AccountIdConversion;

/// Identifies an asset of `pallet_assets`.
pub type AssetId = u32;

/// Names a currency of commerce: CMRC (`Native`) or an asset (`WithId(id)`).
pub type CurrencyId = NativeOrWithId<AssetId>;

/// Every currency behind one `fungibles` interface, holds included: CMRC from `Balances`, the
/// assets from `Assets` with their holds in `AssetsHolder`.
pub type NativeAndAssets =
	UnionOf<Balances, AssetsWithHolds<Assets, AssetsHolder>, NativeFromLeft, CurrencyId, AccountId>;

/// Every account with funds on hold for a reason, per currency (for `try_state`).
pub type CurrencyHolders = UnionHolders<
	BalancesHolders<Runtime>,
	AssetsHolderHolders<AssetsHolder, AssetId, AccountId, RuntimeHoldReason, Balance>,
>;

parameter_types! {
	/// CMRC, as a currency of commerce.
	pub const NativeCurrency: CurrencyId = NativeOrWithId::Native;
}

/// The currencies listings may be priced in: CMRC, and every live asset the council gave a
/// rate to CMRC (`assetRate.create`). The rate is what an order in the asset is worth in CMRC
/// when it is placed (vendor KPIs, profit-sharing thresholds); removing it (or freezing the
/// asset) stops new listings and orders in the asset, while open orders run to their end.
pub struct CommerceCurrencies;

impl CommerceCurrencies {
	/// The council's rate for `asset`, if it is live and has one.
	fn rate(asset: &AssetId) -> Option<sp_runtime::FixedU128> {
		let live = pallet_assets::Asset::<Runtime>::get(asset)
			.is_some_and(|details| details.status == pallet_assets::AssetStatus::Live);
		live.then(|| pallet_asset_rate::ConversionRateToNative::<Runtime>::get(asset)).flatten()
	}
}

impl commerce_primitives::AcceptedCurrencies<CurrencyId, Balance> for CommerceCurrencies {
	fn is_accepted(currency: &CurrencyId) -> bool {
		match currency {
			NativeOrWithId::Native => true,
			NativeOrWithId::WithId(asset) => Self::rate(asset).is_some(),
		}
	}

	fn native_value(currency: &CurrencyId, amount: Balance) -> Option<Balance> {
		use sp_runtime::FixedPointNumber;
		match currency {
			NativeOrWithId::Native => Some(amount),
			NativeOrWithId::WithId(asset) => {
				Self::rate(asset).map(|rate| rate.saturating_mul_int(amount))
			},
		}
	}

	fn from_native(currency: &CurrencyId, native: Balance) -> Option<Balance> {
		use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, FixedPointNumber};
		match currency {
			NativeOrWithId::Native => Some(native),
			// native / rate, rounded up: `native * DIV / inner(rate)`.
			NativeOrWithId::WithId(asset) => Self::rate(asset).and_then(|rate| {
				multiply_by_rational_with_rounding(
					native,
					sp_runtime::FixedU128::DIV,
					rate.into_inner(),
					sp_runtime::Rounding::Up,
				)
			}),
		}
	}
}

/// The currency the commerce benchmarks pay in: USDC, given a rate if it has none, on a chain
/// that has it (every preset does); CMRC on a chain without it (the benchmark-only preset
/// `benchmark-native`). `scripts/bench.sh` runs the commerce pallets in both, and the runtime
/// charges the larger figure of each (`weights::Larger`): which one costs more differs per call
/// and per dimension (an asset payment reads the asset's details and rate and writes asset
/// accounts and holds; a CMRC one touches the larger native account and holds records).
#[cfg(feature = "runtime-benchmarks")]
pub struct DearestCurrency;

/// Give USDC a rate if it has none: 1 USDC (10^6 units) = 1 CMRC (10^12 planck).
#[cfg(feature = "runtime-benchmarks")]
fn rate_usdc() {
	if pallet_asset_rate::ConversionRateToNative::<Runtime>::get(USDC_ASSET_ID).is_none() {
		pallet_asset_rate::ConversionRateToNative::<Runtime>::insert(
			USDC_ASSET_ID,
			sp_runtime::FixedU128::from_u32(1_000_000),
		);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, CurrencyId, Balance> for DearestCurrency {
	fn dearest() -> CurrencyId {
		if !pallet_assets::Asset::<Runtime>::contains_key(USDC_ASSET_ID) {
			return NativeOrWithId::Native;
		}
		rate_usdc();
		NativeOrWithId::WithId(USDC_ASSET_ID)
	}

	fn fund(who: &AccountId, currency: &CurrencyId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		NativeAndAssets::set_balance(currency.clone(), who, amount);
	}
}

/// Transaction fees paid in an asset (`ChargeAssetTxPayment` with an `asset_id`) go to the
/// block's author in that asset, as CMRC fees reach the authors through the collators' pot. An
/// author that cannot take so little of the asset (no account of it, and the fee below its
/// minimum balance) leaves it to the collators' pot; only if the pot cannot take it either is
/// the fee burned. The development presets give the pot the test stablecoin's minimum balance;
/// a consortium sends the pot each fee asset's minimum balance when the council rates it.
pub struct AssetFeesToAuthor;

impl pallet_asset_tx_payment::HandleCredit<AccountId, Assets> for AssetFeesToAuthor {
	fn handle_credit(credit: frame_support::traits::fungibles::Credit<AccountId, Assets>) {
		use frame_support::traits::fungibles::Balanced;
		let credit = match pallet_authorship::Pallet::<Runtime>::author() {
			Some(author) => match Assets::resolve(&author, credit) {
				Ok(()) => return,
				Err(credit) => credit,
			},
			None => credit,
		};
		let pot = pallet_collator_selection::Pallet::<Runtime>::account_id();
		// What neither can take is dropped: the asset's issuance falls by it.
		let _ = Assets::resolve(&pot, credit);
	}
}

impl pallet_asset_tx_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Fungibles = Assets;
	// The fee in an asset is the CMRC fee at the council's rate (`pallet_asset_rate`, rounded
	// down, at least one unit): only rated assets pay fees.
	type OnChargeAssetTransaction =
		pallet_asset_tx_payment::FungiblesAdapter<AssetRate, AssetFeesToAuthor>;
	// Measured here by `scripts/bench.sh` (paying in USDC and in CMRC).
	type WeightInfo = crate::weights::pallet_asset_tx_payment::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AssetTxPaymentBenchmarks;
}

/// Benchmarks pay fees in USDC, given a rate and funds.
#[cfg(feature = "runtime-benchmarks")]
pub struct AssetTxPaymentBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_asset_tx_payment::BenchmarkHelperTrait<AccountId, AssetId, AssetId>
	for AssetTxPaymentBenchmarks
{
	fn create_asset_id_parameter(_: u32) -> (AssetId, AssetId) {
		rate_usdc();
		(USDC_ASSET_ID, USDC_ASSET_ID)
	}

	fn setup_balances_and_pool(asset: AssetId, account: AccountId) {
		use commerce_primitives::BenchmarkCurrency;
		// CMRC for the native path's fee, the asset for the asset path's.
		DearestCurrency::fund(&account, &NativeOrWithId::Native, 1_000 * crate::UNIT);
		DearestCurrency::fund(&account, &NativeOrWithId::WithId(asset), 1_000_000 * 1_000_000);
		// The author and the pot hold the asset already, as on a chain that takes fees in it.
		let pot = pallet_collator_selection::Pallet::<Runtime>::account_id();
		DearestCurrency::fund(&pot, &NativeOrWithId::WithId(asset), STABLECOIN_MIN_BALANCE);
	}
}

/// Asset Hub's USDT: its id there, and its id here.
pub const USDT_ASSET_ID: AssetId = 1984;
/// Asset Hub's USDC: its id there, and its id here.
pub const USDC_ASSET_ID: AssetId = 1337;
/// The decimals of USDT and USDC (and of the development presets' test stablecoin).
pub const STABLECOIN_DECIMALS: u8 = 6;
/// The smallest balance an account may hold of USDT or USDC here: 0.01.
pub const STABLECOIN_MIN_BALANCE: Balance = 10_000;

parameter_types! {
	/// What `create` would hold; `create` is closed (see the module docs), so it is never held.
	pub const AssetDeposit: Balance = deposit(1, 210);
	/// What an account of a non-sufficient asset holds; the accepted assets are sufficient.
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	/// The item part of an asset's metadata deposit.
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	/// The per-byte part of an asset's metadata deposit.
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
	/// What an approval (`approve_transfer`) holds.
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
	/// The id of the owner of the foreign assets.
	pub const ForeignAssetOwnerId: PalletId = PalletId(*b"cmrc/frn");
	/// The owner (admin, issuer, freezer) of USDT and USDC here: a keyless account, so that
	/// nobody can mint them but XCM from their reserve; the council acts on them with the
	/// `force_*` calls.
	pub ForeignAssetOwner: AccountId = ForeignAssetOwnerId::get().into_account_truncating();
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	// Accounts removed per `destroy_accounts` call.
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	// Nobody creates assets by a signed call; the council uses `force_create`.
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	// Holds on assets (escrow's, once commerce pays in them) live in `pallet_assets_holder`.
	type Holder = AssetsHolder;
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_assets_holder::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

impl pallet_asset_rate::Config for Runtime {
	type WeightInfo = pallet_asset_rate::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type CreateOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type RemoveOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type UpdateOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type Currency = Balances;
	type AssetKind = AssetId;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
