//! A seeded mutation-based generator over the harness, for machines without a
//! coverage-guided engine.
//!
//! The corpus starts with the seed inputs; each step picks a corpus input, applies one to
//! four mutations (record-aware: bit flips, interesting bytes, integer tweaks, byte insertion
//! and deletion inside a call, swapping an account id for another, changing the signer or the
//! block flags, duplicating, deleting or swapping records, inserting a record from another
//! input, splicing two inputs), runs the result, and keeps it if it reached a new feature: a
//! (pallet, call, outcome) of a signed call or a (pallet, event) not seen before. The random
//! generator is a xorshift64* seeded from the command line, so a run is reproducible for a
//! given seed and number of executions (a run bounded by time stops at a different point on
//! a different machine). The first finding ends the run.

use crate::{
	input::{self, Record, ADVANCE, MAX_EXTRA_BLOCKS},
	Finding, Harness, Stats, MAX_RECORDS,
};
use std::{
	collections::BTreeSet,
	time::{Duration, Instant},
};

/// The largest input the generator produces, in bytes.
pub const MAX_INPUT_LEN: usize = 64 * 1024;

/// xorshift64*: small, fast, and the same sequence on every platform for a seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator for `seed` (any value, zero included).
	pub fn new(seed: u64) -> Self {
		// SplitMix64 of the seed, so that nearby seeds start far apart; never zero.
		let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		Rng((z ^ (z >> 31)) | 1)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		self.0 = x;
		x.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	/// A number in `0..n` (`n` > 0).
	pub fn below(&mut self, n: usize) -> usize {
		(self.next_u64() % n.max(1) as u64) as usize
	}

	/// True one time in `n`.
	pub fn one_in(&mut self, n: usize) -> bool {
		self.below(n) == 0
	}
}

/// What a fuzzing run is bounded by and where it keeps what it finds.
#[derive(Clone, Debug, Default)]
pub struct Options {
	/// The generator's seed.
	pub seed: u64,
	/// Stop after this long (checked between executions).
	pub duration: Option<Duration>,
	/// Stop after this many executions (the seeds included).
	pub runs: Option<u64>,
}

/// The outcome of a fuzzing run.
#[derive(Debug, Default)]
pub struct Report {
	/// What every execution did, summed.
	pub stats: Stats,
	/// The finding that ended the run, with its input.
	pub finding: Option<(Vec<u8>, Finding)>,
	/// The corpus at the end: the seeds and every input that reached a new feature.
	pub corpus: Vec<Vec<u8>>,
	/// How many of those were found by this run.
	pub new_inputs: usize,
}

/// Fuzz `harness` from `seeds` within `options`' bounds. `on_new` sees every input that
/// reached a new feature (to save it).
pub fn fuzz(
	harness: &Harness,
	seeds: Vec<Vec<u8>>,
	options: &Options,
	mut on_new: impl FnMut(&[u8]),
) -> Report {
	let started = Instant::now();
	let mut rng = Rng::new(options.seed);
	let mut report = Report::default();
	let mut seen: BTreeSet<u64> = BTreeSet::new();
	let tokens = account_tokens(harness);
	let done = |report: &Report| {
		options.runs.is_some_and(|runs| report.stats.executions >= runs)
			|| options.duration.is_some_and(|limit| started.elapsed() >= limit)
	};

	let mut pending = seeds.into_iter();
	loop {
		if report.finding.is_some() || done(&report) {
			break;
		}
		let (input, is_seed) = match pending.next() {
			Some(seed) => (seed, true),
			None => {
				let input = if report.corpus.is_empty() {
					Vec::new()
				} else {
					let parent = &report.corpus[rng.below(report.corpus.len())];
					mutate(&mut rng, parent, &report.corpus, &tokens)
				};
				(input, false)
			},
		};
		match harness.run(&input) {
			Err(finding) => {
				report.stats.executions += 1;
				report.finding = Some((input, finding));
			},
			Ok(stats) => {
				let new = stats.features.iter().any(|feature| !seen.contains(feature));
				seen.extend(stats.features.iter().copied());
				report.stats.absorb(&stats);
				if is_seed {
					report.corpus.push(input);
				} else if new {
					on_new(&input);
					report.corpus.push(input);
					report.new_inputs += 1;
				}
			},
		}
	}
	report
}

/// The fuzz accounts' ids as byte strings: the mutator swaps one for another in a call.
fn account_tokens(harness: &Harness) -> Vec<Vec<u8>> {
	harness.accounts().iter().map(|account| AsRef::<[u8]>::as_ref(&account.id).to_vec()).collect()
}

/// A mutant of `parent`: one to four mutations, `corpus` as a source of other records.
pub fn mutate(rng: &mut Rng, parent: &[u8], corpus: &[Vec<u8>], tokens: &[Vec<u8>]) -> Vec<u8> {
	let mut records = input::parse(parent);
	for _ in 0..1 + rng.below(4) {
		mutate_records(rng, &mut records, corpus, tokens);
	}
	records.truncate(MAX_RECORDS);
	let mut bytes = input::serialize(&records);
	bytes.truncate(MAX_INPUT_LEN);
	bytes
}

/// Interesting values for a byte.
const BYTES: [u8; 8] = [0, 1, 2, 0x7f, 0x80, 0xfe, 0xff, 0x40];

fn mutate_records(
	rng: &mut Rng,
	records: &mut Vec<Record>,
	corpus: &[Vec<u8>],
	tokens: &[Vec<u8>],
) {
	if records.is_empty() {
		// Nothing to edit: borrow a record from another input, or start from nothing.
		if let Some(record) = random_record(rng, corpus) {
			records.push(record);
		} else {
			records.push(Record::new(rng.below(256) as u8, Vec::new()));
		}
		return;
	}
	let i = rng.below(records.len());
	match rng.below(14) {
		// Flip one bit of a call.
		0 | 1 => {
			if !records[i].call.is_empty() {
				let at = rng.below(records[i].call.len());
				records[i].call[at] ^= 1 << rng.below(8);
			}
		},
		// An interesting or random byte.
		2 => {
			if !records[i].call.is_empty() {
				let at = rng.below(records[i].call.len());
				records[i].call[at] = if rng.one_in(2) {
					BYTES[rng.below(BYTES.len())]
				} else {
					rng.next_u64() as u8
				};
			}
		},
		// Add to or subtract from a little-endian integer of 1, 2, 4, 8 or 16 bytes, or set it
		// to a boundary.
		3 | 4 => tweak_integer(rng, &mut records[i].call),
		// Insert or delete bytes inside a call (lengths, compact integers, options).
		5 => {
			let call = &mut records[i].call;
			let at = rng.below(call.len() + 1);
			if rng.one_in(2) && !call.is_empty() && at < call.len() {
				let len = (1 + rng.below(4)).min(call.len() - at);
				call.drain(at..at + len);
			} else {
				let len = 1 + rng.below(4);
				let tail = call.split_off(at);
				call.extend((0..len).map(|_| BYTES[rng.below(BYTES.len())]));
				call.extend(tail);
			}
		},
		// Swap a fuzz account's id in a call for another's.
		6 => swap_token(rng, &mut records[i].call, tokens),
		// Another signer.
		7 => records[i].origin = rng.below(256) as u8,
		// Other block flags: toggle "advance", or another number of empty blocks.
		8 => {
			if rng.one_in(2) {
				records[i].flags ^= ADVANCE;
			} else {
				records[i].flags =
					ADVANCE | ((rng.below(usize::from(MAX_EXTRA_BLOCKS) + 1) as u8) << 1);
			}
		},
		// Duplicate a record (a replay, a second order, a second vote).
		9 => {
			if records.len() < MAX_RECORDS {
				let copy = records[i].clone();
				let at = rng.below(records.len() + 1);
				records.insert(at, copy);
			}
		},
		// Delete a record.
		10 => {
			if records.len() > 1 {
				records.remove(i);
			}
		},
		// Swap two records.
		11 => {
			let j = rng.below(records.len());
			records.swap(i, j);
		},
		// Insert a record from another input.
		12 => {
			if let Some(record) = random_record(rng, corpus) {
				let at = rng.below(records.len() + 1);
				records.insert(at, record);
			}
		},
		// Splice: this input's first records, another's last.
		_ => {
			if !corpus.is_empty() {
				let other = input::parse(&corpus[rng.below(corpus.len())]);
				let keep = rng.below(records.len() + 1);
				let from = rng.below(other.len() + 1);
				records.truncate(keep);
				records.extend(other.into_iter().skip(from));
			}
		},
	}
}

fn random_record(rng: &mut Rng, corpus: &[Vec<u8>]) -> Option<Record> {
	if corpus.is_empty() {
		return None;
	}
	let records = input::parse(&corpus[rng.below(corpus.len())]);
	if records.is_empty() {
		return None;
	}
	let pick = rng.below(records.len());
	records.into_iter().nth(pick)
}

fn tweak_integer(rng: &mut Rng, call: &mut [u8]) {
	// Skip the pallet and call index bytes when the call has more.
	let start = if call.len() > 2 { 2 } else { 0 };
	if call.len() <= start {
		return;
	}
	let width = [1usize, 2, 4, 8, 16][rng.below(5)].min(call.len() - start);
	let at = start + rng.below(call.len() - start - width + 1);
	let mut buf = [0u8; 16];
	buf[..width].copy_from_slice(&call[at..at + width]);
	let value = u128::from_le_bytes(buf);
	let max = if width == 16 { u128::MAX } else { (1u128 << (width * 8)) - 1 };
	let delta = 1 + rng.below(16) as u128;
	let value = match rng.below(6) {
		0 => value.wrapping_add(delta) & max,
		1 => value.wrapping_sub(delta) & max,
		2 => 0,
		3 => 1,
		4 => max,
		_ => max / 2 + rng.below(2) as u128,
	};
	call[at..at + width].copy_from_slice(&value.to_le_bytes()[..width]);
}

fn swap_token(rng: &mut Rng, call: &mut [u8], tokens: &[Vec<u8>]) {
	let Some(len) = tokens.first().map(Vec::len) else { return };
	if call.len() < len {
		return;
	}
	let found: Vec<usize> = (0..=call.len() - len)
		.filter(|&at| tokens.iter().any(|token| call[at..at + len] == token[..]))
		.collect();
	if found.is_empty() {
		return;
	}
	let at = found[rng.below(found.len())];
	let token = &tokens[rng.below(tokens.len())];
	call[at..at + len].copy_from_slice(token);
}

/// A short, stable name for an input: the FNV-1a hash of its bytes, in hex.
pub fn name_of(input: &[u8]) -> String {
	let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
		(hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
	});
	format!("{hash:016x}")
}
