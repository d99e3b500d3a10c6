//! Genesis presets of the runtime, served through `sp_genesis_builder::GenesisBuilder`.
//!
//! - `development` (`sp_genesis_builder::DEV_RUNTIME_PRESET`): one collator (Alice), the
//!   well-known development accounts endowed, a council of Alice, Bob and Charlie, Ferdie as
//!   delivery oracle, Eve on the arbitration panel, a 1% marketplace fee, a short minimum
//!   confirm window.
//! - `local_testnet` (`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`): two collators (Alice
//!   and Bob), for a relay chain with this parachain at [`PARACHAIN_ID`].
//! - `production` ([`PRODUCTION_PRESET`]): no development account at all, and no account of any
//!   kind: the production parameters (fee, candidacy bond, a day's minimum confirm window) with
//!   an empty council, panel, oracle list and collator set. A consortium's chain spec is this
//!   preset plus the consortium's own accounts, [`consortium_genesis`]: the node builds it from
//!   the consortium's file (`commerce-node export-chain-spec --chain consortium:FILE --raw`).

use crate::{
	configs::MarketplaceFeeAccount, AccountId, ArbitrationPanelConfig, AuraId, Balance,
	BalancesConfig, CollatorSelectionConfig, CouncilMembershipConfig, DeliveryOraclesConfig,
	EscrowConfig, OrdersConfig, ParachainInfoConfig, PolkadotXcmConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// The parachain id the development presets use.
pub const PARACHAIN_ID: u32 = 2000;
/// What each endowed development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The marketplace fee the presets start with.
pub const GENESIS_MARKETPLACE_FEE: Perbill = Perbill::from_percent(1);
/// The bond a collator candidate (beyond the invulnerables) must hold: 10,000 CMRC.
pub const CANDIDACY_BOND: Balance = 10_000 * UNIT;
/// The minimum confirm window of the development presets, in blocks, so that tests can run
/// orders to their end; production keeps the runtime's default of a day.
pub const DEV_MIN_CONFIRM_WINDOW: u32 = 10;
/// The name of the production preset.
pub const PRODUCTION_PRESET: &str = "production";
/// The XCM version the chain assumes before negotiation.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

/// A consortium's own accounts: everything the production preset leaves empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consortium {
	/// The parachain id the relay chain registered for the consortium.
	pub para_id: u32,
	/// The council members (they vote on runtime upgrades and every parameter).
	pub council: Vec<AccountId>,
	/// The arbiters who rule disputes individually.
	pub arbitration_panel: Vec<AccountId>,
	/// The logistics accounts that attest deliveries.
	pub delivery_oracles: Vec<AccountId>,
	/// The invulnerable collators: account and Aura key.
	pub collators: Vec<(AccountId, AuraId)>,
	/// The accounts endowed at genesis, with their balances in planck.
	pub endowments: Vec<(AccountId, Balance)>,
}

/// The genesis of a consortium's chain: the production parameters and `consortium`'s accounts.
pub fn consortium_genesis(consortium: &Consortium) -> serde_json::Value {
	genesis(consortium, None)
}

fn genesis(consortium: &Consortium, min_confirm: Option<u32>) -> serde_json::Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: consortium
				.endowments
				.iter()
				.cloned()
				// The fee account exists from genesis, so that any fee can be paid into it.
				.chain(core::iter::once((MarketplaceFeeAccount::get(), EXISTENTIAL_DEPOSIT)))
				.collect(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: ParaId::from(consortium.para_id) },
		collator_selection: CollatorSelectionConfig {
			invulnerables: consortium.collators.iter().map(|(acc, _)| acc.clone()).collect(),
			candidacy_bond: CANDIDACY_BOND,
		},
		session: SessionConfig {
			keys: consortium
				.collators
				.iter()
				.cloned()
				.map(|(acc, aura)| (acc.clone(), acc, SessionKeys { aura }))
				.collect(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		council_membership: CouncilMembershipConfig {
			members: consortium
				.council
				.clone()
				.try_into()
				.expect("the council is within MaxMembers (checked when the file is read)"),
		},
		delivery_oracles: DeliveryOraclesConfig {
			members: consortium
				.delivery_oracles
				.clone()
				.try_into()
				.expect("the oracles are within MaxMembers (checked when the file is read)"),
		},
		arbitration_panel: ArbitrationPanelConfig {
			members: consortium
				.arbitration_panel
				.clone()
				.try_into()
				.expect("the panel is within MaxMembers (checked when the file is read)"),
		},
		escrow: EscrowConfig { fee: GENESIS_MARKETPLACE_FEE },
		orders: OrdersConfig { min_confirm_window: min_confirm },
	})
}

fn collator(who: Sr25519Keyring) -> (AccountId, AuraId) {
	(who.to_account_id(), who.public().into())
}

fn development_consortium(collators: Vec<Sr25519Keyring>) -> Consortium {
	Consortium {
		para_id: PARACHAIN_ID,
		council: vec![
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		],
		arbitration_panel: vec![Sr25519Keyring::Eve.to_account_id()],
		delivery_oracles: vec![Sr25519Keyring::Ferdie.to_account_id()],
		collators: collators.into_iter().map(collator).collect(),
		endowments: Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect(),
	}
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => genesis(
			&development_consortium(vec![Sr25519Keyring::Alice, Sr25519Keyring::Bob]),
			Some(DEV_MIN_CONFIRM_WINDOW),
		),
		sp_genesis_builder::DEV_RUNTIME_PRESET => genesis(
			&development_consortium(vec![Sr25519Keyring::Alice]),
			Some(DEV_MIN_CONFIRM_WINDOW),
		),
		PRODUCTION_PRESET => consortium_genesis(&Consortium::default()),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}
