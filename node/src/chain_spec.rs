//! The chain specifications built into the node.
//!
//! | `--chain`              | what it is                                                      |
//! |------------------------|-----------------------------------------------------------------|
//! | `dev`, `development`   | the `development` preset; what `--dev` runs                     |
//! | `local`, `local_testnet` | the `local_testnet` preset, for a local relay chain (zombienet) |
//! | `consortium:FILE`      | a consortium's production chain: the `production` preset with the accounts of the consortium file `FILE`, chain type `Live` |
//! | anything else          | a path to a chain spec JSON file                                |
//!
//! A `Live` chain spec (from a file or a consortium file) whose genesis holds a well-known
//! development key is refused, so a node never starts such a chain.

use polkadot_omni_node_lib::chain_spec::{ChainSpec, Extensions, GenericChainSpec, LoadSpec};
use sc_chain_spec::ChainType;
#[cfg(test)]
use sp_core::crypto::Ss58Codec;

/// The relay chain a `local` network runs beside.
const LOCAL_RELAY_CHAIN: &str = "rococo-local";

/// Builds commerce-chain's chain specs from the runtime's genesis presets, or reads one from
/// disk.
pub struct CommerceChainSpecLoader;

impl LoadSpec for CommerceChainSpecLoader {
	fn load_spec(&self, id: &str) -> Result<Box<dyn ChainSpec>, String> {
		match id {
			"" | "dev" | "development" => Ok(Box::new(development()?)),
			"local" | "local_testnet" => Ok(Box::new(local_testnet()?)),
			id => {
				let spec = match id.strip_prefix("consortium:") {
					Some(file) => consortium(file)?,
					None => GenericChainSpec::from_json_file(id.into()).map_err(|err| {
						format!(
							"`{id}` is neither a built-in chain (dev, local, consortium:FILE) \
							 nor a valid chain spec file: {err}"
						)
					})?,
				};
				crate::dev_keys::refuse_in_live(&spec)?;
				Ok(Box::new(spec))
			},
		}
	}
}

/// The production chain of the consortium described in the file at `path`.
pub fn consortium(path: &str) -> Result<GenericChainSpec, String> {
	let checked = crate::consortium::read(path)?;
	let file = &checked.file;
	let boot_nodes = file
		.boot_nodes
		.iter()
		.map(|addr| addr.parse().map_err(|err| format!("bootNodes: `{addr}`: {err}")))
		.collect::<Result<Vec<_>, String>>()?;
	Ok(GenericChainSpec::builder(
		wasm()?,
		Extensions::new(file.relay_chain.clone(), checked.consortium.para_id),
	)
	.with_name(&file.name)
	.with_id(&file.id)
	.with_chain_type(ChainType::Live)
	.with_protocol_id(&file.protocol_id)
	.with_boot_nodes(boot_nodes)
	.with_genesis_config_patch(commerce_runtime::genesis_config_presets::consortium_genesis(
		&checked.consortium,
	))
	.with_properties(properties())
	.build())
}

fn wasm() -> Result<&'static [u8], String> {
	commerce_runtime::WASM_BINARY.ok_or_else(|| {
		"the node was built without the runtime's WASM (SKIP_WASM_BUILD); build it without \
		 that variable to use the built-in chains"
			.to_string()
	})
}

/// The token symbol, decimals and SS58 prefix wallets show.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), commerce_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), commerce_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), commerce_runtime::SS58_PREFIX.into());
	properties
}

fn development() -> Result<GenericChainSpec, String> {
	Ok(GenericChainSpec::builder(
		wasm()?,
		Extensions::new(
			LOCAL_RELAY_CHAIN.into(),
			commerce_runtime::genesis_config_presets::PARACHAIN_ID,
		),
	)
	.with_name("commerce-chain development")
	.with_id("commerce_dev")
	.with_chain_type(ChainType::Development)
	.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
	.with_properties(properties())
	.build())
}

fn local_testnet() -> Result<GenericChainSpec, String> {
	Ok(GenericChainSpec::builder(
		wasm()?,
		Extensions::new(
			LOCAL_RELAY_CHAIN.into(),
			commerce_runtime::genesis_config_presets::PARACHAIN_ID,
		),
	)
	.with_name("commerce-chain local testnet")
	.with_id("commerce_local")
	.with_chain_type(ChainType::Local)
	.with_protocol_id("commerce-local")
	.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	.with_properties(properties())
	.build())
}

#[cfg(test)]
mod tests {
	use super::*;

	const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/examples/consortium.json");

	fn temp_file(name: &str, text: &str) -> String {
		let path =
			std::env::temp_dir().join(format!("commerce-node-{}-{name}", std::process::id()));
		std::fs::write(&path, text).unwrap();
		path.to_string_lossy().into_owned()
	}

	#[test]
	fn the_example_consortium_builds_a_live_chain_without_development_keys() {
		let spec = CommerceChainSpecLoader.load_spec(&format!("consortium:{EXAMPLE}")).unwrap();
		assert_eq!(spec.chain_type(), ChainType::Live);
		assert_eq!(spec.id(), "example_commerce");
		assert!(crate::dev_keys::in_genesis(spec.as_ref()).unwrap().is_empty());
		let raw = spec.as_json(true).unwrap();
		// The council's first member is in the raw genesis (as hex, in the membership value).
		let council: [u8; 32] = commerce_runtime::AccountId::from_ss58check(
			"5CnfgqfmxM4UiShfN6qoSoxVTfMAvzsx7eLwqNqYJKeQcz9n",
		)
		.unwrap()
		.into();
		let hex: String = council.iter().map(|b| format!("{b:02x}")).collect();
		assert!(raw.contains(&hex));
	}

	#[test]
	fn a_consortium_file_with_a_development_key_is_refused() {
		let text = std::fs::read_to_string(EXAMPLE).unwrap().replace(
			"5CnfgqfmxM4UiShfN6qoSoxVTfMAvzsx7eLwqNqYJKeQcz9n",
			"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
		);
		let path = temp_file("alice.json", &text);
		let err = CommerceChainSpecLoader.load_spec(&format!("consortium:{path}")).err().unwrap();
		assert!(err.contains("Alice (sr25519)"), "{err}");
	}

	#[test]
	fn a_bad_consortium_file_gets_a_clear_error() {
		let text = std::fs::read_to_string(EXAMPLE).unwrap();
		let no_council = text.replace("\"council\": [", "\"council\": [], \"x\": [");
		let path = temp_file("no-council.json", &no_council);
		let err = CommerceChainSpecLoader.load_spec(&format!("consortium:{path}")).err().unwrap();
		assert!(err.contains("not a valid consortium file"), "{err}");
		let empty = text.replace(
			"\"council\": [\n    \"5CnfgqfmxM4UiShfN6qoSoxVTfMAvzsx7eLwqNqYJKeQcz9n\",\n    \"5D9ekaFXgTLFz75FP4Jfa2bvMrJizUXFvMG7rSZUggDZ9iVu\",\n    \"5DWdpJqHQZc3FmSqQ1mXhFFMG3GH3xAZj4BHsWHR52nhgbFQ\"\n  ]",
			"\"council\": []",
		);
		assert_ne!(empty, text);
		let path = temp_file("empty-council.json", &empty);
		let err = CommerceChainSpecLoader.load_spec(&format!("consortium:{path}")).err().unwrap();
		assert!(err.contains("council: 0 entries"), "{err}");
		let bad = text.replace("5D9ekaFXgTLFz75FP4Jfa2bvMrJizUXFvMG7rSZUggDZ9iVu", "5D9ekaFX");
		let path = temp_file("bad-address.json", &bad);
		let err = CommerceChainSpecLoader.load_spec(&format!("consortium:{path}")).err().unwrap();
		assert!(err.contains("not a valid SS58 address"), "{err}");
	}

	#[test]
	fn a_live_chain_spec_with_development_keys_is_refused_and_a_dev_one_is_not() {
		let dev = development().unwrap().as_json(false).unwrap();
		let path = temp_file("dev.json", &dev);
		assert!(CommerceChainSpecLoader.load_spec(&path).is_ok());
		let live = dev.replace("\"chainType\": \"Development\"", "\"chainType\": \"Live\"");
		assert_ne!(live, dev);
		let path = temp_file("live.json", &live);
		let err = CommerceChainSpecLoader.load_spec(&path).err().unwrap();
		assert!(err.contains("refusing to load the Live chain"), "{err}");
		assert!(err.contains("Alice (sr25519)"), "{err}");
	}
}
