//! The NATS JetStream sink: for many consumers, on other machines.
//!
//! Every event is published to `<prefix>.<kind>` (one subject per kind) in one stream, with the
//! message id `<block hash>:<event index>` and headers naming its block, position and chain.
//! A block's events are acknowledged by the server before the cursor (kept in a small local
//! SQLite file) moves past the block. Re-sends therefore happen only for a block whose
//! delivery was interrupted, and two things drop them: the server's duplicate window (the
//! message id), and, on start-up, the bridge reading the stream's last message and skipping
//! every event up to it (this holds however long the bridge was down).

use super::sqlite::Outbox;
use crate::{
	failpoint,
	schema::{BlockEvents, BlockId, CommerceEvent},
};
use anyhow::{anyhow, bail, Context as _, Result};
use async_nats::jetstream::{self, message::PublishMessage, stream};
use std::{path::Path, time::Duration};

/// Oldest server version the bridge accepts: the one its tests run against (Debian bookworm's).
pub const MIN_SERVER_VERSION: (u64, u64) = (2, 9);

/// Headers the bridge sets on every message besides `Nats-Msg-Id`.
pub const HEADER_BLOCK: &str = "Commerce-Block";
pub const HEADER_EVENT_INDEX: &str = "Commerce-Event-Index";
pub const HEADER_GENESIS: &str = "Commerce-Genesis";

/// Where and how to publish.
#[derive(Clone, Debug)]
pub struct NatsConfig {
	pub server: String,
	pub stream: String,
	pub subject_prefix: String,
	pub duplicate_window: Duration,
}

pub struct NatsSink {
	js: jetstream::Context,
	config: NatsConfig,
	state: Outbox,
	/// The last event already in the stream when the bridge started: `(block, event index)`.
	high_water: Option<(u64, u32)>,
	/// The chain's genesis, once checked.
	genesis: Option<String>,
	/// Re-sends the server dropped as duplicates (its duplicate window at work).
	pub duplicates: u64,
}

/// `"2.9.10"` → `(2, 9)`.
pub fn parse_version(version: &str) -> Option<(u64, u64)> {
	let mut parts = version.trim_start_matches('v').split('.');
	Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

impl NatsSink {
	/// Connect, check the server, create the stream if missing, read where it ends.
	pub async fn connect(config: NatsConfig, state_path: &Path) -> Result<Self> {
		let client = async_nats::ConnectOptions::new()
			.connection_timeout(Duration::from_secs(5))
			.connect(&config.server)
			.await
			.with_context(|| format!("connecting to the NATS server at {}", config.server))?;
		let version = client.server_info().version;
		match parse_version(&version) {
			Some(v) if v >= MIN_SERVER_VERSION => {},
			_ => bail!(
				"NATS server {} is version {version:?}; the bridge needs {}.{} or newer",
				config.server,
				MIN_SERVER_VERSION.0,
				MIN_SERVER_VERSION.1
			),
		}
		// JetStream answers `$JS.API.INFO`; a server without it has no responder for it.
		let not_enabled = |why: String| {
			anyhow!(
				"JetStream is not enabled on the NATS server at {} (start it with -js): {why}",
				config.server
			)
		};
		let info = client
			.request("$JS.API.INFO", "".into())
			.await
			.map_err(|e| not_enabled(e.to_string()))?;
		let info: serde_json::Value =
			serde_json::from_slice(&info.payload).map_err(|e| not_enabled(e.to_string()))?;
		if let Some(error) = info.get("error") {
			return Err(not_enabled(error.to_string()));
		}
		let js = jetstream::new(client);
		let mut stream = js
			.get_or_create_stream(stream::Config {
				name: config.stream.clone(),
				subjects: vec![format!("{}.>", config.subject_prefix)],
				storage: stream::StorageType::File,
				duplicate_window: config.duplicate_window,
				description: Some(
					"commerce-chain events of finalized blocks (commerce-bridge)".into(),
				),
				..Default::default()
			})
			.await
			.with_context(|| format!("creating or opening the stream {}", config.stream))?;
		let last = stream.info().await.context("reading the stream's state")?.state.last_sequence;
		let (high_water, stream_genesis) = if last == 0 {
			(None, None)
		} else {
			let message =
				stream.get_raw_message(last).await.context("reading the stream's last message")?;
			let header = |name: &str| message.headers.get(name).map(|v| v.to_string());
			let block = header(HEADER_BLOCK).and_then(|v| v.parse().ok());
			let index = header(HEADER_EVENT_INDEX).and_then(|v| v.parse().ok());
			let Some(position) = block.zip(index) else {
				bail!(
					"the last message of stream {} (#{last}) was not published by commerce-bridge; give the bridge a stream of its own",
					config.stream
				);
			};
			(Some(position), header(HEADER_GENESIS))
		};
		let state = Outbox::open(state_path)?;
		if let (Some(stream_genesis), Some(state_genesis)) = (&stream_genesis, state.genesis()?) {
			if *stream_genesis != state_genesis {
				bail!(
					"stream {} holds events of chain {stream_genesis} but the state file {} is for chain {state_genesis}",
					config.stream,
					state_path.display()
				);
			}
		}
		if let Some(stream_genesis) = &stream_genesis {
			state.set_genesis(stream_genesis)?;
		}
		Ok(Self { js, config, state, high_water, genesis: None, duplicates: 0 })
	}

	pub fn genesis(&self) -> Result<Option<String>> {
		self.state.genesis()
	}

	pub fn set_genesis(&mut self, genesis: &str) -> Result<()> {
		self.state.set_genesis(genesis)?;
		self.genesis = Some(genesis.to_owned());
		Ok(())
	}

	pub fn cursor(&self) -> Result<Option<BlockId>> {
		self.state.cursor()
	}

	pub fn advance(&mut self, block: &BlockId) -> Result<()> {
		self.state.advance(block)
	}

	/// Publish a block's events (those not already in the stream), wait for every
	/// acknowledgement, then move the cursor. A failed publish is retried, with the same message
	/// ids, until the server takes it: the cursor never passes an unacknowledged event.
	pub async fn deliver(&mut self, block: &BlockEvents) -> Result<()> {
		let pending: Vec<&CommerceEvent> = block
			.events
			.iter()
			.filter(|e| self.high_water.is_none_or(|hw| (e.block.number, e.event_index) > hw))
			.collect();
		let mut attempt = 0u32;
		loop {
			match self.publish(block.block.number, &pending).await {
				Ok(()) => break,
				Err(e) => {
					attempt += 1;
					let wait = Duration::from_millis(250 * u64::from(attempt.min(20)));
					eprintln!(
						"publishing block #{} failed (attempt {attempt}), retrying in {wait:?}: {e:#}",
						block.block.number
					);
					tokio::time::sleep(wait).await;
				},
			}
		}
		if !pending.is_empty() {
			failpoint::bridge("after-publish", block.block.number);
		}
		self.state.advance(&block.block)
	}

	async fn publish(&mut self, number: u64, events: &[&CommerceEvent]) -> Result<()> {
		let half = events.len() / 2;
		self.publish_acked(&events[..half]).await?;
		if half > 0 {
			failpoint::bridge("mid-publish", number);
		}
		self.publish_acked(&events[half..]).await
	}

	/// Publish `events` pipelined, then wait for all their acknowledgements.
	async fn publish_acked(&mut self, events: &[&CommerceEvent]) -> Result<()> {
		let genesis = self.genesis.clone().ok_or_else(|| anyhow!("genesis not checked"))?;
		let mut acks = Vec::with_capacity(events.len());
		for event in events {
			let message = PublishMessage::build()
				.payload(serde_json::to_vec(event)?.into())
				.message_id(&event.id)
				.header(HEADER_BLOCK, event.block.number.to_string())
				.header(HEADER_EVENT_INDEX, event.event_index.to_string())
				.header(HEADER_GENESIS, genesis.as_str());
			acks.push(
				self.js.send_publish(event.subject(&self.config.subject_prefix), message).await?,
			);
		}
		for ack in acks {
			if ack.await?.duplicate {
				self.duplicates += 1;
			}
		}
		Ok(())
	}
}

/// Every message of a stream, in order: `(stream sequence, message id, document)`. For operators
/// (and the crash tests) to compare the stream with the chain.
pub async fn dump(server: &str, stream_name: &str) -> Result<Vec<(u64, String, String)>> {
	let client =
		async_nats::connect(server).await.with_context(|| format!("connecting to {server}"))?;
	let js = jetstream::new(client);
	let mut stream = js
		.get_stream(stream_name)
		.await
		.with_context(|| format!("opening stream {stream_name}"))?;
	let state = stream.info().await?.state.clone();
	let mut out = Vec::new();
	for seq in state.first_sequence.max(1)..=state.last_sequence {
		let message = stream.get_raw_message(seq).await?;
		let id = message.headers.get("Nats-Msg-Id").map(|v| v.to_string()).unwrap_or_default();
		out.push((seq, id, String::from_utf8_lossy(&message.payload).into_owned()));
	}
	Ok(out)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn versions_parse_and_compare() {
		assert_eq!(parse_version("2.9.10"), Some((2, 9)));
		assert_eq!(parse_version("v2.10.4"), Some((2, 10)));
		assert!(parse_version("2.10.4").unwrap() >= MIN_SERVER_VERSION);
		assert!(parse_version("2.8.4").unwrap() < MIN_SERVER_VERSION);
		assert_eq!(parse_version("dev"), None);
	}
}
