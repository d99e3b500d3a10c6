//! Crash points for the crash tests: the process kills itself with SIGKILL at a named point.
//!
//! Set `COMMERCE_BRIDGE_FAILPOINT=<point>@<block>`: the first time the bridge reaches `<point>`
//! for a block numbered `<block>` or higher that holds commerce events, it sends itself SIGKILL,
//! the same as `kill -9` from outside at that instant (no destructors, no flush, no commit).
//! Points: `after-decode` (events decoded, nothing delivered), `mid-transaction` (SQLite: the
//! block's rows inserted, cursor not moved, not committed), `mid-publish` (NATS: half of the
//! block's events published and acknowledged), `after-publish` (NATS: every event acknowledged,
//! cursor not moved). The example consumers read `COMMERCE_CONSUMER_FAILPOINT=before-ack@<n>`:
//! killed after handling their n-th event, before acknowledging it.
//!
//! Unset (production), every check is one comparison against `None`.

use std::sync::OnceLock;

struct Failpoint {
	point: String,
	at: u64,
}

fn parse(spec: &str) -> Option<Failpoint> {
	let (point, at) = spec.split_once('@')?;
	Some(Failpoint { point: point.to_owned(), at: at.parse().ok()? })
}

fn configured(
	var: &'static str,
	cell: &'static OnceLock<Option<Failpoint>>,
) -> Option<&'static Failpoint> {
	cell.get_or_init(|| std::env::var(var).ok().as_deref().and_then(parse)).as_ref()
}

static BRIDGE: OnceLock<Option<Failpoint>> = OnceLock::new();
static CONSUMER: OnceLock<Option<Failpoint>> = OnceLock::new();

/// The bridge reached `point` while delivering block `block`.
pub fn bridge(point: &str, block: u64) {
	if let Some(fp) = configured("COMMERCE_BRIDGE_FAILPOINT", &BRIDGE) {
		if fp.point == point && block >= fp.at {
			die(point, block);
		}
	}
}

/// A consumer reached `point` for its `count`-th event.
pub fn consumer(point: &str, count: u64) {
	if let Some(fp) = configured("COMMERCE_CONSUMER_FAILPOINT", &CONSUMER) {
		if fp.point == point && count == fp.at {
			die(point, count);
		}
	}
}

fn die(point: &str, at: u64) -> ! {
	eprintln!("failpoint {point}@{at}: sending SIGKILL to self");
	// SAFETY: `kill` and `getpid` have no memory-safety preconditions.
	unsafe {
		libc::kill(libc::getpid(), libc::SIGKILL);
	}
	// SIGKILL cannot be caught; this is never reached.
	std::process::abort()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn specs_parse_point_and_threshold() {
		let fp = parse("mid-transaction@12").unwrap();
		assert_eq!((fp.point.as_str(), fp.at), ("mid-transaction", 12));
		assert!(parse("mid-transaction").is_none());
		assert!(parse("after-decode@x").is_none());
	}
}
