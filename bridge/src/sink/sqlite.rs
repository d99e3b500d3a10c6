//! The SQLite outbox: the default sink, embedded (bundled SQLite), nothing to install.
//!
//! Two tables. `bridge_meta` holds the genesis hash the outbox was started with and the cursor
//! (the last block whose events are in the outbox). `events` holds one row per event, in chain
//! order (`seq`), with the event's `id` as a unique key. A block's rows and the cursor's move are
//! one transaction, committed with `synchronous = FULL` in WAL mode: after a crash at any
//! instant the outbox holds either all of a block's events and the cursor past it, or none of
//! them and the cursor before it. Services read `events` in `seq` order and keep their own
//! position (see `docs/integrations.md`).

use crate::{
	failpoint,
	schema::{BlockEvents, BlockId},
};
use anyhow::{bail, Context as _, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS bridge_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	id           TEXT    NOT NULL UNIQUE,
	block_number INTEGER NOT NULL,
	block_hash   TEXT    NOT NULL,
	event_index  INTEGER NOT NULL,
	kind         TEXT    NOT NULL,
	order_id     INTEGER,
	listing_id   INTEGER,
	document     TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_order ON events(order_id) WHERE order_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_by_kind ON events(kind);
";

/// A row of the outbox: its position and the event document (JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
	pub seq: i64,
	pub document: String,
}

/// An SQLite database with the bridge's state (genesis, cursor) and, for the outbox sink, its
/// events. The NATS sink keeps only its state in one.
pub struct Outbox {
	conn: Connection,
}

impl Outbox {
	/// Open or create the database at `path`.
	pub fn open(path: &Path) -> Result<Self> {
		let conn = Connection::open(path)
			.with_context(|| format!("opening SQLite database {}", path.display()))?;
		let mode: String =
			conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
		if !mode.eq_ignore_ascii_case("wal") {
			bail!("{}: SQLite refused WAL mode (got {mode})", path.display());
		}
		conn.pragma_update(None, "synchronous", "FULL")?;
		conn.busy_timeout(std::time::Duration::from_secs(10))?;
		conn.execute_batch(SCHEMA)?;
		Ok(Self { conn })
	}

	fn meta(&self, key: &str) -> Result<Option<String>> {
		Ok(self
			.conn
			.query_row("SELECT value FROM bridge_meta WHERE key = ?1", [key], |row| row.get(0))
			.optional()?)
	}

	/// The genesis hash this database was started with, if any.
	pub fn genesis(&self) -> Result<Option<String>> {
		self.meta("genesis")
	}

	/// Record the chain's genesis hash; refuses to replace a different one.
	pub fn set_genesis(&self, genesis: &str) -> Result<()> {
		match self.genesis()? {
			Some(stored) if stored != genesis => {
				bail!("this database belongs to the chain with genesis {stored}, not {genesis}")
			},
			Some(_) => Ok(()),
			None => {
				self.conn.execute(
					"INSERT INTO bridge_meta (key, value) VALUES ('genesis', ?1)",
					[genesis],
				)?;
				Ok(())
			},
		}
	}

	/// The last block delivered in full.
	pub fn cursor(&self) -> Result<Option<BlockId>> {
		let (Some(number), Some(hash)) = (self.meta("cursor_number")?, self.meta("cursor_hash")?)
		else {
			return Ok(None);
		};
		Ok(Some(BlockId { number: number.parse().context("cursor_number is not a number")?, hash }))
	}

	fn set_cursor(tx: &rusqlite::Transaction<'_>, block: &BlockId) -> Result<()> {
		let upsert = "INSERT INTO bridge_meta (key, value) VALUES (?1, ?2)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value";
		tx.execute(upsert, params!["cursor_number", block.number.to_string()])?;
		tx.execute(upsert, params!["cursor_hash", block.hash])?;
		Ok(())
	}

	/// Append a block's events and move the cursor to it, in one transaction.
	pub fn deliver(&mut self, block: &BlockEvents) -> Result<()> {
		let tx = self.conn.transaction()?;
		{
			let mut insert = tx.prepare_cached(
				"INSERT INTO events (id, block_number, block_hash, event_index, kind, order_id, listing_id, document)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			)?;
			for event in &block.events {
				insert.execute(params![
					event.id,
					sql_int(event.block.number)?,
					event.block.hash,
					event.event_index,
					event.kind,
					event.order.map(sql_int).transpose()?,
					event.listing.map(sql_int).transpose()?,
					serde_json::to_string(event)?,
				])?;
			}
		}
		if !block.events.is_empty() {
			failpoint::bridge("mid-transaction", block.block.number);
		}
		Self::set_cursor(&tx, &block.block)?;
		tx.commit()?;
		Ok(())
	}

	/// Move the cursor alone (blocks without commerce events; the NATS sink's state).
	pub fn advance(&mut self, block: &BlockId) -> Result<()> {
		let tx = self.conn.transaction()?;
		Self::set_cursor(&tx, block)?;
		tx.commit()?;
		Ok(())
	}

	/// Events in outbox order: those of `order` if given, after position `after`, at most
	/// `limit`.
	pub fn events(&self, order: Option<u64>, after: i64, limit: u32) -> Result<Vec<Row>> {
		let mut query = self.conn.prepare_cached(
			"SELECT seq, document FROM events
			 WHERE seq > ?1 AND (?2 IS NULL OR order_id = ?2)
			 ORDER BY seq LIMIT ?3",
		)?;
		let rows = query
			.query_map(params![after, order.map(sql_int).transpose()?, limit], |row| {
				Ok(Row { seq: row.get(0)?, document: row.get(1)? })
			})?;
		Ok(rows.collect::<Result<_, _>>()?)
	}

	/// How many events the outbox holds.
	pub fn count(&self) -> Result<u64> {
		let count: i64 =
			self.conn.query_row("SELECT COUNT(*) FROM events", [], |row| row.get(0))?;
		Ok(count.unsigned_abs())
	}
}

/// SQLite integers are signed 64-bit.
fn sql_int(n: u64) -> Result<i64> {
	i64::try_from(n).with_context(|| format!("{n} does not fit an SQLite integer"))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::schema::CommerceEvent;

	fn block(number: u64, orders: &[u64]) -> BlockEvents {
		let id = BlockId { number, hash: format!("0x{number:064x}") };
		let events = orders
			.iter()
			.enumerate()
			.map(|(i, o)| CommerceEvent::sample(&id, i as u32, Some(*o)))
			.collect();
		BlockEvents { block: id, events }
	}

	fn temp() -> (tempdir::Dir, Outbox) {
		let dir = tempdir::Dir::new();
		let outbox = Outbox::open(&dir.path.join("outbox.sqlite")).unwrap();
		(dir, outbox)
	}

	/// A directory removed when dropped (no extra crate for it).
	mod tempdir {
		pub struct Dir {
			pub path: std::path::PathBuf,
		}
		impl Dir {
			pub fn new() -> Self {
				use std::sync::atomic::{AtomicU32, Ordering};
				static N: AtomicU32 = AtomicU32::new(0);
				let path = std::env::temp_dir().join(format!(
					"commerce-bridge-test-{}-{}",
					std::process::id(),
					N.fetch_add(1, Ordering::Relaxed)
				));
				std::fs::create_dir_all(&path).unwrap();
				Self { path }
			}
		}
		impl Drop for Dir {
			fn drop(&mut self) {
				let _ = std::fs::remove_dir_all(&self.path);
			}
		}
	}

	#[test]
	fn a_block_and_its_cursor_land_together() {
		let (_dir, mut outbox) = temp();
		assert_eq!(outbox.cursor().unwrap(), None);
		outbox.deliver(&block(3, &[7, 7])).unwrap();
		assert_eq!(outbox.cursor().unwrap().unwrap().number, 3);
		outbox.deliver(&block(4, &[8])).unwrap();
		assert_eq!(outbox.count().unwrap(), 3);
		let of_seven = outbox.events(Some(7), 0, 10).unwrap();
		assert_eq!(of_seven.len(), 2);
		assert!(of_seven[0].seq < of_seven[1].seq);
		let after_first = outbox.events(None, of_seven[0].seq, 10).unwrap();
		assert_eq!(after_first.len(), 2);
	}

	#[test]
	fn a_repeated_block_is_refused_whole() {
		let (_dir, mut outbox) = temp();
		outbox.deliver(&block(3, &[7, 7])).unwrap();
		// The same events again (a bug upstream): the unique id refuses them and the transaction
		// leaves neither rows nor a moved cursor behind.
		let mut again = block(3, &[7, 7]);
		again.block.number = 9;
		assert!(outbox.deliver(&again).is_err());
		assert_eq!(outbox.count().unwrap(), 2);
		assert_eq!(outbox.cursor().unwrap().unwrap().number, 3);
	}

	#[test]
	fn another_chain_is_refused() {
		let (_dir, outbox) = temp();
		outbox.set_genesis("0xaa").unwrap();
		outbox.set_genesis("0xaa").unwrap();
		let err = outbox.set_genesis("0xbb").unwrap_err().to_string();
		assert!(err.contains("0xaa"), "{err}");
		assert_eq!(outbox.genesis().unwrap().as_deref(), Some("0xaa"));
	}
}
