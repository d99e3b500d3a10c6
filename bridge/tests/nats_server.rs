//! The NATS sink against a real `nats-server` (JetStream, file storage), when one is installed
//! (`$NATS_SERVER`, `/usr/sbin/nats-server`, or `nats-server` on `PATH`); skipped otherwise.
//!
//! It checks what the sink's unit tests take from the server's rules: a publish that expects
//! another last sequence than the stream's is refused (so nothing is stored past a lost
//! publish); the stream is the events in order with consecutive sequences across a server
//! restart; a lost state file or half a block already in the stream publishes nothing twice; a
//! message from another publisher stops the sink (a `Fatal` error) instead of being published
//! around.

use async_nats::jetstream::{self, message::PublishMessage};
use commerce_bridge::{
	follow::Fatal,
	schema::{BlockEvents, BlockId, CommerceEvent, SCHEMA_VERSION},
	sink::nats::{self, NatsConfig, NatsSink, HEADER_BLOCK, HEADER_EVENT_INDEX, HEADER_GENESIS},
};
use std::{
	collections::BTreeMap,
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

const DUPLICATE_WINDOW: Duration = Duration::from_secs(1);
const GENESIS: &str = "0x00000000000000000000000000000000000000000000000000000000000000aa";

fn nats_server_bin() -> Option<PathBuf> {
	if let Some(bin) = std::env::var_os("NATS_SERVER") {
		return Some(bin.into());
	}
	let debian = PathBuf::from("/usr/sbin/nats-server");
	if debian.exists() {
		return Some(debian);
	}
	std::env::var_os("PATH").and_then(|paths| {
		std::env::split_paths(&paths).map(|dir| dir.join("nats-server")).find(|p| p.exists())
	})
}

/// A JetStream server on a loopback port, stopped (SIGTERM) when dropped.
struct Server {
	bin: PathBuf,
	port: u16,
	store: PathBuf,
	child: Option<Child>,
}

impl Server {
	fn start(bin: PathBuf, store: PathBuf) -> Self {
		let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
		let mut server = Self { bin, port, store, child: None };
		server.launch();
		server
	}

	fn url(&self) -> String {
		format!("nats://127.0.0.1:{}", self.port)
	}

	fn launch(&mut self) {
		let child = Command::new(&self.bin)
			.args(["-js", "-a", "127.0.0.1", "-p", &self.port.to_string(), "-sd"])
			.arg(&self.store)
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.expect("starting nats-server");
		self.child = Some(child);
		let deadline = Instant::now() + Duration::from_secs(10);
		while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
			assert!(Instant::now() < deadline, "nats-server did not start");
			std::thread::sleep(Duration::from_millis(50));
		}
	}

	fn stop(&mut self) {
		if let Some(mut child) = self.child.take() {
			// SAFETY: `kill` has no memory-safety preconditions.
			unsafe {
				libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
			}
			let _ = child.wait();
		}
	}

	fn restart(&mut self) {
		self.stop();
		self.launch();
	}
}

impl Drop for Server {
	fn drop(&mut self) {
		self.stop();
	}
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
	fn new() -> Self {
		let dir = std::env::temp_dir().join(format!("commerce-bridge-nats-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		std::fs::create_dir_all(&dir).unwrap();
		Self(dir)
	}
	fn path(&self, name: &str) -> PathBuf {
		self.0.join(name)
	}
}

impl Drop for Scratch {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
	}
}

/// Block `number` with `count` commerce events at event indices 0, 2, 4, …
fn block(number: u64, count: u32) -> BlockEvents {
	let id = BlockId { number, hash: format!("0x{number:064x}") };
	let events = (0..count)
		.map(|i| CommerceEvent {
			schema: SCHEMA_VERSION,
			id: CommerceEvent::id_of(&id.hash, 2 * i),
			kind: "orders.OrderPlaced".into(),
			block: id.clone(),
			event_index: 2 * i,
			extrinsic_index: Some(1),
			order: Some(u64::from(i)),
			listing: Some(0),
			parties: BTreeMap::new(),
			amounts: BTreeMap::new(),
			currency: None,
			fields: serde_json::Map::new(),
		})
		.collect();
	BlockEvents { block: id, events }
}

fn ids(blocks: &[BlockEvents]) -> Vec<String> {
	blocks.iter().flat_map(|b| b.events.iter().map(|e| e.id.clone())).collect()
}

fn config(server: &Server) -> NatsConfig {
	NatsConfig {
		server: server.url(),
		stream: "COMMERCE".into(),
		subject_prefix: "commerce".into(),
		// Short, so that a restart after a quiet spell forgets the last message id.
		duplicate_window: DUPLICATE_WINDOW,
	}
}

async fn sink(server: &Server, state: &Path) -> NatsSink {
	let mut sink = NatsSink::connect(config(server), state).await.expect("connecting the sink");
	sink.set_genesis(GENESIS).unwrap();
	sink
}

async fn deliver(sink: &mut NatsSink, block: &BlockEvents) -> anyhow::Result<()> {
	tokio::time::timeout(Duration::from_secs(60), sink.deliver(block))
		.await
		.expect("delivery did not finish within 60 s")
}

/// The stream's ids in stream order, checking the sequences are consecutive from 1.
async fn stream_ids(server: &Server) -> Vec<String> {
	let dump = nats::dump(&server.url(), "COMMERCE").await.unwrap();
	let sequences: Vec<u64> = dump.iter().map(|(seq, _, _)| *seq).collect();
	assert_eq!(sequences, (1..=dump.len() as u64).collect::<Vec<_>>(), "consecutive sequences");
	dump.into_iter().map(|(_, id, _)| id).collect()
}

/// Publish `event` as the bridge would, expecting the last sequence `expected_last` (0: no
/// expectation) and, if given, the last message id.
async fn publish_raw(
	js: &jetstream::Context,
	event: &CommerceEvent,
	expected_last: u64,
	last_id: Option<&str>,
) -> anyhow::Result<u64> {
	let mut message = PublishMessage::build()
		.payload(serde_json::to_vec(event)?.into())
		.message_id(&event.id)
		.header(HEADER_BLOCK, event.block.number.to_string())
		.header(HEADER_EVENT_INDEX, event.event_index.to_string())
		.header(HEADER_GENESIS, GENESIS);
	if expected_last > 0 {
		message = message.expected_last_sequence(expected_last);
	}
	if let Some(last_id) = last_id {
		message = message.expected_last_message_id(last_id);
	}
	Ok(js.send_publish(event.subject("commerce"), message).await?.await?.sequence)
}

#[tokio::test]
async fn the_stream_is_the_chain_in_order_through_restarts_and_refuses_what_is_not_chained() {
	let Some(bin) = nats_server_bin() else {
		eprintln!("nats-server not installed: skipped");
		return;
	};
	let scratch = Scratch::new();
	let mut server = Server::start(bin, scratch.path("store"));
	let blocks: Vec<BlockEvents> =
		[(1, 3), (2, 1), (4, 6), (5, 2), (7, 4), (8, 5)].map(|(n, c)| block(n, c)).into();

	// Three blocks in; the stream is them, in order.
	let mut first = sink(&server, &scratch.path("state.sqlite")).await;
	for b in &blocks[..3] {
		deliver(&mut first, b).await.unwrap();
	}
	assert_eq!(stream_ids(&server).await, ids(&blocks[..3]));

	// The server restarts between blocks, after a quiet spell longer than the duplicate window
	// (so it knows no last message id): the next block still lands right after, in order.
	tokio::time::sleep(DUPLICATE_WINDOW * 2).await;
	server.restart();
	deliver(&mut first, &blocks[3]).await.unwrap();
	assert_eq!(stream_ids(&server).await, ids(&blocks[..4]));
	assert_eq!(first.duplicates(), 0);
	assert_eq!(first.cursor().unwrap().map(|c| c.number), Some(5));
	drop(first);

	// The premises of the chain: a publish expecting another last sequence, or another last
	// message id, is refused, so a message behind a lost one is never stored past it.
	let client = async_nats::connect(server.url()).await.unwrap();
	let js = jetstream::new(client);
	let last = ids(&blocks[..4]).len() as u64;
	let last_id = blocks[3].events.last().unwrap().id.clone();
	let (first_of_7, second_of_7) = (&blocks[4].events[0], &blocks[4].events[1]);
	assert!(publish_raw(&js, second_of_7, last + 1, None).await.is_err(), "stored past a gap");
	let wrong_id = Some(blocks[3].events[0].id.as_str());
	assert!(publish_raw(&js, second_of_7, last, wrong_id).await.is_err(), "stored after another");
	assert_eq!(stream_ids(&server).await, ids(&blocks[..4]));

	// What a restarted server knows of the last message id after a quiet spell: reported, not
	// asserted (the reason the first event of a batch expects a sequence, not an id).
	tokio::time::sleep(DUPLICATE_WINDOW * 2).await;
	server.restart();
	let client = async_nats::connect(server.url()).await.unwrap();
	let js = jetstream::new(client);
	match publish_raw(&js, first_of_7, last, Some(&last_id)).await {
		Ok(_) => eprintln!("this nats-server remembers the last message id across a restart"),
		Err(e) => eprintln!("this nats-server forgot the last message id across a restart: {e}"),
	}
	let stored = stream_ids(&server).await;
	assert!(stored == ids(&blocks[..4]) || stored[..stored.len() - 1] == ids(&blocks[..4]));

	// Half of block 7 reached the stream before a crash; the state file was lost too. A new
	// sink publishes the rest of block 7 only, and nothing of the blocks before it again.
	if stored.len() == last as usize {
		assert_eq!(publish_raw(&js, first_of_7, last, None).await.unwrap(), last + 1);
	}
	let first_id = Some(first_of_7.id.as_str());
	assert_eq!(publish_raw(&js, second_of_7, last + 1, first_id).await.unwrap(), last + 2);
	let mut second = sink(&server, &scratch.path("state-2.sqlite")).await;
	for b in &blocks[..5] {
		deliver(&mut second, b).await.unwrap();
	}
	assert_eq!(stream_ids(&server).await, ids(&blocks[..5]));
	assert_eq!(second.duplicates(), 0, "nothing re-sent");

	// Another publisher's message: the sink's next publish is refused (it expects the bridge's
	// last event), the stream's end is not the bridge's, and the sink stops instead of
	// publishing around it.
	js.publish("commerce.other.Thing", "not the bridge's".into()).await.unwrap().await.unwrap();
	let err = deliver(&mut second, &blocks[5]).await.unwrap_err();
	assert!(err.downcast_ref::<Fatal>().is_some(), "{err:#}");
	assert!(format!("{err:#}").contains("not published by commerce-bridge"), "{err:#}");
	assert_eq!(second.cursor().unwrap().map(|c| c.number), Some(7), "the cursor did not move");
}
