//! # commerce-chain runtime
//!
//! The parachain runtime of commerce-chain: an application-specific chain on which the members of
//! an e-commerce consortium (retailers, vendors, suppliers, logistics firms) keep orders, escrowed
//! payments and revenue sharing.
//!
//! ## Layout
//! - [`configs`]: the configuration of every pallet, one place per concern.
//! - `apis.rs`: the runtime APIs the node and the dapps call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` presets.
//! - [`weights`]: block, extrinsic and database weights.
//!
//! ## Pallet index bands
//! | band  | purpose     |
//! |-------|-------------|
//! | 0–9   | system      |
//! | 10–19 | monetary    |
//! | 20–29 | collators   |
//! | 30–39 | XCM         |
//! | 40–49 | governance  |
//! | 50–69 | commerce    |
//!
//! A removed pallet leaves a tombstone comment in its slot: an index is never reused.
//!
//! ## Governance
//! There is no sudo. The consortium council (a `pallet_collective` instance whose members are
//! managed by `pallet_membership`) is the only path to root: a council motion approved by at least
//! two thirds of the members can dispatch a call through `CouncilRoot`, e.g.
//! `System::authorize_upgrade`, after which anyone may submit the authorized code with
//! `System::apply_authorized_upgrade`.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands deeply.
#![recursion_limit = "512"]

// Make the WASM binary available.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

#[cfg(test)]
mod tests;

use frame_support::weights::{
	constants::{WEIGHT_REF_TIME_PER_MICROS, WEIGHT_REF_TIME_PER_SECOND},
	Weight, WeightToFeeCoefficient, WeightToFeeCoefficients, WeightToFeePolynomial,
};
use smallvec::smallvec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiSignature, Perbill,
};
use sp_version::RuntimeVersion;

pub use apis::RUNTIME_API_VERSIONS;
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;
pub use sp_runtime::{MultiAddress, Permill};

/// Signature type of the chain's accounts.
pub type Signature = MultiSignature;
/// An account identifier: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of the native token.
pub type Balance = u128;
/// The nonce of a transaction.
pub type Nonce = u32;
/// A block hash.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with justifications.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The transaction extensions, in order. `StorageWeightReclaim` wraps them all so that unused
/// proof size is given back to the block; `CheckMetadataHash` lets offline signers verify the
/// metadata they display.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_asset_tx_payment::ChargeAssetTxPayment<Runtime>,
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Migrations applied on runtime upgrade, each guarded by its pallet's storage version.
/// spec 6: the vendors pallet's KPI values, cure samples and tender openers; what each
/// profit-sharing sale credited its beneficiaries.
/// spec 7 (transaction version 2: `create_listing` and `place_order` take a currency): the
/// currency of each escrow, listing and order (all CMRC before).
/// spec 8 (transaction version 3: `profit_sharing.claim` takes a currency): profit sharing's
/// ledgers, payouts, placements and sales per currency (all CMRC before).
/// spec 9 (transaction version 4: `ChargeAssetTxPayment` replaces `ChargeTransactionPayment`):
/// order deposits in the order's currency (orders in an asset get their CMRC deposit back).
pub type Migrations = (
	pallet_vendors::migrations::v1::MigrateToV1<Runtime>,
	pallet_profit_sharing::migrations::v1::MigrateToV1<Runtime>,
	pallet_profit_sharing::migrations::v2::MigrateToV2<Runtime>,
	pallet_escrow::migrations::v1::MigrateToV1<Runtime>,
	pallet_orders::migrations::v1::MigrateToV1<Runtime>,
	pallet_orders::migrations::v2::MigrateToV2<Runtime>,
);

/// Executive: dispatches calls to the pallets. Migrations run through
/// `frame_system::Config::SingleBlockMigrations`.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

/// Opaque types used by the node, which does not know the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	use sp_runtime::{generic, traits::BlakeTwo256};

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_core::Hasher>::Out;
}

impl_opaque_keys! {
	/// The session keys of a collator.
	pub struct SessionKeys {
		/// The Aura block-authoring key.
		pub aura: Aura,
	}
}

/// The runtime version. Bump `spec_version` with every upgrade that changes behaviour.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("commerce-chain"),
	impl_name: alloc::borrow::Cow::Borrowed("commerce-chain"),
	authoring_version: 1,
	spec_version: 12,
	impl_version: 0,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

// `TOKEN_SYMBOL` and `TOKEN_DECIMALS`, shared with `build.rs` (the metadata hash commits to them).
include!("token.rs");
/// The SS58 address prefix of the chain's accounts (42: the generic Substrate prefix, so that
/// development tooling and keys work unchanged). Used by `frame_system` and the chain specs.
pub const SS58_PREFIX: u16 = 42;

/// One unit of the native token.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a unit.
pub const MILLIUNIT: Balance = 1_000_000_000;
/// A millionth of a unit.
pub const MICROUNIT: Balance = 1_000_000;
/// The minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLIUNIT;

/// The deposit for storage of `items` entries taking `bytes` bytes in all.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 20 * MILLIUNIT + (bytes as Balance) * 100 * MICROUNIT
}

/// Target block time. With `BLOCK_PROCESSING_VELOCITY = 1` one block is built per relay slot.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration: equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Share of a block's weight taken by `on_initialize`, on average.
pub const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);
/// Share of a block available to normal (non-operational) extrinsics.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Block weight limit: 2 s of compute (asynchronous backing) and the relay chain's proof size
/// limit.
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// How many parachain blocks the relay chain processes per relay block.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Blocks accepted by the runtime that are not yet included in the relay chain.
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// Relay chain slot duration, in milliseconds.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
/// How many relay blocks behind the relay tip a parachain block builds on.
pub const RELAY_PARENT_OFFSET: u32 = 0;

/// Converts a weight into a fee: 100 µs of compute time cost a tenth of a [`MILLIUNIT`] (one
/// planck a picosecond of reference time), so a block's normal class full costs 1.5 UNIT. Tied
/// to time, not to the measured base extrinsic weight, so that fees do not move each time
/// `scripts/base-weights.sh` measures again.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLIUNIT / 10;
		let q = Balance::from(100 * WEIGHT_REF_TIME_PER_MICROS);
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

#[frame_support::runtime]
mod runtime {
	/// The runtime: every pallet of the chain, by index.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System: 0–9.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;
	#[runtime::pallet_index(5)]
	pub type Utility = pallet_utility;

	// Monetary: 10–19.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(13)]
	pub type AssetsHolder = pallet_assets_holder;
	#[runtime::pallet_index(14)]
	pub type AssetRate = pallet_asset_rate;
	#[runtime::pallet_index(15)]
	pub type AssetTxPayment = pallet_asset_tx_payment;

	// Collators: 20–29. The order matters: session keys are set up by `Session` after
	// `CollatorSelection` has chosen the authors, and `Aura` reads them.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM: 30–39.
	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;

	// Governance: 40–49.
	#[runtime::pallet_index(40)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(41)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(42)]
	pub type CouncilRoot = pallet_council_root;
	#[runtime::pallet_index(43)]
	pub type DeliveryOracles = pallet_membership<Instance2>;
	#[runtime::pallet_index(44)]
	pub type ArbitrationPanel = pallet_membership<Instance3>;
	#[runtime::pallet_index(45)]
	pub type VettingBody = pallet_membership<Instance4>;

	// Commerce: 50–69.
	#[runtime::pallet_index(50)]
	pub type Orders = pallet_orders;
	#[runtime::pallet_index(51)]
	pub type Escrow = pallet_escrow;
	#[runtime::pallet_index(52)]
	pub type Vendors = pallet_vendors;
	#[runtime::pallet_index(53)]
	pub type ProfitSharing = pallet_profit_sharing;
	#[runtime::pallet_index(54)]
	pub type Provenance = pallet_provenance;
	#[runtime::pallet_index(55)]
	pub type Replenishment = pallet_replenishment;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
