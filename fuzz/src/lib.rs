//! # commerce-fuzz
//!
//! A fuzzer over the whole commerce-chain runtime. Each input is a sequence of records
//! ([`input`]): "advance a block?", a signer among the fuzz accounts ([`accounts`]), and a
//! SCALE-encoded `RuntimeCall`. The [`Harness`] builds the development genesis (plus funded
//! fuzz accounts) once, and for each input:
//!
//! - builds real blocks through `Executive`: `initialize_block` with an Aura pre-runtime
//!   digest, the `set_validation_data` inherent with a relay chain state proof from the relay
//!   state proof builder (relay slot = parachain slot, as the Aura consensus hook requires),
//!   the timestamp inherent, the input's calls as signed extrinsics with the signer's next
//!   nonce, and `finalize_block` (which runs `on_idle` with the block's remaining weight and
//!   every `on_finalize`);
//! - applies each signed extrinsic as a block builder does: an invalid one is rolled back;
//! - after every block, checks the invariants of [`checks`]: the commerce pallets'
//!   `do_try_state`, conservation and issuance, reference counts, holds;
//! - for every applied extrinsic, checks that its actual weight (ref time and proof size) is
//!   within the declared weight, and that the storage proof recorded while it ran (a proof
//!   recorder per block, as a collator's) is within the declared proof size;
//! - reports a block whose native execution takes longer than [`BLOCK_TIME_LIMIT`] or whose
//!   weight or proof exceeds the block's limits, and any panic.
//!
//! The binary (`src/main.rs`) runs a seeded mutation-based generator over the harness
//! ([`engine`]), writes the seed corpus ([`seeds`]) and replays inputs.

pub mod accounts;
pub mod checks;
pub mod engine;
pub mod harness;
pub mod input;
pub mod seeds;

#[cfg(test)]
mod tests;

pub use harness::{forbidden, Harness, BLOCK_TIME_LIMIT};

use commerce_runtime::{Balance, BlockNumber};
use std::{
	collections::{BTreeMap, BTreeSet},
	fmt,
	sync::OnceLock,
	time::Duration,
};

/// The depth limit for decoding a call (nested calls: batches, motions, `dispatchAsRoot`).
pub const MAX_CALL_DEPTH: u32 = 64;
/// The most records an input may have; later ones are skipped.
pub const MAX_RECORDS: usize = 256;
/// The most blocks an input may build; records that would need more are skipped.
pub const MAX_BLOCKS: u32 = 256;

/// Which check failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
	/// A panic anywhere: a dispatch, a hook, an inherent, a check.
	Panic,
	/// An inherent (`set_validation_data`, `timestamp.set`) was not applied successfully.
	Inherent,
	/// A commerce pallet's `do_try_state` failed.
	TryState,
	/// The accounts' balances do not add up to the total issuance, or holds exceed reserves.
	Conservation,
	/// The total issuance differs from genesis less the reported decreases.
	Issuance,
	/// Something increased the total issuance after genesis.
	Minting,
	/// An account has consumers but no providers, or neither providers nor sufficients.
	RefCount,
	/// An extrinsic's actual weight exceeds its declared weight.
	Weight,
	/// An extrinsic's recorded storage proof exceeds its declared proof size, or a block's
	/// exceeds the block limit.
	Pov,
	/// A block's weight exceeds the block limit.
	BlockWeight,
	/// A block took longer than the limit to execute natively.
	BlockTime,
}

/// A failed check: what, where, and the details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
	/// The check that failed.
	pub check: Check,
	/// The block it failed in (0: genesis).
	pub block: BlockNumber,
	/// The input's record being applied, if the failure is an extrinsic's.
	pub record: Option<usize>,
	/// What went wrong.
	pub detail: String,
}

impl Finding {
	/// A finding of `check` in block `block`.
	pub fn new(check: Check, block: BlockNumber, record: Option<usize>, detail: String) -> Self {
		Finding { check, block, record, detail }
	}
}

impl fmt::Display for Finding {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		write!(f, "{:?} check failed in block {}", self.check, self.block)?;
		if let Some(record) = self.record {
			write!(f, " at record {record}")?;
		}
		write!(f, ": {}", self.detail)
	}
}

/// What one or more executions did.
#[derive(Clone, Debug, Default)]
pub struct Stats {
	/// Inputs run.
	pub executions: u64,
	/// Records read (within the limits).
	pub records: u64,
	/// Records whose call did not decode.
	pub skipped_undecodable: u64,
	/// Records whose call is [`forbidden`].
	pub skipped_forbidden: u64,
	/// Records beyond [`MAX_RECORDS`] or [`MAX_BLOCKS`].
	pub skipped_limit: u64,
	/// Blocks built.
	pub blocks: u64,
	/// Signed extrinsics applied (`Ok(_)`): dispatched, successfully or not.
	pub dispatched: u64,
	/// Of those, dispatched successfully.
	pub ok: u64,
	/// Of those, failed with a dispatch error.
	pub failed: u64,
	/// Signed extrinsics refused as invalid (`Err(TransactionValidityError)`), rolled back.
	pub invalid: u64,
	/// Successful dispatches by pallet index.
	pub ok_by_pallet: BTreeMap<u8, u64>,
	/// The coverage proxy: (pallet, call, outcome) of every signed call and (pallet, variant)
	/// of every event.
	pub features: BTreeSet<u64>,
	/// Keys in the genesis state.
	pub keys_before: u32,
	/// Keys in the final state (the largest, over several executions).
	pub keys_after: u32,
	/// The longest native execution of a block.
	pub max_block_time: Duration,
	/// The largest storage proof of a block, in bytes.
	pub max_block_proof: usize,
	/// The largest ratio of an extrinsic's recorded proof to its declared proof size.
	pub max_pov_ratio: f64,
	/// Issuance increases reported after genesis.
	pub minted: Balance,
	/// Issuance decreases reported after genesis.
	pub burned: Balance,
	/// The record being applied (to name it if it panics).
	pub(crate) current_record: Option<usize>,
}

impl Stats {
	/// Add `other`'s counts to these.
	pub fn absorb(&mut self, other: &Stats) {
		self.executions += other.executions;
		self.records += other.records;
		self.skipped_undecodable += other.skipped_undecodable;
		self.skipped_forbidden += other.skipped_forbidden;
		self.skipped_limit += other.skipped_limit;
		self.blocks += other.blocks;
		self.dispatched += other.dispatched;
		self.ok += other.ok;
		self.failed += other.failed;
		self.invalid += other.invalid;
		for (pallet, count) in &other.ok_by_pallet {
			*self.ok_by_pallet.entry(*pallet).or_default() += count;
		}
		self.features.extend(other.features.iter().copied());
		if self.keys_before == 0 {
			self.keys_before = other.keys_before;
		}
		self.keys_after = self.keys_after.max(other.keys_after);
		self.max_block_time = self.max_block_time.max(other.max_block_time);
		self.max_block_proof = self.max_block_proof.max(other.max_block_proof);
		self.max_pov_ratio = self.max_pov_ratio.max(other.max_pov_ratio);
		self.minted = self.minted.saturating_add(other.minted);
		self.burned = self.burned.saturating_add(other.burned);
	}

	/// The one-line summary the binary prints.
	pub fn summary(&self, findings: usize) -> String {
		format!(
			"executions: {}, blocks: {}, calls dispatched: {} (ok {}, failed {}), invalid: {}, \
			 skipped: {} undecodable / {} forbidden / {} over limits, distinct outcomes: {}, \
			 storage keys: {} at genesis, {} at most after, max block time: {:?}, max block \
			 proof: {} bytes, max proof/declared: {:.3}, burned: {}, findings: {findings}",
			self.executions,
			self.blocks,
			self.dispatched,
			self.ok,
			self.failed,
			self.invalid,
			self.skipped_undecodable,
			self.skipped_forbidden,
			self.skipped_limit,
			self.features.len(),
			self.keys_before,
			self.keys_after,
			self.max_block_time,
			self.max_block_proof,
			self.max_pov_ratio,
			self.burned,
		)
	}
}

/// Run one input through a harness built once per process (see [`Harness::run`]).
pub fn run_input(data: &[u8]) -> Result<Stats, Finding> {
	static HARNESS: OnceLock<Result<Harness, Finding>> = OnceLock::new();
	match HARNESS.get_or_init(Harness::new) {
		Ok(harness) => harness.run(data),
		Err(finding) => Err(finding.clone()),
	}
}
