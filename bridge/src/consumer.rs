//! What a service needs to consume the NATS stream exactly once: a durable consumer and a
//! ledger of the events it has handled.
//!
//! JetStream delivers at least once: a message is redelivered until it is acknowledged, so a
//! service that dies after acting and before acknowledging sees the event again. Exactly-once
//! *handling* comes from the service's own record: it notes the event id together with its
//! action, and skips (and acknowledges) an id it has already noted. Here the record is an
//! append-only file of JSON lines, each written with one `write` and an `fsync`; a real service
//! writes the id in the same database transaction as its action. The examples
//! (`bridge/examples/inventory.rs`, `shipping.rs`) are built on [`consume`].

use crate::{failpoint, schema::CommerceEvent};
use anyhow::{Context as _, Result};
use async_nats::jetstream::{self, consumer::pull};
use futures::StreamExt;
use std::{
	collections::HashSet,
	fs::{File, OpenOptions},
	io::{BufRead, BufReader, Write},
	path::{Path, PathBuf},
	time::Duration,
};

/// Command-line arguments shared by the example consumers.
#[derive(clap::Parser, Debug)]
pub struct ConsumerArgs {
	/// The NATS server.
	#[arg(long, default_value = "nats://127.0.0.1:4222")]
	pub server: String,
	/// The bridge's stream.
	#[arg(long, default_value = "COMMERCE")]
	pub stream: String,
	/// The ledger of handled events (JSON lines).
	#[arg(long)]
	pub ledger: PathBuf,
	/// Exit after this many seconds without a message (default: run until stopped).
	#[arg(long)]
	pub idle_exit: Option<u64>,
}

/// The events a service has handled, by id.
pub struct Ledger {
	file: File,
	seen: HashSet<String>,
}

impl Ledger {
	/// Open the ledger, dropping a last line cut short by a crash.
	pub fn open(path: &Path) -> Result<Self> {
		let mut seen = HashSet::new();
		let mut keep = 0u64;
		if let Ok(file) = File::open(path) {
			let mut reader = BufReader::new(file);
			let mut line = String::new();
			while reader.read_line(&mut line)? > 0 {
				if !line.ends_with('\n') {
					break;
				}
				let entry: serde_json::Value = serde_json::from_str(&line)
					.with_context(|| format!("{}: bad line {line:?}", path.display()))?;
				if let Some(id) = entry["id"].as_str() {
					seen.insert(id.to_owned());
				}
				keep += line.len() as u64;
				line.clear();
			}
		}
		let file = OpenOptions::new().create(true).append(true).open(path)?;
		file.set_len(keep)?;
		Ok(Self { file, seen })
	}

	pub fn contains(&self, id: &str) -> bool {
		self.seen.contains(id)
	}

	/// Note an event as handled, durably, with what was done.
	pub fn record(&mut self, event: &CommerceEvent, action: &str) -> Result<()> {
		let line = serde_json::json!({ "id": event.id, "kind": event.kind, "action": action });
		self.file.write_all(format!("{line}\n").as_bytes())?;
		self.file.sync_data()?;
		self.seen.insert(event.id.clone());
		Ok(())
	}
}

/// Consume `filter` (e.g. `commerce.orders.>`) with the durable consumer `durable`, calling
/// `handle` once per event: the action it returns (or `ignored`) is printed and recorded, then
/// the message is acknowledged.
pub async fn consume(
	args: &ConsumerArgs,
	durable: &str,
	filter: &str,
	mut handle: impl FnMut(&CommerceEvent) -> Option<String>,
) -> Result<()> {
	let mut ledger = Ledger::open(&args.ledger)?;
	let client = async_nats::connect(&args.server)
		.await
		.with_context(|| format!("connecting to {}", args.server))?;
	let js = jetstream::new(client);
	let stream = js
		.get_stream(&args.stream)
		.await
		.with_context(|| format!("opening stream {}", args.stream))?;
	let consumer = stream
		.get_or_create_consumer(
			durable,
			pull::Config {
				durable_name: Some(durable.to_owned()),
				filter_subject: filter.to_owned(),
				ack_wait: Duration::from_secs(5),
				..Default::default()
			},
		)
		.await?;
	let mut messages = consumer.messages().await?;
	let mut handled = 0u64;
	loop {
		let next = match args.idle_exit {
			Some(secs) => {
				match tokio::time::timeout(Duration::from_secs(secs), messages.next()).await {
					Ok(next) => next,
					Err(_) => return Ok(()),
				}
			},
			None => messages.next().await,
		};
		let Some(message) = next else { return Ok(()) };
		let message = message?;
		let event: CommerceEvent =
			serde_json::from_slice(&message.payload).context("not a commerce event")?;
		if ledger.contains(&event.id) {
			eprintln!("{durable}: {} already handled, acknowledging the redelivery", event.id);
		} else {
			let action = handle(&event).unwrap_or_else(|| "ignored".into());
			println!("{durable}: {} {} -> {action}", event.kind, event.id);
			ledger.record(&event, &action)?;
			handled += 1;
			failpoint::consumer("before-ack", handled);
		}
		message.ack().await.map_err(|e| anyhow::anyhow!("acknowledging {}: {e}", event.id))?;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::schema::BlockId;

	fn event(index: u32) -> CommerceEvent {
		CommerceEvent::sample(&BlockId { number: 1, hash: "0x01".into() }, index, None)
	}

	#[test]
	fn the_ledger_survives_a_torn_last_line() {
		let path =
			std::env::temp_dir().join(format!("commerce-ledger-test-{}", std::process::id()));
		let _ = std::fs::remove_file(&path);
		{
			let mut ledger = Ledger::open(&path).unwrap();
			ledger.record(&event(0), "reserve").unwrap();
			ledger.record(&event(1), "reserve").unwrap();
		}
		// A crash in the middle of the third write.
		let mut file = OpenOptions::new().append(true).open(&path).unwrap();
		file.write_all(br#"{"id":"0x01:2","ki"#).unwrap();
		drop(file);

		let mut ledger = Ledger::open(&path).unwrap();
		assert!(ledger.contains("0x01:0") && ledger.contains("0x01:1"));
		assert!(!ledger.contains("0x01:2"));
		ledger.record(&event(2), "reserve").unwrap();
		let text = std::fs::read_to_string(&path).unwrap();
		assert_eq!(text.lines().count(), 3);
		assert!(text.lines().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
		std::fs::remove_file(&path).unwrap();
	}
}
