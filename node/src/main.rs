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
//!
//! One default differs from the omni node's: a `--dev` node without `--pool-type` runs the
//! single-state transaction pool. Under a burst on the development chain (every block final at
//! once) the fork-aware pool, the omni node's default, dropped most transactions of senders with
//! a chain of nonces in flight (10 or 100 deep), while the single-state pool kept all of them:
//! the measurements are in `docs/performance.md`. A development chain has no forks, so it needs
//! nothing the fork-aware pool adds. Collators keep the fork-aware pool.

#![warn(missing_docs)]

mod chain_spec;
mod consortium;
mod dev_keys;

use std::{ffi::OsString, os::unix::process::CommandExt, process::Command};

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

/// The arguments to run again with when `--dev` is given without `--pool-type`: the same, with
/// `--pool-type single-state` before any relay-chain arguments (after `--`). `None` otherwise,
/// and for subcommands (the first argument not a flag).
fn dev_pool_args(args: &[OsString]) -> Option<Vec<OsString>> {
	let own = args.iter().skip(1).take_while(|arg| *arg != "--");
	let mut dev = false;
	for arg in own.clone() {
		let arg = arg.to_string_lossy();
		if arg == "--pool-type" || arg.starts_with("--pool-type=") {
			return None;
		}
		dev |= arg == "--dev";
	}
	let first_is_flag = args.get(1).is_some_and(|arg| arg.to_string_lossy().starts_with('-'));
	if !dev || !first_is_flag {
		return None;
	}
	let split = 1 + own.count();
	let mut out: Vec<OsString> = args[1..split].to_vec();
	out.extend(["--pool-type".into(), "single-state".into()]);
	out.extend_from_slice(&args[split..]);
	Some(out)
}

// `sc_cli::Result` is the omni node's own return type; its error is large, and returned once.
#[allow(clippy::result_large_err)]
fn main() -> sc_cli::Result<()> {
	// The omni node parses the process's own arguments, so the dev default is given by running
	// this binary again with them (`exec` keeps the process id). If that fails, the node runs
	// with what it was given.
	let args: Vec<OsString> = std::env::args_os().collect();
	if let Some(with_pool) = dev_pool_args(&args) {
		if let Ok(exe) = std::env::current_exe() {
			let error = Command::new(exe).args(with_pool).exec();
			eprintln!(
				"could not run again with --pool-type single-state ({error}); going on without"
			);
		}
	}
	let config = RunConfig::new(
		Box::new(DefaultRuntimeResolver),
		Box::new(chain_spec::CommerceChainSpecLoader),
	);
	run::<CliConfig>(config)
}

#[cfg(test)]
mod tests {
	use super::dev_pool_args;
	use std::ffi::OsString;

	fn args(list: &[&str]) -> Vec<OsString> {
		list.iter().map(OsString::from).collect()
	}

	#[test]
	fn dev_gets_the_single_state_pool_before_relay_arguments() {
		assert_eq!(
			dev_pool_args(&args(&["node", "--dev", "--rpc-port", "0"])),
			Some(args(&["--dev", "--rpc-port", "0", "--pool-type", "single-state"]))
		);
		assert_eq!(
			dev_pool_args(&args(&["node", "--tmp", "--dev", "--", "--chain", "x"])),
			Some(args(&["--tmp", "--dev", "--pool-type", "single-state", "--", "--chain", "x"]))
		);
	}

	#[test]
	fn a_chosen_pool_a_collator_and_subcommands_are_left_alone() {
		assert_eq!(dev_pool_args(&args(&["node", "--dev", "--pool-type", "fork-aware"])), None);
		assert_eq!(dev_pool_args(&args(&["node", "--dev", "--pool-type=fork-aware"])), None);
		assert_eq!(dev_pool_args(&args(&["node", "--collator", "--", "--dev"])), None);
		assert_eq!(dev_pool_args(&args(&["node", "export-chain-spec", "--dev"])), None);
		assert_eq!(dev_pool_args(&args(&["node"])), None);
	}
}
