//! Genesis presets of the runtime, served through `sp_genesis_builder::GenesisBuilder`.
//!
//! - `development` (`sp_genesis_builder::DEV_RUNTIME_PRESET`): one collator (Alice), the
//!   well-known development accounts endowed, a council of Alice, Bob and Charlie, Ferdie as
//!   delivery oracle, Eve on the arbitration panel, a 1% marketplace fee.
//! - `local_testnet` (`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`): two collators (Alice
//!   and Bob), for a relay chain with this parachain at [`PARACHAIN_ID`].

use crate::{
	configs::MarketplaceFeeAccount, AccountId, ArbitrationPanelConfig, AuraId, BalancesConfig,
	CollatorSelectionConfig, CouncilMembershipConfig, DeliveryOraclesConfig, EscrowConfig,
	ParachainInfoConfig, PolkadotXcmConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// The parachain id the presets use.
pub const PARACHAIN_ID: u32 = 2000;
/// What each endowed development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The marketplace fee the presets start with.
pub const GENESIS_MARKETPLACE_FEE: Perbill = Perbill::from_percent(1);
/// The XCM version the chain assumes before negotiation.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

fn genesis(
	invulnerables: Vec<(AccountId, AuraId)>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	id: ParaId,
) -> serde_json::Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT))
				// The fee account exists from genesis, so that any fee can be paid into it.
				.chain(core::iter::once((MarketplaceFeeAccount::get(), EXISTENTIAL_DEPOSIT)))
				.collect(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: invulnerables.iter().cloned().map(|(acc, _)| acc).collect(),
			candidacy_bond: EXISTENTIAL_DEPOSIT * 16,
		},
		session: SessionConfig {
			keys: invulnerables
				.into_iter()
				.map(|(acc, aura)| (acc.clone(), acc, SessionKeys { aura }))
				.collect(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("the presets' councils are within MaxMembers"),
		},
		delivery_oracles: DeliveryOraclesConfig {
			members: vec![Sr25519Keyring::Ferdie.to_account_id()]
				.try_into()
				.expect("one oracle is within MaxMembers"),
		},
		arbitration_panel: ArbitrationPanelConfig {
			members: vec![Sr25519Keyring::Eve.to_account_id()]
				.try_into()
				.expect("one arbiter is within MaxMembers"),
		},
		escrow: EscrowConfig { fee: GENESIS_MARKETPLACE_FEE },
	})
}

fn collator(who: Sr25519Keyring) -> (AccountId, AuraId) {
	(who.to_account_id(), who.public().into())
}

fn development_council() -> Vec<AccountId> {
	vec![
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
	]
}

fn local_testnet_genesis() -> serde_json::Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		development_council(),
		PARACHAIN_ID.into(),
	)
}

fn development_genesis() -> serde_json::Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		development_council(),
		PARACHAIN_ID.into(),
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
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
	]
}
