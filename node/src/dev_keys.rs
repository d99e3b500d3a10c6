//! The well-known development keys (`//Alice` ... `//Ferdie`, their `//stash` accounts, `//One`,
//! `//Two`; sr25519 and ed25519): their secret seeds are public. A `Live` chain must not hold
//! them in its genesis: whoever is endowed with them, sits on the council or collates with them
//! can be impersonated by anyone.

use sc_chain_spec::{ChainSpec, ChainType};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Every well-known development public key with its name.
fn all() -> Vec<(String, [u8; 32])> {
	let sr = Sr25519Keyring::iter().map(|k| (format!("{k:?} (sr25519)"), k.to_raw_public()));
	let ed = Ed25519Keyring::iter().map(|k| (format!("{k:?} (ed25519)"), k.to_raw_public()));
	sr.chain(ed).collect()
}

/// The names of the development keys among `keys`.
pub fn named<'a>(keys: impl Iterator<Item = &'a [u8; 32]>) -> Vec<String> {
	let keys: Vec<_> = keys.collect();
	all().into_iter().filter(|(_, public)| keys.contains(&public)).map(|(name, _)| name).collect()
}

/// The storage key of the runtime code, which is skipped: the runtime's WASM carries the
/// development keys for its development presets, which is harmless.
const CODE_KEY: &str = "0x3a636f6465";

/// The names of the development keys found anywhere in `spec`'s raw genesis storage (keys and
/// values, the runtime code excepted).
pub fn in_genesis(spec: &dyn ChainSpec) -> Result<Vec<String>, String> {
	let raw: serde_json::Value = serde_json::from_str(&spec.as_json(true)?)
		.map_err(|err| format!("the chain spec's raw form is not JSON: {err}"))?;
	let mut storage = String::new();
	let mut collect = |map: &serde_json::Value| {
		if let Some(map) = map.as_object() {
			for (key, value) in map {
				if key == CODE_KEY {
					continue;
				}
				storage.push_str(&key.to_lowercase());
				storage.push(' ');
				storage.push_str(&value.as_str().unwrap_or_default().to_lowercase());
				storage.push(' ');
			}
		}
	};
	let genesis_raw = &raw["genesis"]["raw"];
	collect(&genesis_raw["top"]);
	if let Some(children) = genesis_raw["childrenDefault"].as_object() {
		for child in children.values() {
			collect(child);
		}
	}
	Ok(all()
		.into_iter()
		.filter(|(_, public)| storage.contains(&hex(public)))
		.map(|(name, _)| name)
		.collect())
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Refuse a `Live` chain spec whose genesis holds a development key; other chain types (dev and
/// local test networks) are not checked.
pub fn refuse_in_live(spec: &dyn ChainSpec) -> Result<(), String> {
	if spec.chain_type() != ChainType::Live {
		return Ok(());
	}
	let found = in_genesis(spec)?;
	if found.is_empty() {
		return Ok(());
	}
	Err(format!(
		"refusing to load the Live chain `{}`: its genesis holds well-known development keys \
		 ({}), whose secret seeds are public. Build the chain spec from the consortium's own \
		 accounts: `commerce-node export-chain-spec --chain consortium:FILE --raw` (see \
		 docs/operators.md).",
		spec.id(),
		found.join(", ")
	))
}
