//! The harness's own tests: the seeds run clean, a short fixed-seed run finds nothing, and
//! planted bugs are reported (the checks can fail).

use crate::{
	accounts::{account_id, who::*},
	engine::{self, Options, Rng},
	forbidden, seeds, Check, Harness, Stats,
};
use commerce_runtime::{BlockNumber, Runtime, RuntimeCall, RuntimeHoldReason, UNIT};
use frame_support::traits::fungible::MutateHold;

fn harness() -> Harness {
	Harness::new().unwrap_or_else(|finding| panic!("the genesis fails a check: {finding}"))
}

fn seed(name: &str) -> Vec<u8> {
	seeds::seeds()
		.into_iter()
		.find(|(seed, _)| *seed == name)
		.map(|(_, bytes)| bytes)
		.unwrap_or_else(|| panic!("no seed {name}"))
}

#[test]
fn the_seed_corpus_runs_clean_and_every_commerce_pallet_dispatches() {
	let harness = harness();
	let mut total = Stats::default();
	for (name, bytes) in seeds::seeds() {
		let stats = harness.run(&bytes).unwrap_or_else(|finding| panic!("seed {name}: {finding}"));
		println!(
			"{name}: {} blocks, {} dispatched, {} ok, {} failed, {} invalid, {} undecodable",
			stats.blocks,
			stats.dispatched,
			stats.ok,
			stats.failed,
			stats.invalid,
			stats.skipped_undecodable
		);
		assert!(stats.ok > 0, "seed {name} dispatched nothing successfully");
		total.absorb(&stats);
	}
	println!("{}", total.summary(0));
	// Orders, Escrow, Vendors, ProfitSharing, Provenance, Replenishment (pallet indices 50 to
	// 55).
	for pallet in 50..=55u8 {
		assert!(
			total.ok_by_pallet.get(&pallet).copied().unwrap_or(0) > 0,
			"no call of pallet {pallet} dispatched successfully: {:?}",
			total.ok_by_pallet
		);
	}
	assert_eq!(total.invalid, 0, "a seed's extrinsic was refused as invalid");
}

/// The stablecoin seed's calls all succeed: the council's rate lets Dave list in cUSD, and the
/// orders, the split, the refund and the dispute run in it (a refused call would count).
#[test]
fn the_stablecoin_seed_trades_in_cusd_without_a_failed_call() {
	let stats = harness().run(&seed("stablecoin")).unwrap_or_else(|finding| panic!("{finding}"));
	assert_eq!(stats.failed, 0, "a call of the stablecoin seed failed: {stats:?}");
	assert!(stats.ok >= 12, "the seed dispatched {} calls", stats.ok);
}

/// The unclaimed seed's calls all succeed: a payout to a vendor blocked in cUSD stays
/// claimable through the settlement, and is claimed for him once he is thawed.
#[test]
fn the_unclaimed_seed_keeps_and_pays_a_blocked_vendors_payout() {
	let harness = harness();
	let stats = harness.run(&seed("unclaimed")).unwrap_or_else(|finding| panic!("{finding}"));
	assert_eq!(stats.failed, 0, "a call of the unclaimed seed failed: {stats:?}");
	assert!(stats.ok >= 8, "the seed dispatched {} calls", stats.ok);
}

#[test]
fn a_short_fixed_seed_run_finds_nothing() {
	let harness = harness();
	let seeds = seeds::seeds().into_iter().map(|(_, bytes)| bytes).collect();
	let options = Options { seed: 1, duration: None, runs: Some(200) };
	let report = engine::fuzz(&harness, seeds, &options, |_| {});
	println!("{}", report.stats.summary(usize::from(report.finding.is_some())));
	if let Some((input, finding)) = &report.finding {
		panic!("{finding}\ninput (hex): {}", crate::input::to_hex(input));
	}
	assert_eq!(report.stats.executions, 200);
}

/// Run the `order-completed` seed with `plant` sabotaging the state after block 2, and return
/// the finding it must cause.
fn planted(plant: fn(BlockNumber)) -> crate::Finding {
	let mut harness = harness();
	harness.plant = Some(plant);
	harness.run(&seed("order-completed")).expect_err("the planted bug is reported")
}

#[test]
fn funds_held_for_escrow_without_an_escrow_are_reported() {
	let finding = planted(|block| {
		if block == 2 {
			<pallet_balances::Pallet<Runtime> as MutateHold<_>>::hold(
				&RuntimeHoldReason::Escrow(pallet_escrow::HoldReason::Escrow),
				&account_id(FUZZ2),
				UNIT,
			)
			.expect("Fuzz2 can hold a unit");
		}
	});
	assert_eq!((finding.check, finding.block), (Check::TryState, 2), "{finding}");
	assert!(finding.detail.starts_with("escrow"), "{finding}");
}

#[test]
fn issuance_changed_without_an_event_is_reported() {
	let finding = planted(|block| {
		if block == 2 {
			pallet_balances::TotalIssuance::<Runtime>::mutate(|issuance| *issuance += 1);
		}
	});
	assert_eq!((finding.check, finding.block), (Check::Issuance, 2), "{finding}");
}

#[test]
fn money_created_in_an_account_is_reported() {
	let finding = planted(|block| {
		if block == 2 {
			frame_system::Account::<Runtime>::mutate(account_id(FUZZ3), |account| {
				account.data.free += 1
			});
		}
	});
	assert_eq!((finding.check, finding.block), (Check::Conservation, 2), "{finding}");
}

#[test]
fn consumers_without_providers_are_reported() {
	let finding = planted(|block| {
		if block == 2 {
			// Dave holds his vendor bond: he has a consumer.
			frame_system::Account::<Runtime>::mutate(account_id(DAVE), |account| {
				account.providers = 0
			});
		}
	});
	assert_eq!((finding.check, finding.block), (Check::RefCount, 2), "{finding}");
}

#[test]
fn a_panic_is_reported_as_a_finding() {
	let finding = planted(|block| {
		if block == 3 {
			panic!("planted panic");
		}
	});
	assert_eq!((finding.check, finding.block), (Check::Panic, 3), "{finding}");
	assert!(finding.detail.contains("planted panic"), "{finding}");
}

#[test]
fn calls_that_rewrite_state_by_fiat_are_skipped_at_any_depth() {
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 4] });
	let motion = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: 2,
		proposal: Box::new(RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
			call: Box::new(RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![set_code.clone()],
			})),
		})),
		length_bound: 100,
	});
	assert!(forbidden(&set_code));
	assert!(forbidden(&motion));
	assert!(!forbidden(&RuntimeCall::System(frame_system::Call::remark { remark: vec![] })));

	// In an input: the motion is skipped, the remark runs.
	let records = vec![
		crate::input::Record::new(ALICE, codec::Encode::encode(&motion)),
		crate::input::Record::new(
			BOB,
			codec::Encode::encode(&RuntimeCall::System(frame_system::Call::remark {
				remark: vec![1],
			})),
		),
	];
	let stats = harness().run(&crate::input::serialize(&records)).expect("no finding");
	assert_eq!((stats.skipped_forbidden, stats.ok), (1, 1));
}

#[test]
fn mutation_is_deterministic_for_a_seed() {
	let corpus: Vec<Vec<u8>> = seeds::seeds().into_iter().map(|(_, bytes)| bytes).collect();
	let tokens: Vec<Vec<u8>> =
		(0..10u8).map(|i| AsRef::<[u8]>::as_ref(&account_id(i)).to_vec()).collect();
	let run = |seed| {
		let mut rng = Rng::new(seed);
		(0..50)
			.map(|i| engine::mutate(&mut rng, &corpus[i % corpus.len()], &corpus, &tokens))
			.collect::<Vec<_>>()
	};
	assert_eq!(run(7), run(7));
	assert_ne!(run(7), run(8));
}
