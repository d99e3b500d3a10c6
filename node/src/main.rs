//! `commerce-node`: the commerce-chain node.
//!
//! A thin binary over `polkadot-omni-node-lib` with commerce-chain's chain specifications built
//! in. It runs in two modes:
//! - **collator** (the default): a consortium member's node joins the relay chain given after
//!   `--` and authors blocks with Aura;
//! - **development** (`--dev`): a single node with no relay chain, producing and finalizing a
//!   block every 3 s (`--dev-block-time` changes that) on the `development` genesis preset.
//!
//! All of the omni node's subcommands are kept: `key`, `export-chain-spec`,
//! `chain-spec-builder`, `benchmark`, `export-genesis-head`, ...

#![warn(missing_docs)]

mod chain_spec;
mod consortium;
mod dev_keys;

use polkadot_omni_node_lib::{
	run, runtime::DefaultRuntimeResolver, CliConfig as CliConfigT, RunConfig, NODE_VERSION,
};

/// What the node tells about itself in `--help`, `--version` and its logs.
struct CliConfig;

impl CliConfigT for CliConfig {
	fn impl_version() -> String {
		let commit_hash = option_env!("SUBSTRATE_CLI_COMMIT_HASH").unwrap_or("unknown");
		format!("{}-{NODE_VERSION}-{commit_hash}", env!("CARGO_PKG_VERSION"))
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/commerce-chain/commerce-chain/issues".into()
	}

	fn copyright_start_year() -> u16 {
		2026
	}
}

// `sc_cli::Result` is the omni node's own return type; its error is large, and returned once.
#[allow(clippy::result_large_err)]
fn main() -> sc_cli::Result<()> {
	let config = RunConfig::new(
		Box::new(DefaultRuntimeResolver),
		Box::new(chain_spec::CommerceChainSpecLoader),
	);
	run::<CliConfig>(config)
}
