//! XCM configuration.
//!
//! commerce-chain speaks XCM with its relay chain and sibling parachains so that it can join the
//! network as a parachain (version negotiation, HRMP channel management, messages from the relay
//! chain), and so that Asset Hub's USDT and USDC can arrive:
//!
//! - **Foreign stablecoins.** Asset Hub is trusted as the reserve of its USDT and USDC, and of
//!   nothing else: a reserve transfer from Asset Hub (`ReserveAssetDeposited`, `BuyExecution`,
//!   `DepositAsset`) mints them here as the assets [`USDT_ASSET_ID`] and [`USDC_ASSET_ID`]
//!   ([`ForeignStablecoins`]), backed one for one by what Asset Hub keeps in this chain's
//!   sovereign account. The same assets claimed by any other origin are refused, and no other
//!   asset id is ever credited by XCM. Execution is paid in the transferred stablecoin at a
//!   fixed rate ([`UsdtFeeRate`], [`UsdcFeeRate`]); that fee is not minted here, so it stays in
//!   the sovereign account on Asset Hub, over-backing the supply here.
//! - The chain is not a reserve or teleport location for any asset: transfers out of the chain
//!   are not offered, and no account sends or executes XCM by extrinsic (`pallet_xcm`'s user
//!   calls are closed), because the XCM weights are not benchmarked for this runtime yet.
//!   `pallet_xcm`'s administrative `force_*` calls stay with `Root`.

use super::{
	AccountId, AssetId, Balances, ParachainSystem, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, WeightToFee, XcmpQueue, USDC_ASSET_ID, USDT_ASSET_ID,
};
use crate::{
	deposit, AllPalletsWithSystem, Assets, Balance, ParachainInfo, PolkadotXcm, RuntimeHoldReason,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU32, Contains, ContainsPair, Everything,
		LinearStoragePrice, Nothing,
	},
	weights::Weight,
};
use frame_system::EnsureRoot;
use pallet_xcm::XcmPassthrough;
use polkadot_parachain_primitives::primitives::Sibling;
use xcm::latest::prelude::*;
use xcm_builder::{
	AccountId32Aliases, AllowExplicitUnpaidExecutionFrom, AllowKnownQueryResponses,
	AllowSubscriptionsFrom, AllowTopLevelPaidExecutionFrom, DenyRecursively,
	DenyReserveTransferToRelayChain, DenyThenTry, EnsureXcmOrigin, FixedRateOfFungible,
	FixedWeightBounds, FrameTransactionalProcessor, FungibleAdapter, FungiblesAdapter, IsConcrete,
	NativeAsset, NoChecking, ParentIsPreset, RelayChainAsNative, SiblingParachainAsNative,
	SiblingParachainConvertsVia, SignedAccountId32AsNative, SignedToAccountId32,
	SovereignSignedViaLocation, TakeWeightCredit, TrailingSetTopicAsId, UsingComponents,
	WithComputedOrigin, WithUniqueTopic,
};
use xcm_executor::{
	traits::{Error as MatchError, MatchesFungibles},
	XcmExecutor,
};

parameter_types! {
	pub const RelayLocation: Location = Location::parent();
	pub const HereLocation: Location = Location::here();
	pub const RelayNetwork: Option<NetworkId> = None;
	pub RelayChainOrigin: RuntimeOrigin = cumulus_pallet_xcm::Origin::Relay.into();
	pub UniversalLocation: InteriorLocation = Parachain(ParachainInfo::parachain_id().into()).into();
	/// The cost of one XCM instruction. XCM execution is not benchmarked for this runtime yet;
	/// this is the conservative figure the Cumulus templates use.
	pub UnitWeightCost: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
	pub const MaxInstructions: u32 = 100;
	pub const MaxAssetsIntoHolding: u32 = 64;
}

/// How an XCM location maps to a local account.
pub type LocationToAccountId = (
	// The relay chain's sovereign account is the default account.
	ParentIsPreset<AccountId>,
	// A sibling parachain's sovereign account.
	SiblingParachainConvertsVia<Sibling, AccountId>,
	// A plain 32-byte account on this chain.
	AccountId32Aliases<RelayNetwork, AccountId>,
);

/// The native token, as an XCM asset at `Here`.
pub type LocalAssetTransactor =
	FungibleAdapter<Balances, IsConcrete<HereLocation>, LocationToAccountId, AccountId, ()>;

/// Asset Hub's parachain id.
pub const ASSET_HUB_PARA_ID: u32 = 1000;
/// The index of Asset Hub's trust-backed assets pallet, where USDT and USDC live.
pub const ASSET_HUB_ASSETS_PALLET: u8 = 50;

parameter_types! {
	/// Asset Hub, the reserve of the foreign stablecoins.
	pub AssetHubLocation: Location = Location::new(1, [Parachain(ASSET_HUB_PARA_ID)]);
	/// USDT as XCM names it.
	pub UsdtLocation: Location = ForeignStablecoins::location(USDT_ASSET_ID);
	/// USDC as XCM names it.
	pub UsdcLocation: Location = ForeignStablecoins::location(USDC_ASSET_ID);
	/// XCM execution paid in USDT: 1 USDT (6 decimals) per second of weight and 0.1 USDT per
	/// megabyte of proof: 0.03625 USDT for a reserve transfer's five instructions.
	pub UsdtFeeRate: (xcm::latest::AssetId, u128, u128) =
		(xcm::latest::AssetId(UsdtLocation::get()), 1_000_000, 100_000);
	/// XCM execution paid in USDC, at USDT's rate.
	pub UsdcFeeRate: (xcm::latest::AssetId, u128, u128) =
		(xcm::latest::AssetId(UsdcLocation::get()), 1_000_000, 100_000);
	/// Required by the assets transactor's type; unused, as nothing is teleported.
	pub CheckingAccount: AccountId = PolkadotXcm::check_account();
}

/// The foreign assets the chain accepts, each from its reserve only: Asset Hub's USDT and USDC,
/// `(1, [Parachain(1000), PalletInstance(50), GeneralIndex(id)])`, as the local assets of the
/// same id. Matches nothing else, so no other asset of `pallet_assets` is ever credited or
/// debited by XCM.
pub struct ForeignStablecoins;

impl ForeignStablecoins {
	/// The ids of the accepted foreign assets.
	pub const IDS: [AssetId; 2] = [USDT_ASSET_ID, USDC_ASSET_ID];

	/// Where Asset Hub keeps the asset it numbers `id`.
	pub fn location(id: AssetId) -> Location {
		Location::new(
			1,
			[
				Parachain(ASSET_HUB_PARA_ID),
				PalletInstance(ASSET_HUB_ASSETS_PALLET),
				GeneralIndex(id.into()),
			],
		)
	}

	/// The local id of the accepted foreign asset at `location`.
	pub fn id_of(location: &Location) -> Option<AssetId> {
		match location.unpack() {
			(
				1,
				[Parachain(ASSET_HUB_PARA_ID), PalletInstance(ASSET_HUB_ASSETS_PALLET), GeneralIndex(index)],
			) => Self::IDS.into_iter().find(|id| u128::from(*id) == *index),
			_ => None,
		}
	}
}

impl MatchesFungibles<AssetId, Balance> for ForeignStablecoins {
	fn matches_fungibles(asset: &Asset) -> Result<(AssetId, Balance), MatchError> {
		let id = Self::id_of(&asset.id.0).ok_or(MatchError::AssetNotHandled)?;
		match asset.fun {
			Fungible(amount) => Ok((id, amount)),
			NonFungible(_) => Err(MatchError::AssetNotHandled),
		}
	}
}

/// Asset Hub is the reserve of the accepted foreign assets, and of nothing else.
impl ContainsPair<Asset, Location> for ForeignStablecoins {
	fn contains(asset: &Asset, origin: &Location) -> bool {
		*origin == AssetHubLocation::get() && Self::id_of(&asset.id.0).is_some()
	}
}

/// The accepted foreign assets, minted on arrival into `pallet_assets`.
pub type ForeignAssetTransactor = FungiblesAdapter<
	Assets,
	ForeignStablecoins,
	LocationToAccountId,
	AccountId,
	NoChecking,
	CheckingAccount,
>;

/// Every asset XCM can move here: CMRC, then the foreign stablecoins.
pub type AssetTransactors = (LocalAssetTransactor, ForeignAssetTransactor);

/// How an XCM origin becomes a dispatch origin for `Transact`. The relay chain is not made
/// superuser: the council alone governs the chain.
pub type XcmOriginToTransactDispatchOrigin = (
	SovereignSignedViaLocation<LocationToAccountId, RuntimeOrigin>,
	RelayChainAsNative<RelayChainOrigin, RuntimeOrigin>,
	SiblingParachainAsNative<cumulus_pallet_xcm::Origin, RuntimeOrigin>,
	SignedAccountId32AsNative<RelayNetwork, RuntimeOrigin>,
	XcmPassthrough<RuntimeOrigin>,
);

/// The relay chain, or one of its plurality bodies.
pub struct ParentOrParentsPlurality;
impl Contains<Location> for ParentOrParentsPlurality {
	fn contains(location: &Location) -> bool {
		matches!(location.unpack(), (1, []) | (1, [Plurality { .. }]))
	}
}

/// Which incoming messages execute at all.
pub type Barrier = TrailingSetTopicAsId<
	DenyThenTry<
		DenyRecursively<DenyReserveTransferToRelayChain>,
		(
			TakeWeightCredit,
			AllowKnownQueryResponses<PolkadotXcm>,
			WithComputedOrigin<
				(
					AllowTopLevelPaidExecutionFrom<Everything>,
					AllowExplicitUnpaidExecutionFrom<ParentOrParentsPlurality>,
					AllowSubscriptionsFrom<Everything>,
				),
				UniversalLocation,
				ConstU32<8>,
			>,
		),
	>,
>;

/// The XCM executor's configuration.
pub struct XcmConfig;
impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = AssetTransactors;
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	// A chain is the reserve of its own native token; Asset Hub of its USDT and USDC.
	type IsReserve = (NativeAsset, ForeignStablecoins);
	type IsTeleporter = ();
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;
	// Execution is paid in CMRC, or in the foreign stablecoin a reserve transfer brings.
	type Trader = (
		UsingComponents<WeightToFee, HereLocation, AccountId, Balances, ()>,
		FixedRateOfFungible<UsdtFeeRate, ()>,
		FixedRateOfFungible<UsdcFeeRate, ()>,
	);
	type ResponseHandler = PolkadotXcm;
	type AssetTrap = PolkadotXcm;
	type SubscriptionService = PolkadotXcm;
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	type AssetLocker = ();
	type AssetExchanger = ();
	type FeeManager = ();
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	type SafeCallFilter = Everything;
	type Aliasers = Nothing;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = PolkadotXcm;
}

/// Local signed origins as XCM locations.
pub type LocalOriginToLocation = SignedToAccountId32<RuntimeOrigin, AccountId, RelayNetwork>;

/// Where outgoing messages go: UMP to the relay chain, XCMP to siblings.
pub type XcmRouter =
	WithUniqueTopic<(cumulus_primitives_utility::ParentAsUmp<ParachainSystem, (), ()>, XcmpQueue)>;

parameter_types! {
	pub const AliasDepositPerItem: Balance = deposit(1, 0);
	pub const AliasDepositPerByte: Balance = deposit(0, 1);
	pub const AuthorizeAliasHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::PolkadotXcm(pallet_xcm::HoldReason::AuthorizeAlias);
}

impl pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// No origin converts to a location: user sends and executes are closed (see module docs).
	type SendXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, ()>;
	type XcmRouter = XcmRouter;
	type ExecuteXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, ()>;
	type XcmExecuteFilter = Nothing;
	type XcmExecutor = XcmExecutor<XcmConfig>;
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = Nothing;
	type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;
	type UniversalLocation = UniversalLocation;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	const VERSION_DISCOVERY_QUEUE_SIZE: u32 = 100;
	type AdvertisedXcmVersion = pallet_xcm::CurrentXcmVersion;
	type Currency = Balances;
	type CurrencyMatcher = ();
	type TrustedLockers = ();
	type SovereignAccountOf = LocationToAccountId;
	type MaxLockers = ConstU32<8>;
	// pallet-xcm ships no generated weights; its calls are root-only here (see module docs).
	type WeightInfo = pallet_xcm::TestWeightInfo;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxRemoteLockConsumers = ConstU32<0>;
	type RemoteLockConsumerIdentifier = ();
	type AuthorizedAliasConsideration = HoldConsideration<
		AccountId,
		Balances,
		AuthorizeAliasHoldReason,
		LinearStoragePrice<AliasDepositPerItem, AliasDepositPerByte, Balance>,
	>;
}

impl cumulus_pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type XcmExecutor = XcmExecutor<XcmConfig>;
}
