//! Following the chain's finalized blocks and delivering their commerce events, in order, from
//! the sink's cursor.
//!
//! The loop: read the finalized head `F`; for every block from the cursor + 1 to `F`, fetch its
//! events (several blocks in flight while catching up), decode them, and hand each block that
//! has commerce events to the sink, which stores them and moves the cursor in one step. Blocks
//! without commerce events move the cursor in batches (a crash re-reads at most one batch of
//! empty blocks). Then wait for the next finalized head (a subscription, with a timeout as a
//! fallback) and repeat. Only finalized blocks are read, so nothing delivered is ever reverted.
//!
//! Every block read is checked against the one before it: its header must hash to the hash the
//! node named for its number, and its parent hash must be the hash of the block the bridge read
//! (or delivered, across restarts: the cursor) just before. A node that serves anything else
//! stops the bridge ([`Fatal`], exit code 2) instead of feeding it another chain's events.

use crate::{
	decode::{self, hex},
	failpoint,
	schema::{BlockEvents, BlockId},
	sink::Sink,
};
use anyhow::{anyhow, Context as _, Result};
use futures::{StreamExt, TryStreamExt};
use serde::Serialize;
use std::{
	collections::VecDeque,
	sync::Arc,
	time::{Duration, Instant},
};
use subxt::{
	backend::LegacyBackend,
	config::{substrate::SubstrateHeader, Hasher as _, Header as _, RpcConfigFor},
	error::{BackendError, EventsError, OnlineClientAtBlockError, RpcError},
	ext::{codec::Encode as _, jsonrpsee::core::ClientError as JsonrpseeError},
	rpcs::{self, methods::LegacyRpcMethods, RpcClient},
	utils::H256,
	OnlineClient, SubstrateConfig,
};

/// An error retrying cannot fix: the bridge exits instead of trying again.
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Fatal {}

/// Lag samples kept for the percentiles: those of at least the last this many live blocks (the
/// maximum is kept over the whole run), so a bridge that runs for months holds a bounded list.
const LAG_SAMPLES: usize = 100_000;

/// Empty blocks between two cursor writes while catching up.
const EMPTY_BLOCKS_PER_CURSOR_WRITE: u64 = 512;

/// A connection to the node.
pub struct Chain {
	legacy: LegacyRpcMethods<RpcConfigFor<SubstrateConfig>>,
	client: OnlineClient<SubstrateConfig>,
}

impl Chain {
	/// Connect to the node's RPC endpoint (`ws://` or `wss://`). The caller checks the endpoint
	/// policy first ([`crate::endpoint::check`]).
	pub async fn connect(url: &str) -> Result<Self> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("connecting to the node at {url}"))?;
		let legacy = LegacyRpcMethods::new(rpc.clone());
		// The legacy backend reads any block the node still has the state of, by hash; the
		// newer chainHead backend only reads blocks it pinned while following.
		let backend = LegacyBackend::<SubstrateConfig>::builder().build(rpc);
		let client = OnlineClient::from_backend(Arc::new(backend))
			.await
			.context("reading the chain's genesis")?;
		Ok(Self { legacy, client })
	}

	/// The chain's genesis hash, `0x` hex.
	pub fn genesis(&self) -> String {
		hex(self.client.genesis_hash().as_bytes())
	}

	/// The number of the last finalized block.
	pub async fn finalized(&self) -> Result<u64> {
		let hash =
			self.legacy.chain_get_finalized_head().await.context("reading the finalized head")?;
		let header = self
			.legacy
			.chain_get_header(Some(hash))
			.await
			.context("reading the finalized header")?
			.ok_or_else(|| anyhow!("the node has no header for its finalized head"))?;
		Ok(header.number())
	}

	/// The hash of the canonical block `number`.
	pub async fn hash_of(&self, number: u64) -> Result<H256> {
		self.legacy
			.chain_get_block_hash(Some(number.into()))
			.await
			.with_context(|| format!("reading the hash of block #{number}"))?
			.ok_or_else(|| {
				Fatal(format!("the node has no block #{number} (blocks pruned?)")).into()
			})
	}

	/// Finalized block `number`: its commerce events and its parent's hash, after checking that
	/// the header the node returns for it hashes to the hash the node named for `number`.
	pub async fn read_block(&self, number: u64) -> Result<ReadBlock> {
		let hash = self.hash_of(number).await?;
		let header = self
			.legacy
			.chain_get_header(Some(hash))
			.await
			.with_context(|| format!("reading the header of block #{number}"))?
			.ok_or_else(|| {
				anyhow::Error::from(Fatal(format!(
					"the node has no header for block #{number} {} (blocks pruned?)",
					hex(hash.as_bytes())
				)))
			})?;
		let read = async {
			let at = self.client.at_block_hash_and_number(hash, number).await?;
			check_header(number, hash, &header, at.hasher().hash(&header.encode()))?;
			let events = at.events().fetch().await?;
			decode::block_events(&at.metadata(), &events, number, &hex(hash.as_bytes()))
		};
		let events = read.await.map_err(|err: anyhow::Error| {
			if is_pruned(&err) {
				Fatal(format!(
					"the node no longer has the state of block #{number} (pruned), and the bridge needs the events \
					 of every block after its cursor. Serve the bridge from a node started with \
					 `--state-pruning archive-canonical` (docs/integrations.md); the mode is fixed when the node's \
					 database is created, so an existing pruned node must resync. ({err:#})"
				))
				.into()
			} else {
				err.context(format!("reading the events of block #{number}"))
			}
		})?;
		Ok(ReadBlock { parent_hash: hex(header.parent_hash.as_bytes()), events })
	}

	/// Resolve when a new finalized head is announced, or after `timeout`.
	async fn next_finalized(&self, subscription: &mut Option<FinalizedHeads>, timeout: Duration) {
		if subscription.is_none() {
			*subscription = self.legacy.chain_subscribe_finalized_heads().await.ok();
		}
		match subscription {
			Some(heads) => {
				if let Ok(None | Some(Err(_))) = tokio::time::timeout(timeout, heads.next()).await {
					*subscription = None;
				}
			},
			None => tokio::time::sleep(timeout).await,
		}
	}
}

type FinalizedHeads =
	subxt::rpcs::client::RpcSubscription<<SubstrateConfig as subxt::Config>::Header>;

/// A finalized block as the bridge read it: its commerce events, and the parent hash from its
/// header (checked against the block read before it, [`check_parent`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadBlock {
	/// `0x`-prefixed hex, like [`BlockId::hash`].
	pub parent_hash: String,
	pub events: BlockEvents,
}

/// The header the node returned for block `number` (asked by the hash it named for that number)
/// must carry that number and hash, with the chain's hasher, to that hash (`computed`).
/// Otherwise its parent hash would prove nothing about the block whose events are read.
fn check_header(
	number: u64,
	hash: H256,
	header: &SubstrateHeader<H256>,
	computed: H256,
) -> Result<(), Fatal> {
	if header.number != number || computed != hash {
		return Err(Fatal(format!(
			"the node's header for block #{number} {} is the header of block #{} and hashes to {}: the node \
			 serves inconsistent data. Stopping; check the node the bridge reads from.",
			hex(hash.as_bytes()),
			header.number,
			hex(computed.as_bytes())
		)));
	}
	Ok(())
}

/// Block `next` may follow block `last` only if it is the next number and its header names
/// `last`'s hash as its parent. Anything else means the node now serves another chain (or
/// another history of this one) than the blocks the bridge already delivered; retrying cannot
/// fix that, and delivering on would mix two chains' events in the sink.
pub fn check_parent(last: &BlockId, next: &BlockId, parent_hash: &str) -> Result<(), Fatal> {
	if next.number != last.number.saturating_add(1) || !parent_hash.eq_ignore_ascii_case(&last.hash)
	{
		return Err(Fatal(format!(
			"chain discontinuity: block #{} {} has parent {parent_hash}, but the bridge read block #{} as {}. \
			 The node serves another chain or another history than the one the sink holds (finalized \
			 blocks never change); refusing to deliver. Check the node (and `--url`) before restarting.",
			next.number, next.hash, last.number, last.hash
		)));
	}
	Ok(())
}

/// The JSON-RPC error code with which the node's state RPCs (`state_call`, `state_getStorage`)
/// report an error of the node's client (sc-rpc-api: the state errors' base 4000, plus 3). A
/// pruned state is one of these: `Client error: UnknownBlock: State already discarded for 0x…`.
pub const STATE_CLIENT_ERROR: i32 = 4003;

/// The error object of a JSON-RPC error response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RpcErrorObject<'a> {
	pub code: i32,
	pub message: &'a str,
}

/// The JSON-RPC error object the node answered with, if `err` is (or wraps) a JSON-RPC error
/// response, found through subxt's error types (`subxt::Error`, the per-call errors, the backend
/// error, `subxt_rpcs::Error::User`, jsonrpsee's `Call` error), never by reading error text.
pub fn rpc_error_object(err: &anyhow::Error) -> Option<RpcErrorObject<'_>> {
	err.chain().find_map(|cause| {
		if let Some(e) = cause.downcast_ref::<subxt::Error>() {
			from_subxt(e)
		} else if let Some(e) = cause.downcast_ref::<OnlineClientAtBlockError>() {
			from_at_block(e)
		} else if let Some(e) = cause.downcast_ref::<EventsError>() {
			from_events(e)
		} else if let Some(e) = cause.downcast_ref::<BackendError>() {
			from_backend(e)
		} else if let Some(e) = cause.downcast_ref::<rpcs::Error>() {
			from_rpcs(e)
		} else {
			cause.downcast_ref::<JsonrpseeError>().and_then(from_jsonrpsee)
		}
	})
}

fn from_subxt(err: &subxt::Error) -> Option<RpcErrorObject<'_>> {
	match err {
		subxt::Error::OnlineClientAtBlockError(e) => from_at_block(e),
		subxt::Error::EventsError(e) => from_events(e),
		subxt::Error::BackendError(e) => from_backend(e),
		subxt::Error::OtherRpcClientError(e) => from_rpcs(e),
		_ => None,
	}
}

fn from_at_block(err: &OnlineClientAtBlockError) -> Option<RpcErrorObject<'_>> {
	match err {
		OnlineClientAtBlockError::CannotGetCurrentBlock { reason }
		| OnlineClientAtBlockError::CannotGetBlockHash { reason, .. }
		| OnlineClientAtBlockError::CannotGetBlockHeader { reason, .. }
		| OnlineClientAtBlockError::CannotGetSpecVersion { reason, .. } => from_backend(reason),
		_ => None,
	}
}

fn from_events(err: &EventsError) -> Option<RpcErrorObject<'_>> {
	match err {
		EventsError::CannotFetchEventBytes(e) => from_backend(e),
		_ => None,
	}
}

fn from_backend(err: &BackendError) -> Option<RpcErrorObject<'_>> {
	match err {
		BackendError::Rpc(RpcError::ClientError(e)) => from_rpcs(e),
		_ => None,
	}
}

fn from_rpcs(err: &rpcs::Error) -> Option<RpcErrorObject<'_>> {
	match err {
		rpcs::Error::User(e) => Some(RpcErrorObject { code: e.code, message: &e.message }),
		rpcs::Error::Client(e) => e.downcast_ref::<JsonrpseeError>().and_then(from_jsonrpsee),
		_ => None,
	}
}

fn from_jsonrpsee(err: &JsonrpseeError) -> Option<RpcErrorObject<'_>> {
	match err {
		JsonrpseeError::Call(e) => Some(RpcErrorObject { code: e.code(), message: e.message() }),
		_ => None,
	}
}

/// The node answered that it no longer has the state of the block: a JSON-RPC error object with
/// code [`STATE_CLIENT_ERROR`] (4003) whose message is the state database's `State already
/// discarded` (`UnknownBlock`). Code 4003 alone is any client error of a state RPC (a failing
/// runtime call too), and text merely containing "4003" (a block number, a hash) is nothing.
pub fn is_pruned(err: &anyhow::Error) -> bool {
	rpc_error_object(err).is_some_and(|e| {
		e.code == STATE_CLIENT_ERROR
			&& (e.message.contains("State already discarded") || e.message.contains("UnknownBlock"))
	})
}

/// How to follow.
#[derive(Clone, Debug)]
pub struct Options {
	/// The first block to read when the sink has no cursor (a new sink). Default 1: everything.
	pub from_block: u64,
	/// Blocks fetched concurrently while catching up.
	pub prefetch: usize,
}

/// Figures the bridge reports when it stops.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
	/// Blocks read and events delivered.
	pub blocks: u64,
	pub events: u64,
	/// The most commerce events in one block.
	pub max_block_events: u64,
	/// Catching up: the blocks already finalized when the bridge started.
	pub catch_up_blocks: u64,
	pub catch_up_events: u64,
	pub catch_up_seconds: f64,
	/// Live: blocks finalized while the bridge ran. Lag: from the bridge seeing a block finalized
	/// to its events delivered (acknowledged by NATS, committed by SQLite); percentiles over the
	/// most recent live blocks (at least [`LAG_SAMPLES`]), the maximum over the whole run.
	pub live_blocks: u64,
	pub live_events: u64,
	pub live_seconds: f64,
	pub lag_ms_p50: u64,
	pub lag_ms_p95: u64,
	pub lag_ms_max: u64,
	/// Re-sends the sink dropped as duplicates.
	pub duplicates_dropped: u64,
	/// The cursor when the bridge stopped.
	pub cursor: Option<u64>,
	#[serde(skip)]
	lags: Vec<u64>,
	#[serde(skip)]
	live_started: Option<Instant>,
}

impl Stats {
	fn record_lag(&mut self, ms: u64) {
		self.lag_ms_max = self.lag_ms_max.max(ms);
		if self.lags.len() >= 2 * LAG_SAMPLES {
			self.lags.drain(..LAG_SAMPLES);
		}
		self.lags.push(ms);
	}

	/// Finish the figures (percentiles, durations) for reporting.
	pub fn summary(&self, sink: &Sink) -> Stats {
		let mut out = self.clone();
		let mut lags = self.lags.clone();
		lags.sort_unstable();
		let pct =
			|p: usize| lags.get((lags.len().saturating_sub(1)) * p / 100).copied().unwrap_or(0);
		out.lag_ms_p50 = pct(50);
		out.lag_ms_p95 = pct(95);
		out.live_seconds = self.live_started.map(|t| t.elapsed().as_secs_f64()).unwrap_or(0.0);
		out.duplicates_dropped = sink.duplicates();
		out.cursor = sink.cursor().ok().flatten().map(|c| c.number);
		out
	}
}

/// Where following resumes: the first block to read, and the block it must follow (the cursor;
/// `None` for a new sink, whose first block's parent is looked up when it is read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resume {
	pub next: u64,
	pub last: Option<BlockId>,
}

/// Check the sink belongs to this chain and return where to resume.
pub async fn start(chain: &Chain, sink: &mut Sink, options: &Options) -> Result<Resume> {
	let genesis = chain.genesis();
	if let Some(stored) = sink.genesis()? {
		if stored != genesis {
			return Err(Fatal(format!(
				"refusing to run: the sink was started for the chain with genesis {stored}, and the node serves \
				 the chain with genesis {genesis}. Point the bridge at the right node, or give it a new sink."
			))
			.into());
		}
	}
	sink.set_genesis(&genesis)?;
	match sink.cursor()? {
		Some(cursor) => {
			let hash = hex(chain.hash_of(cursor.number).await?.as_bytes());
			if hash != cursor.hash {
				return Err(Fatal(format!(
					"the sink's cursor is block #{} {} but the node's block #{} is {hash}",
					cursor.number, cursor.hash, cursor.number
				))
				.into());
			}
			Ok(Resume { next: cursor.number + 1, last: Some(cursor) })
		},
		None => Ok(Resume { next: options.from_block.max(1), last: None }),
	}
}

/// Follow the chain from `resume`, forever (until the future is dropped, or an error). Each block
/// read must follow the one before ([`check_parent`]); the first, the cursor (or, for a new sink,
/// the block before `--from-block`). Dropping the future at any await point is safe: what was
/// delivered is behind the cursor.
pub async fn follow(
	chain: &Chain,
	sink: &mut Sink,
	resume: Resume,
	options: &Options,
	stats: &mut Stats,
) -> Result<()> {
	let Resume { mut next, mut last } = resume;
	let started = Instant::now();
	let catch_up_to = chain.finalized().await?;
	// When each block was first seen finalized: (up to block, instant).
	let mut seen: VecDeque<(u64, Instant)> = VecDeque::new();
	let mut subscription = None;
	let mut reported = Instant::now();
	let mut finalized = catch_up_to;
	loop {
		if finalized >= next {
			// The block before the first one read (a new sink's): it exists, `next` does.
			let mut prev = match last.take() {
				Some(block) => block,
				None => {
					let number = next - 1;
					BlockId { number, hash: hex(chain.hash_of(number).await?.as_bytes()) }
				},
			};
			if finalized > catch_up_to {
				seen.push_back((finalized, Instant::now()));
				stats.live_started.get_or_insert_with(Instant::now);
			}
			let mut blocks = futures::stream::iter(next..=finalized)
				.map(|n| chain.read_block(n))
				.buffered(options.prefetch.max(1));
			let mut unsaved: Option<BlockId> = None;
			while let Some(read) = blocks.try_next().await? {
				check_parent(&prev, &read.events.block, &read.parent_hash)?;
				prev = read.events.block.clone();
				let block = read.events;
				let number = block.block.number;
				if block.events.is_empty() {
					if number % EMPTY_BLOCKS_PER_CURSOR_WRITE == 0 {
						sink.advance(&block.block)?;
						unsaved = None;
					} else {
						unsaved = Some(block.block.clone());
					}
				} else {
					failpoint::bridge("after-decode", number);
					sink.deliver(&block).await?;
					unsaved = None;
				}
				stats.blocks += 1;
				stats.events += block.events.len() as u64;
				stats.max_block_events = stats.max_block_events.max(block.events.len() as u64);
				if number <= catch_up_to {
					stats.catch_up_blocks += 1;
					stats.catch_up_events += block.events.len() as u64;
					stats.catch_up_seconds = started.elapsed().as_secs_f64();
				} else {
					stats.live_blocks += 1;
					stats.live_events += block.events.len() as u64;
					while seen.front().is_some_and(|(upto, _)| *upto < number) {
						seen.pop_front();
					}
					if let Some((_, at)) = seen.front() {
						stats.record_lag(at.elapsed().as_millis() as u64);
					}
				}
				next = number + 1;
			}
			if let Some(block) = unsaved {
				sink.advance(&block)?;
			}
			// The next pass continues from here (after a reconnection: from the cursor).
			last = Some(prev);
		}
		if reported.elapsed() >= Duration::from_secs(10) {
			eprintln!(
				"at block #{} (finalized #{finalized}): {} events from {} blocks",
				next - 1,
				stats.events,
				stats.blocks
			);
			reported = Instant::now();
		}
		chain.next_finalized(&mut subscription, Duration::from_secs(6)).await;
		finalized = chain.finalized().await?;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use subxt::{error::Hex, ext::jsonrpsee::types::ErrorObject};

	/// What a node started with `--state-pruning 8` answers `state_call` / `state_getStorage` at
	/// a block whose state it discarded.
	const DISCARDED: &str = "Client error: UnknownBlock: State already discarded for \
		0x4003d2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f";

	fn user(code: i32, message: &str) -> rpcs::Error {
		rpcs::Error::User(rpcs::UserError { code, message: message.into(), data: None })
	}

	/// As subxt wraps a failed `state_getStorage` (the events) and a failed `Core_version` call
	/// (the block's runtime), with the bridge's context on top.
	fn events_error(rpc: rpcs::Error) -> anyhow::Error {
		anyhow::Error::from(EventsError::CannotFetchEventBytes(BackendError::from(rpc)))
			.context("reading the events of block #4003")
	}

	fn spec_version_error(rpc: rpcs::Error) -> anyhow::Error {
		anyhow::Error::from(subxt::Error::from(OnlineClientAtBlockError::CannotGetSpecVersion {
			block_hash: Hex::from(H256::repeat_byte(0x40)),
			reason: BackendError::from(rpc),
		}))
	}

	#[test]
	fn a_pruned_state_is_recognised_by_the_rpc_error_code() {
		assert!(is_pruned(&events_error(user(STATE_CLIENT_ERROR, DISCARDED))));
		assert!(is_pruned(&spec_version_error(user(STATE_CLIENT_ERROR, DISCARDED))));
		// The same error object, as jsonrpsee's `Call` error inside subxt's client error.
		let call = JsonrpseeError::Call(ErrorObject::owned(4003, DISCARDED, None::<()>));
		assert!(is_pruned(&events_error(rpcs::Error::Client(Box::new(call)))));
		let err = spec_version_error(user(4003, DISCARDED));
		assert_eq!(rpc_error_object(&err), Some(RpcErrorObject { code: 4003, message: DISCARDED }));
	}

	#[test]
	fn text_that_merely_contains_4003_is_not_a_pruned_state() {
		// Block #4003, a hash with 4003 in it, an OS error 4003: transient, to be retried. The
		// old classifier read the error text and stopped the bridge for good on each of these.
		let text = anyhow!("connection reset by peer (os error 4003)")
			.context("reading the events of block #4003 0x4003aa");
		assert!(!is_pruned(&text));
		assert_eq!(rpc_error_object(&text), None);
		let transport = rpcs::Error::Client(Box::new(std::io::Error::other("4003")));
		assert!(!is_pruned(&events_error(transport)));
		// The node's discarded-state message with another code is another error.
		assert!(!is_pruned(&events_error(user(-32000, DISCARDED))));
		// Code 4003 is any client error of a state RPC: a failing runtime call is not pruning.
		let trap = user(4003, "Client error: Execution failed: wasm trap: unreachable");
		assert!(!is_pruned(&spec_version_error(trap)));
		// Errors that carry no RPC error object.
		let decode = EventsError::CannotFindPalletWithIndex(40);
		assert!(!is_pruned(&anyhow::Error::from(decode).context("State already discarded 4003")));
	}

	fn id(number: u64, byte: u8) -> BlockId {
		BlockId { number, hash: hex(H256::repeat_byte(byte).as_bytes()) }
	}

	#[test]
	fn each_block_must_name_the_one_before_as_its_parent() {
		let cursor = id(7, 0xaa);
		assert!(check_parent(&cursor, &id(8, 0xbb), &cursor.hash).is_ok());
		assert!(check_parent(&cursor, &id(8, 0xbb), &cursor.hash.to_uppercase()).is_ok());
		// Another parent: the node serves another history than the one delivered.
		let err = check_parent(&cursor, &id(8, 0xbb), &id(7, 0xcc).hash).unwrap_err().0;
		assert!(err.contains("chain discontinuity") && err.contains(&cursor.hash), "{err}");
		// Not the next number (a block skipped, or read twice).
		assert!(check_parent(&cursor, &id(9, 0xbb), &cursor.hash).is_err());
		assert!(check_parent(&cursor, &id(7, 0xbb), &cursor.hash).is_err());
		assert!(check_parent(&id(u64::MAX, 0xaa), &id(0, 0xbb), &cursor.hash).is_err());
	}

	#[test]
	fn a_header_must_be_the_one_of_the_hash_asked_for() {
		let header = SubstrateHeader::<H256> {
			parent_hash: H256::repeat_byte(1),
			number: 8,
			state_root: H256::repeat_byte(2),
			extrinsics_root: H256::repeat_byte(3),
			digest: Default::default(),
		};
		let hash = H256::repeat_byte(9);
		assert!(check_header(8, hash, &header, hash).is_ok());
		assert!(check_header(8, hash, &header, H256::repeat_byte(8)).is_err());
		assert!(check_header(9, hash, &header, hash).is_err());
	}
}
