//! The chain specifications built into the node.
//!
//! | `--chain`              | what it is                                                      |
//! |------------------------|-----------------------------------------------------------------|
//! | `dev`, `development`   | the `development` preset; what `--dev` runs                     |
//! | `local`, `local_testnet` | the `local_testnet` preset, for a local relay chain (zombienet) |
//! | anything else          | a path to a chain spec JSON file                                |

use polkadot_omni_node_lib::chain_spec::{ChainSpec, Extensions, GenericChainSpec, LoadSpec};
use sc_chain_spec::ChainType;

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
			path => GenericChainSpec::from_json_file(path.into())
				.map(|spec| Box::new(spec) as Box<dyn ChainSpec>)
				.map_err(|err| {
					format!(
						"`{path}` is neither a built-in chain (dev, local) nor a valid chain spec \
						 file: {err}"
					)
				}),
		}
	}
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
