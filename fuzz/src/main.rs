//! `commerce-fuzz`: fuzz the commerce-chain runtime, write the seed corpus, replay inputs.
//!
//! ```text
//! commerce-fuzz run [--seed N] [--duration SECS] [--runs N] [--corpus DIR] [--findings DIR] [--no-pov]
//! commerce-fuzz seed-corpus DIR
//! commerce-fuzz replay [--no-pov] FILE...
//! ```
//!
//! `run` starts from the built-in seed corpus plus the files of `--corpus DIR` (in name
//! order), mutates them with the seeded generator until `--duration` seconds or `--runs`
//! executions (the default: 60 seconds), saves every input that reached a new feature into
//! `--corpus DIR`, and prints a summary line. On a finding it prints the failed check and the
//! input in hex, saves the input into `--findings DIR` (default `fuzz-findings`), and exits
//! with status 1. `replay` runs files (raw bytes, or hex text) and exits with status 1 if any
//! fails a check. Exit status 2: bad arguments or I/O.

use commerce_fuzz::{
	engine::{self, Options},
	input, seeds, Harness, Stats,
};
use std::{
	path::{Path, PathBuf},
	process::ExitCode,
	time::{Duration, Instant},
};

const USAGE: &str = "usage:
  commerce-fuzz run [--seed N] [--duration SECS] [--runs N] [--corpus DIR] [--findings DIR] [--no-pov]
  commerce-fuzz seed-corpus DIR
  commerce-fuzz replay [--no-pov] FILE...";

fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let result = match args.first().map(String::as_str) {
		Some("run") => run(&args[1..]),
		Some("seed-corpus") => seed_corpus(&args[1..]),
		Some("replay") => replay(&args[1..]),
		_ => Err(USAGE.to_string()),
	};
	match result {
		Ok(code) => code,
		Err(message) => {
			eprintln!("{message}");
			ExitCode::from(2)
		},
	}
}

/// The value after flag `args[*i]`, advancing `i`.
fn value<'a>(args: &'a [String], i: &mut usize) -> Result<&'a str, String> {
	*i += 1;
	args.get(*i)
		.map(String::as_str)
		.ok_or_else(|| format!("{} needs a value\n{USAGE}", args[*i - 1]))
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
	text.parse().map_err(|_| format!("not a number: {text}\n{USAGE}"))
}

fn harness(check_pov: bool) -> Result<Harness, String> {
	let mut harness =
		Harness::new().map_err(|finding| format!("the genesis fails a check: {finding}"))?;
	harness.check_pov = check_pov;
	Ok(harness)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
	let mut options = Options { seed: 0, duration: None, runs: None };
	let mut corpus_dir: Option<PathBuf> = None;
	let mut findings_dir = PathBuf::from("fuzz-findings");
	let mut check_pov = true;
	let mut i = 0;
	while i < args.len() {
		match args[i].as_str() {
			"--seed" => options.seed = number(value(args, &mut i)?)?,
			"--duration" => {
				options.duration = Some(Duration::from_secs(number(value(args, &mut i)?)?))
			},
			"--runs" => options.runs = Some(number(value(args, &mut i)?)?),
			"--corpus" => corpus_dir = Some(PathBuf::from(value(args, &mut i)?)),
			"--findings" => findings_dir = PathBuf::from(value(args, &mut i)?),
			"--no-pov" => check_pov = false,
			other => return Err(format!("unknown argument {other}\n{USAGE}")),
		}
		i += 1;
	}
	if options.duration.is_none() && options.runs.is_none() {
		options.duration = Some(Duration::from_secs(60));
	}

	let harness = harness(check_pov)?;
	let mut initial: Vec<Vec<u8>> = seeds::seeds().into_iter().map(|(_, bytes)| bytes).collect();
	if let Some(dir) = &corpus_dir {
		std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
		for path in files_in(dir)? {
			initial.push(read_input(&path)?);
		}
	}
	let seeds = initial.len();
	let started = Instant::now();
	let mut save_error = None;
	let report = engine::fuzz(&harness, initial, &options, |input| {
		if let Some(dir) = &corpus_dir {
			let path = dir.join(format!("{}.bin", engine::name_of(input)));
			if let Err(e) = std::fs::write(&path, input) {
				if save_error.is_none() {
					save_error = Some(format!("{}: {e}", path.display()));
				}
			}
		}
	});
	if let Some(error) = save_error {
		eprintln!("warning: could not save corpus inputs: {error}");
	}
	let elapsed = started.elapsed();
	let code = match &report.finding {
		None => ExitCode::SUCCESS,
		Some((input, finding)) => {
			println!("FINDING: {finding}");
			println!("input (hex): {}", input::to_hex(input));
			std::fs::create_dir_all(&findings_dir)
				.map_err(|e| format!("{}: {e}", findings_dir.display()))?;
			let path = findings_dir.join(format!("finding-{}.bin", engine::name_of(input)));
			std::fs::write(&path, input).map_err(|e| format!("{}: {e}", path.display()))?;
			println!(
				"saved as {} (replay: commerce-fuzz replay {})",
				path.display(),
				path.display()
			);
			ExitCode::from(1)
		},
	};
	println!(
		"seed {}: {} in {:.1} s ({:.1} executions/s), corpus {} ({} seeds, {} new)",
		options.seed,
		report.stats.summary(usize::from(report.finding.is_some())),
		elapsed.as_secs_f64(),
		report.stats.executions as f64 / elapsed.as_secs_f64().max(1e-9),
		report.corpus.len(),
		seeds,
		report.new_inputs,
	);
	Ok(code)
}

fn seed_corpus(args: &[String]) -> Result<ExitCode, String> {
	let [dir] = args else { return Err(USAGE.to_string()) };
	let dir = Path::new(dir);
	std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	for (name, bytes) in seeds::seeds() {
		let path = dir.join(format!("{name}.bin"));
		std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
		println!("{} ({} bytes)", path.display(), bytes.len());
	}
	Ok(ExitCode::SUCCESS)
}

fn replay(args: &[String]) -> Result<ExitCode, String> {
	let check_pov = !args.iter().any(|arg| arg == "--no-pov");
	let files: Vec<&String> = args.iter().filter(|arg| *arg != "--no-pov").collect();
	if files.is_empty() {
		return Err(USAGE.to_string());
	}
	let harness = harness(check_pov)?;
	let mut total = Stats::default();
	let mut findings = 0;
	for file in files {
		let input = read_input(Path::new(file))?;
		match harness.run(&input) {
			Ok(stats) => {
				println!(
					"{file}: ok ({} blocks, {} dispatched, {} ok, {} invalid)",
					stats.blocks, stats.dispatched, stats.ok, stats.invalid
				);
				total.absorb(&stats);
			},
			Err(finding) => {
				findings += 1;
				total.executions += 1;
				println!("{file}: FINDING: {finding}");
				println!("input (hex): {}", input::to_hex(&input));
			},
		}
	}
	println!("{}", total.summary(findings));
	Ok(if findings == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The files of `dir`, in name order.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
	let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
		.map_err(|e| format!("{}: {e}", dir.display()))?
		.filter_map(|entry| entry.ok().map(|entry| entry.path()))
		.filter(|path| path.is_file())
		.collect();
	files.sort();
	Ok(files)
}

/// An input file: raw bytes, or hex text (as a finding report prints it).
fn read_input(path: &Path) -> Result<Vec<u8>, String> {
	let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
	let is_hex = !bytes.is_empty()
		&& bytes.iter().all(|b| b.is_ascii_hexdigit() || b.is_ascii_whitespace() || *b == b'x');
	if is_hex {
		if let Some(decoded) = std::str::from_utf8(&bytes).ok().and_then(input::from_hex) {
			return Ok(decoded);
		}
	}
	Ok(bytes)
}
