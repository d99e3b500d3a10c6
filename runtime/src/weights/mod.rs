//! Block, extrinsic and database weights of the runtime.
//!
//! These are the figures `frame-support` ships, produced by `benchmark overhead` and
//! `benchmark storage` on Parity's reference hardware. Regenerate them for the consortium's
//! collator hardware with the node's `benchmark overhead` / `benchmark storage` subcommands
//! before a production launch. Pallet call weights live with each pallet (`weights.rs`),
//! produced by `scripts/bench.sh`.

pub use frame_support::weights::constants::{
	BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight, RocksDbWeight,
};
