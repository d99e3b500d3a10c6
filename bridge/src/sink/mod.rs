//! Where delivered events go: the SQLite outbox (default) or NATS JetStream.

pub mod nats;
pub mod sqlite;

use crate::schema::{BlockEvents, BlockId};
use anyhow::Result;

/// A sink: it keeps the chain's genesis and the cursor, and delivers a block's events together
/// with the cursor's move past that block.
pub enum Sink {
	Sqlite(sqlite::Outbox),
	Nats(Box<nats::NatsSink>),
}

impl Sink {
	/// The genesis hash the sink was started with.
	pub fn genesis(&self) -> Result<Option<String>> {
		match self {
			Sink::Sqlite(outbox) => outbox.genesis(),
			Sink::Nats(nats) => nats.genesis(),
		}
	}

	/// Record the genesis hash (refused if a different one is recorded).
	pub fn set_genesis(&mut self, genesis: &str) -> Result<()> {
		match self {
			Sink::Sqlite(outbox) => outbox.set_genesis(genesis),
			Sink::Nats(nats) => nats.set_genesis(genesis),
		}
	}

	/// The last block delivered in full.
	pub fn cursor(&self) -> Result<Option<BlockId>> {
		match self {
			Sink::Sqlite(outbox) => outbox.cursor(),
			Sink::Nats(nats) => nats.cursor(),
		}
	}

	/// Deliver a block's events and move the cursor to it. Blocks without events may be skipped
	/// by moving the cursor later with [`Sink::advance`].
	pub async fn deliver(&mut self, block: &BlockEvents) -> Result<()> {
		match self {
			Sink::Sqlite(outbox) => outbox.deliver(block),
			Sink::Nats(nats) => nats.deliver(block).await,
		}
	}

	/// Move the cursor past blocks that had no commerce events.
	pub fn advance(&mut self, block: &BlockId) -> Result<()> {
		match self {
			Sink::Sqlite(outbox) => outbox.advance(block),
			Sink::Nats(nats) => nats.advance(block),
		}
	}

	/// Re-sends dropped by the sink as duplicates so far (NATS's duplicate window).
	pub fn duplicates(&self) -> u64 {
		match self {
			Sink::Sqlite(_) => 0,
			Sink::Nats(nats) => nats.duplicates(),
		}
	}
}
