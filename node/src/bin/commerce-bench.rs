//! `commerce-bench`: measures the runtime's benchmarks and writes the pallets' weights.
//!
//! `commerce-node benchmark pallet` exists only in a node compiled with the `runtime-benchmarks`
//! feature, and that feature reaches `sp-runtime`, so it recompiles nearly the node's whole
//! dependency graph (most of an hour on a 2-core machine). The measuring itself needs no node:
//! it runs the benchmarks inside a runtime WASM built with `runtime-benchmarks`. This binary is
//! that part alone, built with the production feature set, so the shared build already has it
//! and `scripts/bench.sh` compiles only the benchmarking WASM.
//!
//! ```text
//! commerce-bench pallet --runtime <commerce_runtime.compact.compressed.wasm> \
//!     --genesis-builder-preset development --pallet pallet_orders --extrinsic '*' ...
//! ```
//! The options are `frame-benchmarking-cli`'s, as in `commerce-node benchmark pallet`.
//!
//! It also measures the base weights of a block and of an extrinsic (`overhead`), which the
//! omni node does not offer:
//!
//! ```text
//! commerce-bench overhead --runtime <commerce_runtime.compact.compressed.wasm> \
//!     --genesis-builder-preset development ...
//! ```
//! `scripts/base-weights.sh` runs it. (`benchmark storage` is not here: it opens the node's
//! database through `sc-client-db` functions that exist only with `runtime-benchmarks`.)

#![warn(missing_docs)]

use frame_benchmarking_cli::{OverheadCmd, PalletCmd};
use sc_cli::clap::{self, Parser};

/// Host functions the runtime calls besides Substrate's own: cumulus' storage proof size, read by
/// `cumulus-pallet-weight-reclaim` (the same set `commerce-node` gives its executor).
type ExtraHostFunctions =
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions;

/// The runtime's benchmarking commands.
#[derive(Debug, Parser)]
#[command(
	name = "commerce-bench",
	version,
	about = "Runs the commerce-chain runtime's benchmarks and writes the pallets' weights."
)]
enum Command {
	/// Benchmark the extrinsics of one or more pallets and write their weight files.
	Pallet(Box<PalletCmd>),
	/// Benchmark an empty block and a `system.remark` and write `block_weights.rs` and
	/// `extrinsic_weights.rs`.
	Overhead(Box<OverheadCmd>),
}

// `sc_cli::Result` is the benchmarking CLI's own return type; its error is large, and returned once.
#[allow(clippy::result_large_err)]
fn main() -> sc_cli::Result<()> {
	sc_cli::LoggerBuilder::new("").init()?;
	match Command::parse() {
		Command::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::BlakeTwo256, ExtraHostFunctions>(None)
		},
		Command::Overhead(cmd) => cmd
			.run_with_default_builder_and_spec::<commerce_runtime::opaque::Block, ExtraHostFunctions>(
				None,
			),
	}
}
