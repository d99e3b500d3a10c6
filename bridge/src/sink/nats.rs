//! The NATS JetStream sink: for many consumers, on other machines.
//!
//! Every event is published to `<prefix>.<kind>` (one subject per kind) in one stream, with the
//! message id `<block hash>:<event index>` and headers naming its block, position and chain.
//! A block's events are acknowledged by the server before the cursor (kept in a small local
//! SQLite file) moves past the block.
//!
//! ## Order, and never losing an event
//!
//! The stream must hold the chain's events in chain order, with no gap: consumers read it in
//! order, and the bridge resumes after the stream's last message. Publishes are pipelined (a
//! block's events are sent without waiting for each acknowledgement), so one of them can be lost
//! (a dropped connection, a restarting server) while those behind it reach the server. Were they
//! stored, the stream would skip the lost event, and a retry would append it out of order; a
//! crash before the retry would lose it for good, the stream's last message being past it.
//!
//! So every publish is chained to its predecessor, and the server stores it only if the stream's
//! last message is exactly that predecessor ([`chained`]):
//!
//! - the first event of a batch expects the stream's last sequence to be the tail the bridge
//!   knows (`Nats-Expected-Last-Sequence`): the sequence of its own last event, from that event's
//!   acknowledgement or from reading the stream's end;
//! - every next event of the batch expects the previous event's id as the stream's last message
//!   id (`Nats-Expected-Last-Msg-Id`), and the sequence after it.
//!
//! Behind a lost publish every message of the batch is refused (its predecessor is not the
//! stream's last), never stored past the gap. The stream is therefore always a prefix of the
//! chain's events, in order. After any failure, and on start, the bridge reads where the stream
//! ends (its last sequence, and the block and event index in the last message's headers) and
//! publishes again from the first event after it, chained the same way: a crash at any instant
//! neither loses nor reorders an event, and nothing the stream holds is published twice. A
//! message id the server has seen within its duplicate window is acknowledged as a duplicate
//! without being stored again (a publish from before a reconnection that arrives late); the
//! acknowledged sequence must still be the expected one, or the bridge stops ([`check_ack`]).
//!
//! Why both kinds of expectation. A sequence is only a count: had a message of another publisher
//! taken the place of a lost event, the event behind it would find the count it expects and be
//! stored past the gap; the previous event's id names the predecessor itself. But a restarted
//! server (2.9) rebuilds the last message id only from the messages within the duplicate window,
//! so after a restart and a quiet spell longer than the window it knows no last id, and would
//! refuse a first publish that expects one, for ever; the last sequence is part of the stream's
//! state and survives restarts, and the bridge has just checked (by its acknowledgement, or by
//! reading it) that the message at that sequence is its own. Each next event's predecessor was
//! stored moments before, within the window, so its id is known even across a restart; if it
//! is not (a tiny window), the publish is refused and the next attempt starts a new batch, with
//! a sequence.
//!
//! The cost: two headers (about 120 bytes) per message; no round trip is added (publishes stay
//! pipelined); after a failure, one stream-info request and one message read before publishing
//! again. The first message of an empty stream carries no expectation (the server reads 0 as
//! "no check"); it is the stream's first either way (an acknowledgement at another sequence
//! stops the bridge), and every later one expects it.

use super::sqlite::Outbox;
use crate::{
	failpoint,
	follow::Fatal,
	schema::{BlockEvents, BlockId, CommerceEvent},
};
use anyhow::{anyhow, bail, Context as _, Result};
use async_nats::jetstream::{self, message::PublishMessage, stream};
use std::{path::Path, time::Duration};

/// Oldest server version the bridge accepts: the one its tests run against (Debian bookworm's).
pub const MIN_SERVER_VERSION: (u64, u64) = (2, 9);

/// Headers the bridge sets on every message besides `Nats-Msg-Id` and the expectations
/// (`Nats-Expected-Last-Sequence`, `Nats-Expected-Last-Msg-Id`).
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

/// An event's place in the chain: `(block number, event index)`. Chain order is this order.
pub type Position = (u64, u32);

fn position(event: &CommerceEvent) -> Position {
	(event.block.number, event.event_index)
}

/// Where the stream ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tail {
	/// The stream's last sequence (0: nothing was ever stored).
	pub sequence: u64,
	/// The event of the last message; `None` when the stream holds no message (new, or emptied
	/// by its limits): then the cursor alone says where to resume.
	pub position: Option<Position>,
}

/// The events of a block (in chain order) that come after `position`: those the stream does not
/// hold yet.
pub fn after(events: &[CommerceEvent], position: Option<Position>) -> &[CommerceEvent] {
	let Some(last) = position else { return events };
	let first_new = events.iter().position(|e| self::position(e) > last).unwrap_or(events.len());
	&events[first_new..]
}

/// One publish of a batch: the event, and what the stream's last message must be for the server
/// to store it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chained<'a> {
	pub event: &'a CommerceEvent,
	/// `Nats-Expected-Last-Sequence` (0: none, the stream is empty).
	pub last_sequence: u64,
	/// `Nats-Expected-Last-Msg-Id`: the previous event of the batch; `None` for the first.
	pub last_id: Option<&'a str>,
}

/// A batch of events (in chain order) chained after the stream's last sequence `tail_sequence`:
/// the first expects that sequence, each next one the previous event's id and the sequence after
/// the previous event's.
pub fn chained(tail_sequence: u64, events: &[CommerceEvent]) -> Vec<Chained<'_>> {
	let mut previous: Option<&str> = None;
	events
		.iter()
		.zip(tail_sequence..)
		.map(|(event, last_sequence)| {
			let last_id = previous.replace(&event.id);
			Chained { event, last_sequence, last_id }
		})
		.collect()
}

/// The server's answer to one publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ack {
	pub sequence: u64,
	pub duplicate: bool,
}

/// What an answer meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acked {
	/// Stored right after its predecessor.
	Stored,
	/// Already stored (its id is in the duplicate window), at the place it belongs.
	Duplicate,
}

/// An answer to a publish that expected the last sequence `expected_last` must name the next
/// sequence: stored there now, or (a duplicate) earlier. Any other sequence means the stream does
/// not hold the chain's events in order (another publisher, a stream edited by hand): retrying
/// cannot fix that.
pub fn check_ack(event_id: &str, expected_last: u64, ack: Ack) -> Result<Acked, Fatal> {
	if Some(ack.sequence) != expected_last.checked_add(1) {
		return Err(Fatal(format!(
			"the stream holds event {event_id} at sequence {}, where the bridge expected {}: the stream \
			 is not the chain's events in order (another publisher, or a stream edited by hand). Give \
			 the bridge a stream of its own.",
			ack.sequence,
			expected_last.saturating_add(1)
		)));
	}
	Ok(if ack.duplicate { Acked::Duplicate } else { Acked::Stored })
}

/// What the delivery logic needs from JetStream; a trait so the unit tests can run that logic
/// against a model of the server's rules.
pub(crate) trait Publish {
	/// Where the stream ends now, read from the server.
	async fn tail(&mut self) -> Result<Tail>;
	/// Send `batch` pipelined, each event with its expectations ([`chained`]), and return the
	/// server's answers in order, ending at the first failure (the rest unknown).
	async fn send(&mut self, batch: &[Chained<'_>]) -> Vec<Result<Ack>>;
}

/// The delivery logic, apart from the connection: the stream's tail as last known.
#[derive(Debug, Default)]
pub(crate) struct Chain {
	/// `None`: unknown (at start, after a failure): read from the server before publishing.
	tail: Option<Tail>,
	/// Re-sends the server dropped as duplicates.
	duplicates: u64,
}

impl Chain {
	/// One attempt to have `block`'s events in the stream, in order after what it holds. After a
	/// failure the tail is forgotten, so the next attempt starts from where the stream ends.
	pub(crate) async fn deliver_once<P: Publish>(
		&mut self,
		js: &mut P,
		block: &BlockEvents,
	) -> Result<()> {
		let result = self.try_deliver(js, block).await;
		if result.is_err() {
			self.tail = None;
		}
		result
	}

	async fn try_deliver<P: Publish>(&mut self, js: &mut P, block: &BlockEvents) -> Result<()> {
		let tail = match self.tail {
			Some(tail) => tail,
			None => {
				let tail = js.tail().await?;
				self.tail = Some(tail);
				tail
			},
		};
		let pending = after(&block.events, tail.position);
		let half = pending.len() / 2;
		self.publish(js, &pending[..half]).await?;
		if half > 0 {
			failpoint::bridge("mid-publish", block.block.number);
		}
		self.publish(js, &pending[half..]).await
	}

	/// Publish `events` chained after the known tail, pipelined; take the answers in order.
	async fn publish<P: Publish>(&mut self, js: &mut P, events: &[CommerceEvent]) -> Result<()> {
		if events.is_empty() {
			return Ok(());
		}
		let tail = self.tail.ok_or_else(|| anyhow!("the stream's tail is unknown"))?;
		let batch = chained(tail.sequence, events);
		let answers = js.send(&batch).await;
		let answered = answers.len();
		for (publish, answer) in batch.iter().zip(answers) {
			let event = publish.event;
			let ack = answer.with_context(|| format!("publishing event {}", event.id))?;
			if check_ack(&event.id, publish.last_sequence, ack)? == Acked::Duplicate {
				self.duplicates += 1;
			}
			self.tail = Some(Tail { sequence: ack.sequence, position: Some(position(event)) });
		}
		if answered < batch.len() {
			bail!("{} of {} publishes got no answer", batch.len() - answered, batch.len());
		}
		Ok(())
	}
}

/// The connection to the stream.
struct JetStream {
	js: jetstream::Context,
	stream: stream::Stream,
	config: NatsConfig,
	/// The chain's genesis, once checked (every message carries it).
	genesis: Option<String>,
}

/// The tail, and the chain the last message names.
async fn read_tail(stream: &mut stream::Stream, name: &str) -> Result<(Tail, Option<String>)> {
	let state = stream.info().await.context("reading the stream's state")?.state.clone();
	if state.messages == 0 {
		return Ok((Tail { sequence: state.last_sequence, position: None }, None));
	}
	let last = state.last_sequence;
	let message =
		stream.get_raw_message(last).await.context("reading the stream's last message")?;
	let header = |name: &str| message.headers.get(name).map(|v| v.to_string());
	let block = header(HEADER_BLOCK).and_then(|v| v.parse().ok());
	let index = header(HEADER_EVENT_INDEX).and_then(|v| v.parse().ok());
	let Some(position) = block.zip(index) else {
		return Err(Fatal(format!(
			"the last message of stream {name} (#{last}) was not published by commerce-bridge; give the \
			 bridge a stream of its own"
		))
		.into());
	};
	Ok((Tail { sequence: last, position: Some(position) }, header(HEADER_GENESIS)))
}

impl Publish for JetStream {
	async fn tail(&mut self) -> Result<Tail> {
		let (tail, genesis) = read_tail(&mut self.stream, &self.config.stream).await?;
		if let (Some(ours), Some(theirs)) = (&self.genesis, genesis) {
			if *ours != theirs {
				return Err(Fatal(format!(
					"stream {} ends with an event of chain {theirs}, not of this chain {ours}",
					self.config.stream
				))
				.into());
			}
		}
		Ok(tail)
	}

	async fn send(&mut self, batch: &[Chained<'_>]) -> Vec<Result<Ack>> {
		let mut answers = Vec::with_capacity(batch.len());
		let Some(genesis) = self.genesis.clone() else {
			answers.push(Err(anyhow!("genesis not checked")));
			return answers;
		};
		let mut pending = Vec::with_capacity(batch.len());
		let mut send_error = None;
		for &Chained { event, last_sequence, last_id } in batch {
			let payload = match serde_json::to_vec(event) {
				Ok(payload) => payload,
				Err(e) => {
					send_error = Some(e.into());
					break;
				},
			};
			let mut message = PublishMessage::build()
				.payload(payload.into())
				.message_id(&event.id)
				.header(HEADER_BLOCK, event.block.number.to_string())
				.header(HEADER_EVENT_INDEX, event.event_index.to_string())
				.header(HEADER_GENESIS, genesis.as_str());
			if last_sequence > 0 {
				message = message.expected_last_sequence(last_sequence);
			}
			if let Some(last_id) = last_id {
				message = message.expected_last_message_id(last_id);
			}
			match self.js.send_publish(event.subject(&self.config.subject_prefix), message).await {
				Ok(ack) => pending.push(ack),
				Err(e) => {
					send_error = Some(e.into());
					break;
				},
			}
		}
		for ack in pending {
			match ack.await {
				Ok(ack) => {
					answers.push(Ok(Ack { sequence: ack.sequence, duplicate: ack.duplicate }))
				},
				Err(e) => {
					answers.push(Err(e.into()));
					return answers;
				},
			}
		}
		if let Some(e) = send_error {
			answers.push(Err(e));
		}
		answers
	}
}

pub struct NatsSink {
	stream: JetStream,
	chain: Chain,
	state: Outbox,
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
		let (tail, stream_genesis) = read_tail(&mut stream, &config.stream).await?;
		let state = Outbox::open(state_path)?;
		if let (Some(stream_genesis), Some(state_genesis)) = (&stream_genesis, state.genesis()?) {
			if *stream_genesis != state_genesis {
				return Err(Fatal(format!(
					"stream {} holds events of chain {stream_genesis} but the state file {} is for chain \
					 {state_genesis}",
					config.stream,
					state_path.display()
				))
				.into());
			}
		}
		if let Some(stream_genesis) = &stream_genesis {
			state.set_genesis(stream_genesis)?;
		}
		Ok(Self {
			stream: JetStream { js, stream, config, genesis: None },
			chain: Chain { tail: Some(tail), duplicates: 0 },
			state,
		})
	}

	pub fn genesis(&self) -> Result<Option<String>> {
		self.state.genesis()
	}

	pub fn set_genesis(&mut self, genesis: &str) -> Result<()> {
		self.state.set_genesis(genesis)?;
		self.stream.genesis = Some(genesis.to_owned());
		Ok(())
	}

	pub fn cursor(&self) -> Result<Option<BlockId>> {
		self.state.cursor()
	}

	pub fn advance(&mut self, block: &BlockId) -> Result<()> {
		self.state.advance(block)
	}

	/// Re-sends the server dropped as duplicates so far.
	pub fn duplicates(&self) -> u64 {
		self.chain.duplicates
	}

	/// Publish a block's events (those not already in the stream), chained and pipelined, wait
	/// for every acknowledgement, then move the cursor. A failure is retried, from where the
	/// stream then ends, until the server takes every event: the cursor never passes an
	/// unacknowledged event, and the stream never skips one ([`Fatal`] errors stop at once).
	pub async fn deliver(&mut self, block: &BlockEvents) -> Result<()> {
		let mut attempt = 0u32;
		loop {
			match self.chain.deliver_once(&mut self.stream, block).await {
				Ok(()) => break,
				Err(e) if e.downcast_ref::<Fatal>().is_some() => return Err(e),
				Err(e) => {
					attempt += 1;
					let wait = Duration::from_millis(250 * u64::from(attempt.min(20)));
					eprintln!(
						"publishing block #{} failed (attempt {attempt}), retrying from the stream's end in \
						 {wait:?}: {e:#}",
						block.block.number
					);
					tokio::time::sleep(wait).await;
				},
			}
		}
		if !block.events.is_empty() {
			failpoint::bridge("after-publish", block.block.number);
		}
		self.state.advance(&block.block)
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
	use crate::schema::BlockId;
	use std::collections::{BTreeSet, HashMap};

	#[test]
	fn versions_parse_and_compare() {
		assert_eq!(parse_version("2.9.10"), Some((2, 9)));
		assert_eq!(parse_version("v2.10.4"), Some((2, 10)));
		assert!(parse_version("2.10.4").unwrap() >= MIN_SERVER_VERSION);
		assert!(parse_version("2.8.4").unwrap() < MIN_SERVER_VERSION);
		assert_eq!(parse_version("dev"), None);
	}

	/// Block `number` with `count` commerce events at event indices 1, 3, 5, … (not every event
	/// of a block is a commerce event).
	fn block(number: u64, count: u32) -> BlockEvents {
		let id = BlockId { number, hash: format!("0x{number:064x}") };
		let events = (0..count).map(|i| CommerceEvent::sample(&id, 2 * i + 1, Some(7))).collect();
		BlockEvents { block: id, events }
	}

	fn ids(blocks: &[BlockEvents]) -> Vec<String> {
		blocks.iter().flat_map(|b| b.events.iter().map(|e| e.id.clone())).collect()
	}

	/// A model of a JetStream stream's rules for a publish, in the server's order: a message id
	/// seen before is answered as a duplicate with its sequence (the duplicate window, here
	/// unlimited); a message whose expected last sequence (non-zero) is not the stream's last
	/// sequence, or whose expected last message id is not the id of the stream's last message as
	/// the server knows it, is refused; anything else is stored. Faults are injected by publish
	/// attempt (counted from 1 over the model's life): `lost` never reaches the server,
	/// `unanswered` is stored but its answer is lost, `foreign` is lost while another publisher's
	/// message (no id, not the bridge's headers) is stored in its place. Messages behind a fault
	/// in the same batch still reach the server (that is what pipelining does); the caller only
	/// sees answers up to the first failure.
	#[derive(Default)]
	struct Model {
		/// `(message id, event position)`; `None`s for another publisher's message.
		stored: Vec<(Option<String>, Option<Position>)>,
		seen: HashMap<String, u64>,
		/// The id of the last message as the server knows it (forgotten by a restart after a
		/// quiet spell longer than the duplicate window).
		last_id: Option<String>,
		attempts: u64,
		lost: BTreeSet<u64>,
		unanswered: BTreeSet<u64>,
		foreign: BTreeSet<u64>,
		/// Ignore every expectation (publishing as it was before the chain).
		unchained: bool,
		/// Ignore the expected last message id (a chain on sequences alone).
		sequence_only: bool,
	}

	impl Model {
		fn receive(&mut self, publish: &Chained<'_>) -> Result<Ack> {
			let event = publish.event;
			self.attempts += 1;
			if self.foreign.contains(&self.attempts) {
				self.stored.push((None, None));
				self.last_id = None;
			}
			if self.lost.contains(&self.attempts) || self.foreign.contains(&self.attempts) {
				bail!("connection lost");
			}
			if let Some(&sequence) = self.seen.get(&event.id) {
				return Ok(Ack { sequence, duplicate: true });
			}
			let last = self.stored.len() as u64;
			if !self.unchained && publish.last_sequence > 0 && publish.last_sequence != last {
				bail!("wrong last sequence: {last}");
			}
			if !self.unchained
				&& !self.sequence_only
				&& publish.last_id.is_some()
				&& publish.last_id != self.last_id.as_deref()
			{
				bail!("wrong last msg ID: {}", self.last_id.as_deref().unwrap_or_default());
			}
			self.stored.push((Some(event.id.clone()), Some(position(event))));
			self.last_id = Some(event.id.clone());
			let sequence = last + 1;
			self.seen.insert(event.id.clone(), sequence);
			if self.unanswered.contains(&self.attempts) {
				bail!("timed out waiting for the acknowledgement");
			}
			Ok(Ack { sequence, duplicate: false })
		}

		/// The bridge's messages, in stream order.
		fn ids(&self) -> Vec<String> {
			self.stored.iter().filter_map(|(id, _)| id.clone()).collect()
		}
	}

	impl Publish for Model {
		async fn tail(&mut self) -> Result<Tail> {
			let position = match self.stored.last() {
				None => None,
				Some((_, None)) => {
					return Err(Fatal("not published by commerce-bridge".into()).into())
				},
				Some((_, position)) => *position,
			};
			Ok(Tail { sequence: self.stored.len() as u64, position })
		}

		async fn send(&mut self, batch: &[Chained<'_>]) -> Vec<Result<Ack>> {
			let mut answers = Vec::new();
			let mut failed = false;
			for publish in batch {
				let answer = self.receive(publish);
				if !failed {
					failed = answer.is_err();
					answers.push(answer);
				}
			}
			answers
		}
	}

	/// Deliver `blocks` the way [`NatsSink::deliver`] does (retrying each block until it is in),
	/// and, when `crash`, with a new [`Chain`] after every failure: the bridge killed and
	/// restarted, knowing nothing but what the stream holds.
	async fn deliver_all(model: &mut Model, blocks: &[BlockEvents], crash: bool) -> u64 {
		let mut chain = Chain::default();
		let mut duplicates = 0;
		for block in blocks {
			let mut attempts = 0;
			while chain.deliver_once(model, block).await.is_err() {
				attempts += 1;
				assert!(attempts < 10, "block #{} never got in", block.block.number);
				if crash {
					duplicates += chain.duplicates;
					chain = Chain::default();
				}
			}
		}
		duplicates + chain.duplicates
	}

	#[tokio::test]
	async fn a_lost_publish_is_not_overtaken_by_the_ones_behind_it() {
		// Six events; the second publish never reaches the server. Pipelined, the third reaches
		// it, expecting the second as the stream's last, and is refused; so are the ones behind.
		let blocks = [block(5, 6)];
		let mut model = Model { lost: [2].into(), ..Default::default() };
		let mut chain = Chain::default();
		assert!(chain.deliver_once(&mut model, &blocks[0]).await.is_err());
		assert_eq!(model.ids(), ids(&blocks)[..1], "nothing stored past the gap");
		chain.deliver_once(&mut model, &blocks[0]).await.unwrap();
		assert_eq!(model.ids(), ids(&blocks), "every event, in chain order");
		assert_eq!(chain.duplicates, 0);
	}

	#[tokio::test]
	async fn a_crash_after_a_lost_publish_loses_nothing() {
		// The old failure: the lost event's successors stored, the bridge killed before its
		// retry, and the restarted bridge resuming after the stream's last message, past the
		// lost event, for good. Chained, the stream ends before the gap and the restart fills it.
		let blocks = [block(5, 4), block(6, 4), block(9, 3)];
		// Publish 5 is block 6's first event, with its second pipelined behind it.
		let mut model = Model { lost: [5].into(), ..Default::default() };
		deliver_all(&mut model, &blocks, true).await;
		assert_eq!(model.ids(), ids(&blocks));
	}

	#[tokio::test]
	async fn a_lost_acknowledgement_is_not_published_twice() {
		// Stored, its answer lost: the retry reads the stream's end and starts after it.
		let blocks = [block(5, 6)];
		let mut model = Model { unanswered: [2].into(), ..Default::default() };
		let duplicates = deliver_all(&mut model, &blocks, false).await;
		assert_eq!(model.ids(), ids(&blocks));
		assert_eq!(duplicates, 0);
	}

	#[tokio::test]
	async fn any_single_fault_anywhere_keeps_the_stream_equal_to_the_chain() {
		let blocks = [block(3, 1), block(4, 5), block(6, 2), block(8, 7)];
		let expected = ids(&blocks);
		let publishes = expected.len() as u64;
		for attempt in 1..=publishes {
			for crash in [false, true] {
				for unanswered in [false, true] {
					let mut model = Model::default();
					if unanswered {
						model.unanswered.insert(attempt);
					} else {
						model.lost.insert(attempt);
					}
					deliver_all(&mut model, &blocks, crash).await;
					assert_eq!(
						model.ids(),
						expected,
						"fault at publish {attempt} (unanswered: {unanswered}, crash: {crash})"
					);
				}
			}
		}
	}

	#[tokio::test]
	async fn unchained_publishing_reorders_or_loses_events() {
		// The model is faithful enough to show the bug the chain fixes: with the expectations
		// ignored, a lost publish is overtaken by the ones behind it; the retry starts after the
		// stream's end and the lost event is never delivered (the old retry of the whole block
		// appended it out of order instead).
		let blocks = [block(5, 6)];
		let mut retried = Model { lost: [2].into(), unchained: true, ..Default::default() };
		deliver_all(&mut retried, &blocks, false).await;
		assert_ne!(retried.ids(), ids(&blocks));
		let mut crashed = Model { lost: [2].into(), unchained: true, ..Default::default() };
		deliver_all(&mut crashed, &blocks, true).await;
		assert!(!crashed.ids().contains(&ids(&blocks)[1]), "the lost event is never delivered");
	}

	#[tokio::test]
	async fn what_the_stream_holds_is_not_published_again() {
		// A state file lost (or a cursor behind the stream): the stream's end is the truth.
		let blocks = [block(5, 3), block(6, 3)];
		let mut model = Model::default();
		deliver_all(&mut model, &blocks, false).await;
		let attempts = model.attempts;
		assert_eq!(deliver_all(&mut model, &blocks, false).await, 0);
		assert_eq!(model.attempts, attempts, "nothing sent");
		assert_eq!(model.ids(), ids(&blocks));
	}

	#[tokio::test]
	async fn a_restarted_server_that_forgot_the_last_id_takes_the_next_batch() {
		// After a restart and a quiet spell longer than the duplicate window the server knows no
		// last message id: the first event of a batch expects a sequence, so it is taken, and the
		// ones behind it find their predecessor's id.
		let blocks = [block(5, 3), block(6, 4)];
		let mut model = Model::default();
		let mut chain = Chain::default();
		chain.deliver_once(&mut model, &blocks[0]).await.unwrap();
		model.last_id = None;
		chain.deliver_once(&mut model, &blocks[1]).await.unwrap();
		assert_eq!(model.ids(), ids(&blocks));
	}

	#[tokio::test]
	async fn another_publishers_message_in_place_of_a_lost_event_stops_the_bridge() {
		// The first event of block 6 is lost while another publisher's message is stored. The
		// events behind it expect the lost event's id as the stream's last: refused. The stream's
		// end is then not the bridge's, and the bridge stops (exit 2) instead of publishing on.
		let blocks = [block(5, 2), block(6, 4)];
		let mut model = Model { foreign: [3].into(), ..Default::default() };
		let mut chain = Chain::default();
		chain.deliver_once(&mut model, &blocks[0]).await.unwrap();
		assert!(chain.deliver_once(&mut model, &blocks[1]).await.is_err());
		assert_eq!(model.ids(), ids(&blocks[..1]), "nothing of block 6 past the gap");
		let err = chain.deliver_once(&mut model, &blocks[1]).await.unwrap_err();
		assert!(err.downcast_ref::<Fatal>().is_some(), "{err:#}");
		assert_eq!(model.ids(), ids(&blocks[..1]));

		// Why the ids: on sequences alone, the second event of block 6 finds the count it
		// expects (the foreign message filled the place) and is stored past the lost first one.
		let mut counted = Model { foreign: [3].into(), sequence_only: true, ..Default::default() };
		let mut chain = Chain::default();
		chain.deliver_once(&mut counted, &blocks[0]).await.unwrap();
		assert!(chain.deliver_once(&mut counted, &blocks[1]).await.is_err());
		assert_eq!(counted.ids().last(), Some(&blocks[1].events[1].id), "stored past the gap");
	}

	#[test]
	fn events_after_the_stream_end_and_their_expectations() {
		let b = block(6, 4); // event indices 1, 3, 5, 7
		assert_eq!(after(&b.events, None).len(), 4);
		assert_eq!(after(&b.events, Some((5, 99))).len(), 4);
		assert_eq!(after(&b.events, Some((6, 3)))[0].event_index, 5);
		assert_eq!(after(&b.events, Some((6, 4)))[0].event_index, 5);
		assert!(after(&b.events, Some((6, 7))).is_empty());
		assert!(after(&b.events, Some((7, 0))).is_empty());
		let batch = chained(41, &b.events[1..]);
		let sequences: Vec<u64> = batch.iter().map(|c| c.last_sequence).collect();
		assert_eq!(sequences, [41, 42, 43]);
		let last_ids: Vec<Option<&str>> = batch.iter().map(|c| c.last_id).collect();
		assert_eq!(last_ids, [None, Some(b.events[1].id.as_str()), Some(b.events[2].id.as_str())]);
		assert!(batch.iter().zip(&b.events[1..]).all(|(c, e)| std::ptr::eq(c.event, e)));
	}

	#[test]
	fn an_answer_must_name_the_next_sequence() {
		let stored = Ack { sequence: 42, duplicate: false };
		assert_eq!(check_ack("0xab:1", 41, stored).unwrap(), Acked::Stored);
		let duplicate = Ack { sequence: 42, duplicate: true };
		assert_eq!(check_ack("0xab:1", 41, duplicate).unwrap(), Acked::Duplicate);
		// Stored elsewhere (a duplicate of an event the stream holds at another place), or at
		// another place than expected: the stream is not the chain in order.
		let elsewhere = Ack { sequence: 17, duplicate: true };
		assert!(check_ack("0xab:1", 41, elsewhere).unwrap_err().0.contains("sequence 17"));
		assert!(check_ack("0xab:1", 41, Ack { sequence: 43, duplicate: false }).is_err());
		assert!(check_ack("0xab:1", u64::MAX, stored).is_err());
	}
}
