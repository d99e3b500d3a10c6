//! A consortium's own file: the accounts of its production chain.
//!
//! The runtime's `production` preset holds no account at all; a consortium describes its
//! council, arbitration panel, delivery oracles, collators and endowments in a JSON file (format
//! in `docs/operators.md`, example in `docs/examples/consortium.json`), and
//! `commerce-node export-chain-spec --chain consortium:FILE --raw` turns it into a raw chain spec
//! of chain type `Live`. The file is checked before anything is built: valid addresses, no
//! duplicates, bodies within their runtime limits, no well-known development key.

use crate::dev_keys;
use commerce_runtime::{
	configs::COUNCIL_MAX_MEMBERS, genesis_config_presets::Consortium, AccountId, AuraId, Balance,
	UNIT,
};
use serde::Deserialize;
use sp_core::crypto::Ss58Codec;
use std::collections::BTreeSet;

/// The most delivery oracles and arbiters the runtime's membership pallets hold.
const MAX_BODY: usize = 32;

/// The file as written by the consortium.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsortiumFile {
	/// The chain's name, shown by wallets and explorers.
	pub name: String,
	/// The chain's id (lowercase, no spaces), e.g. `acme_commerce`.
	pub id: String,
	/// The libp2p protocol id that keeps this network apart from others.
	pub protocol_id: String,
	/// The relay chain's id, e.g. `polkadot`.
	pub relay_chain: String,
	/// The parachain id the relay chain registered.
	pub para_id: u32,
	/// Multiaddresses of the consortium's boot nodes.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// Council members (SS58).
	pub council: Vec<String>,
	/// Arbitration panel members (SS58).
	pub arbitration_panel: Vec<String>,
	/// Delivery oracles (SS58).
	pub delivery_oracles: Vec<String>,
	/// The vetting body, which approves vendors (SS58); none leaves vetting to council motions.
	#[serde(default)]
	pub vetting_body: Vec<String>,
	/// Invulnerable collators.
	pub collators: Vec<CollatorEntry>,
	/// Accounts endowed at genesis.
	pub endowments: Vec<Endowment>,
}

/// A collator: its account and its Aura session key.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollatorEntry {
	/// The collator's account (SS58).
	pub account: String,
	/// Its Aura key (sr25519, SS58).
	pub aura: String,
}

/// An endowed account.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endowment {
	/// The account (SS58).
	pub account: String,
	/// Whole CMRC it starts with.
	pub cmrc: u64,
}

/// The file, read and checked: the chain spec's descriptive fields and the genesis accounts.
pub struct Checked {
	/// What the file says, for the chain spec's name, ids, relay chain and boot nodes.
	pub file: ConsortiumFile,
	/// The accounts, for `consortium_genesis`.
	pub consortium: Consortium,
}

fn account(what: &str, address: &str) -> Result<AccountId, String> {
	AccountId::from_ss58check(address)
		.map_err(|err| format!("{what}: `{address}` is not a valid SS58 address ({err:?})"))
}

fn accounts(
	what: &str,
	addresses: &[String],
	min: usize,
	max: usize,
) -> Result<Vec<AccountId>, String> {
	if addresses.len() < min || addresses.len() > max {
		return Err(format!("{what}: {} entries, expected {min} to {max}", addresses.len()));
	}
	let parsed = addresses.iter().map(|a| account(what, a)).collect::<Result<Vec<_>, _>>()?;
	let unique: BTreeSet<_> = parsed.iter().collect();
	if unique.len() != parsed.len() {
		return Err(format!("{what}: an address appears twice"));
	}
	Ok(parsed)
}

/// Read and check the consortium file at `path`.
pub fn read(path: &str) -> Result<Checked, String> {
	let text =
		std::fs::read_to_string(path).map_err(|err| format!("cannot read `{path}`: {err}"))?;
	let file: ConsortiumFile = serde_json::from_str(&text)
		.map_err(|err| format!("`{path}` is not a valid consortium file: {err}"))?;
	for (field, value) in [
		("name", &file.name),
		("id", &file.id),
		("protocolId", &file.protocol_id),
		("relayChain", &file.relay_chain),
	] {
		if value.trim().is_empty() {
			return Err(format!("{field} must not be empty"));
		}
	}
	if file.para_id == 0 {
		return Err("paraId must be the id the relay chain registered (not 0)".into());
	}
	let council = accounts("council", &file.council, 1, COUNCIL_MAX_MEMBERS as usize)?;
	let arbitration_panel = accounts("arbitrationPanel", &file.arbitration_panel, 0, MAX_BODY)?;
	let delivery_oracles = accounts("deliveryOracles", &file.delivery_oracles, 0, MAX_BODY)?;
	let vetting_body = accounts("vettingBody", &file.vetting_body, 0, MAX_BODY)?;
	if file.collators.is_empty() {
		return Err("collators: at least one collator is needed to produce blocks".into());
	}
	let mut collators = Vec::new();
	for entry in &file.collators {
		let who = account("collators.account", &entry.account)?;
		let aura = sp_core::sr25519::Public::from_ss58check(&entry.aura).map_err(|err| {
			format!("collators.aura: `{}` is not a valid SS58 key ({err:?})", entry.aura)
		})?;
		collators.push((who, AuraId::from(aura)));
	}
	let collator_accounts: BTreeSet<_> = collators.iter().map(|(who, _)| who).collect();
	if collator_accounts.len() != collators.len() {
		return Err("collators: an account appears twice".into());
	}
	let mut endowments = Vec::new();
	for entry in &file.endowments {
		let who = account("endowments.account", &entry.account)?;
		let amount = Balance::from(entry.cmrc)
			.checked_mul(UNIT)
			.filter(|amount| *amount > 0)
			.ok_or_else(|| format!("endowments: `{}` needs a positive amount", entry.account))?;
		endowments.push((who, amount));
	}
	let endowed: BTreeSet<_> = endowments.iter().map(|(who, _)| who).collect();
	if endowed.len() != endowments.len() {
		return Err("endowments: an account appears twice".into());
	}
	let consortium = Consortium {
		para_id: file.para_id,
		council,
		arbitration_panel,
		delivery_oracles,
		collators,
		endowments,
		vetting_body,
		// Vendors apply on chain, with their bond, and the vetting body approves them.
		vendors: Vec::new(),
	};
	let raw = |who: &AccountId| -> [u8; 32] { who.clone().into() };
	let mut keys: Vec<[u8; 32]> = Vec::new();
	keys.extend(consortium.council.iter().map(raw));
	keys.extend(consortium.arbitration_panel.iter().map(raw));
	keys.extend(consortium.delivery_oracles.iter().map(raw));
	keys.extend(consortium.vetting_body.iter().map(raw));
	for (who, aura) in &consortium.collators {
		keys.push(raw(who));
		keys.push(
			sp_core::ByteArray::as_slice(aura).try_into().expect("an sr25519 key is 32 bytes"),
		);
	}
	keys.extend(consortium.endowments.iter().map(|(who, _)| raw(who)));
	let found = dev_keys::named(keys.iter());
	if !found.is_empty() {
		return Err(format!(
			"`{path}` uses well-known development keys ({}): their secret seeds are public, so \
			 anyone could act as them. Use the consortium's own accounts.",
			found.join(", ")
		));
	}
	Ok(Checked { file, consortium })
}
