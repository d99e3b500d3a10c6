//! Following the chain's finalized blocks and delivering their commerce events, in order, from
//! the sink's cursor.
//!
//! The loop: read the finalized head `F`; for every block from the cursor + 1 to `F`, fetch its
//! events (several blocks in flight while catching up), decode them, and hand each block that
//! has commerce events to the sink, which stores them and moves the cursor in one step. Blocks
//! without commerce events move the cursor in batches (a crash re-reads at most one batch of
//! empty blocks). Then wait for the next finalized head (a subscription, with a timeout as a
//! fallback) and repeat. Only finalized blocks are read, so nothing delivered is ever reverted.

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
	config::{Header as _, RpcConfigFor},
	rpcs::{methods::LegacyRpcMethods, RpcClient},
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
	/// Connect to the node's RPC endpoint (`ws://` or `wss://`).
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

	/// The commerce events of finalized block `number`.
	pub async fn block_events(&self, number: u64) -> Result<BlockEvents> {
		let hash = self.hash_of(number).await?;
		let read = async {
			let at = self.client.at_block_hash_and_number(hash, number).await?;
			let events = at.events().fetch().await?;
			decode::block_events(&at.metadata(), &events, number, &hex(hash.as_bytes()))
		};
		read.await.map_err(|err: anyhow::Error| {
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
		})
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

/// `UnknownBlock: State already discarded for 0x…` (RPC error 4003) through whichever layer
/// wrapped it.
fn is_pruned(err: &anyhow::Error) -> bool {
	let text = format!("{err:?}");
	text.contains("State already discarded") || text.contains("4003")
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

/// Check the sink belongs to this chain and return the first block to read.
pub async fn start(chain: &Chain, sink: &mut Sink, options: &Options) -> Result<u64> {
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
			Ok(cursor.number + 1)
		},
		None => Ok(options.from_block.max(1)),
	}
}

/// Follow the chain from block `next`, forever (until the future is dropped, or an error).
/// Dropping the future at any await point is safe: what was delivered is behind the cursor.
pub async fn follow(
	chain: &Chain,
	sink: &mut Sink,
	mut next: u64,
	options: &Options,
	stats: &mut Stats,
) -> Result<()> {
	let started = Instant::now();
	let catch_up_to = chain.finalized().await?;
	// When each block was first seen finalized: (up to block, instant).
	let mut seen: VecDeque<(u64, Instant)> = VecDeque::new();
	let mut subscription = None;
	let mut reported = Instant::now();
	let mut finalized = catch_up_to;
	loop {
		if finalized >= next {
			if finalized > catch_up_to {
				seen.push_back((finalized, Instant::now()));
				stats.live_started.get_or_insert_with(Instant::now);
			}
			let mut blocks = futures::stream::iter(next..=finalized)
				.map(|n| chain.block_events(n))
				.buffered(options.prefetch.max(1));
			let mut unsaved: Option<BlockId> = None;
			while let Some(block) = blocks.try_next().await? {
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
