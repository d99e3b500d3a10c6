//! `commerce-bridge`: commerce events of finalized blocks to an SQLite outbox or NATS JetStream.
//! See the crate docs (`src/lib.rs`) and `docs/integrations.md`.

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use commerce_bridge::{
	endpoint::{self, Transport},
	follow::{self, Chain, Fatal, Options, Stats},
	sink::{
		nats::{self, NatsConfig, NatsSink},
		sqlite::Outbox,
		Sink,
	},
};
use std::{path::PathBuf, process::ExitCode, time::Duration};

#[derive(Parser, Debug)]
#[command(version, about = "Delivers commerce-chain's events to off-chain services, exactly once.")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Follow the chain into an SQLite outbox (the default sink; nothing to install).
	Sqlite {
		#[command(flatten)]
		follow: FollowArgs,
		/// The outbox database (created if missing).
		#[arg(long, default_value = "commerce-outbox.sqlite")]
		db: PathBuf,
	},
	/// Follow the chain into a NATS JetStream stream.
	Nats {
		#[command(flatten)]
		follow: FollowArgs,
		/// The NATS server (JetStream enabled, version 2.9 or newer).
		#[arg(long, default_value = "nats://127.0.0.1:4222")]
		server: String,
		/// The stream (created if missing, subjects `<subject-prefix>.>`).
		#[arg(long, default_value = "COMMERCE")]
		stream: String,
		/// Subjects are `<subject-prefix>.<kind>`, e.g. `commerce.orders.OrderPlaced`.
		#[arg(long, default_value = "commerce")]
		subject_prefix: String,
		/// The server drops a message whose id it has seen within this many seconds.
		#[arg(long, default_value_t = 600)]
		duplicate_window: u64,
		/// The bridge's state (genesis, cursor): a small SQLite file.
		#[arg(long, default_value = "commerce-bridge-state.sqlite")]
		state: PathBuf,
	},
	/// List outbox events as JSON lines: those of one order, or after a position.
	Events {
		#[arg(long, default_value = "commerce-outbox.sqlite")]
		db: PathBuf,
		/// Only the events of this order.
		#[arg(long)]
		order: Option<u64>,
		/// Only events after this outbox position (`seq`).
		#[arg(long, default_value_t = 0)]
		after: i64,
		#[arg(long, default_value_t = 1000)]
		limit: u32,
		/// Print `<seq> <document>` instead of the document alone.
		#[arg(long)]
		with_seq: bool,
	},
	/// Print an outbox's or a state file's genesis, cursor and event count.
	Status {
		#[arg(long, default_value = "commerce-outbox.sqlite")]
		db: PathBuf,
	},
	/// Print every message of a NATS stream as `<stream seq> <message id> <document>`.
	NatsDump {
		#[arg(long, default_value = "nats://127.0.0.1:4222")]
		server: String,
		#[arg(long, default_value = "COMMERCE")]
		stream: String,
	},
}

#[derive(Args, Debug)]
struct FollowArgs {
	/// The node's RPC endpoint. The node must keep the state of every block the bridge still has
	/// to read: run it with `--state-pruning archive-canonical`. Plain `ws://` only to this
	/// machine (127.0.0.0/8, ::1, localhost); a remote node over `wss://`.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Accept plain `ws://` to a node on another host. Its traffic is neither encrypted nor
	/// authenticated: anyone on the path can feed the bridge forged events. Only for a network
	/// you trust.
	#[arg(long)]
	allow_insecure_remote: bool,
	/// The first block to read when the sink is new (no cursor yet).
	#[arg(long, default_value_t = 1)]
	from_block: u64,
	/// Blocks fetched concurrently while catching up.
	#[arg(long, default_value_t = 16)]
	prefetch: usize,
	/// Write the figures (events, blocks, lag) to this file as JSON when stopping, besides
	/// printing them.
	#[arg(long)]
	stats: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
	match run(Cli::parse()).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(err) => {
			eprintln!("error: {err:#}");
			if err.downcast_ref::<Fatal>().is_some() {
				ExitCode::from(2)
			} else {
				ExitCode::FAILURE
			}
		},
	}
}

async fn run(cli: Cli) -> Result<()> {
	match cli.command {
		Command::Sqlite { follow, db } => {
			check_endpoint(&follow)?;
			let sink = Sink::Sqlite(Outbox::open(&db)?);
			bridge(follow, sink).await
		},
		Command::Nats { follow, server, stream, subject_prefix, duplicate_window, state } => {
			check_endpoint(&follow)?;
			let config = NatsConfig {
				server,
				stream,
				subject_prefix,
				duplicate_window: Duration::from_secs(duplicate_window),
			};
			let sink = Sink::Nats(Box::new(NatsSink::connect(config, &state).await?));
			bridge(follow, sink).await
		},
		Command::Events { db, order, after, limit, with_seq } => {
			for row in Outbox::open(&db)?.events(order, after, limit)? {
				if with_seq {
					println!("{} {}", row.seq, row.document);
				} else {
					println!("{}", row.document);
				}
			}
			Ok(())
		},
		Command::Status { db } => {
			let outbox = Outbox::open(&db)?;
			let status = serde_json::json!({
				"genesis": outbox.genesis()?,
				"cursor": outbox.cursor()?.map(|c| serde_json::json!({ "number": c.number, "hash": c.hash })),
				"events": outbox.count()?,
			});
			println!("{status}");
			Ok(())
		},
		Command::NatsDump { server, stream } => {
			for (seq, id, document) in nats::dump(&server, &stream).await? {
				println!("{seq} {id} {document}");
			}
			Ok(())
		},
	}
}

/// Follow until SIGINT/SIGTERM (exit 0 with the figures), a fatal error (exit 2), or forever.
/// Lost connections to the node are retried with the same sink; the cursor makes that safe.
/// The node endpoint policy (`endpoint`), before anything is opened: a refusal exits with 2.
fn check_endpoint(args: &FollowArgs) -> Result<()> {
	if endpoint::check(&args.url, args.allow_insecure_remote)? == Transport::InsecureRemote {
		eprintln!(
			"warning: {} is plain ws:// to another host (--allow-insecure-remote): the node's \
			 answers are neither encrypted nor authenticated",
			args.url
		);
	}
	Ok(())
}

async fn bridge(args: FollowArgs, mut sink: Sink) -> Result<()> {
	let options = Options { from_block: args.from_block, prefetch: args.prefetch };
	let mut stats = Stats::default();
	let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
	let mut failures = 0u32;
	let outcome = loop {
		let started = std::time::Instant::now();
		let attempt = async {
			let chain = Chain::connect(&args.url).await?;
			let resume = follow::start(&chain, &mut sink, &options).await?;
			eprintln!(
				"following {} (genesis {}) from block #{}",
				args.url,
				chain.genesis(),
				resume.next
			);
			follow::follow(&chain, &mut sink, resume, &options, &mut stats).await
		};
		let result = tokio::select! {
			result = attempt => result,
			_ = tokio::signal::ctrl_c() => break Ok(()),
			_ = terminate.recv() => break Ok(()),
		};
		match result {
			Ok(()) => break Ok(()),
			Err(err) if err.downcast_ref::<Fatal>().is_some() => break Err(err),
			Err(err) => {
				// A connection that worked for a while starts the back-off again.
				if started.elapsed() > Duration::from_secs(60) {
					failures = 0;
				}
				failures += 1;
				let wait = Duration::from_secs(u64::from(failures.min(10)));
				eprintln!("{err:#}; reconnecting in {wait:?}");
				tokio::select! {
					_ = tokio::time::sleep(wait) => {},
					_ = tokio::signal::ctrl_c() => break Ok(()),
					_ = terminate.recv() => break Ok(()),
				}
			},
		}
	};
	let summary = stats.summary(&sink);
	let json = serde_json::to_string(&summary)?;
	println!("stats {json}");
	if let Some(path) = args.stats {
		std::fs::write(path, json)?;
	}
	outcome
}
