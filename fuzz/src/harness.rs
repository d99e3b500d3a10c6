//! The harness: the real runtime from the development genesis, driven block by block through
//! `Executive` as a collator drives it, with the invariants checked after every block.

use crate::{
	accounts::{accounts, FuzzAccount},
	checks, input, Check, Finding, Stats, MAX_BLOCKS, MAX_CALL_DEPTH, MAX_RECORDS,
};
use codec::{DecodeLimit, Encode};
use commerce_runtime::{
	configs::RuntimeBlockWeights, genesis_config_presets, Balance, BlockNumber, Executive, Header,
	Runtime, RuntimeCall, RuntimeGenesisConfig, UncheckedExtrinsic, MAXIMUM_BLOCK_WEIGHT,
	SLOT_DURATION,
};
use cumulus_pallet_parachain_system::parachain_inherent::{
	BasicParachainInherentData, InboundDownwardMessages, InboundHrmpMessages, InboundMessagesData,
};
use cumulus_primitives_core::{relay_chain::HeadData, PersistedValidationData};
use cumulus_test_relay_sproof_builder::RelayStateSproofBuilder;
use frame_support::{dispatch::GetDispatchInfo, genesis_builder_helper::build_state};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{Blake2Hasher, H256};
use sp_runtime::{traits::Header as _, ApplyExtrinsicResult, Digest, DigestItem, StateVersion};
use sp_trie::{proof_size_extension::ProofSizeExt, recorder::Recorder};
use std::{
	cell::{Cell, RefCell},
	panic::{catch_unwind, AssertUnwindSafe},
	sync::Once,
	time::{Duration, Instant},
};

/// The relay chain (and Aura) slot of block 0: block `n` is built in slot `GENESIS_SLOT + n`,
/// with the timestamp `slot * SLOT_DURATION` (mid-2025).
pub const GENESIS_SLOT: u64 = 291_666_666;
/// The relay parent number of block 0: block `n` builds on relay block `RELAY_GENESIS + n`.
pub const RELAY_GENESIS: u32 = 1_000;
/// The longest a block may take to execute natively before it is a finding. A block must
/// execute within its 2 s of ref time on a reference machine in WASM, which is slower than
/// native code: a native block over 2 s (optimised build) is certainly too slow. Debug builds
/// are about ten times slower, so they get 20 s.
pub const BLOCK_TIME_LIMIT: Duration =
	Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });

/// The raw genesis state, restored for every input without rebuilding it.
type RawSnapshot = Vec<(Vec<u8>, (Vec<u8>, i32))>;

/// The state of an input's chain between blocks.
struct Chain {
	/// The last finalized block, `None` at genesis.
	parent: Option<Header>,
	/// Its number.
	number: BlockNumber,
	/// What the issuance must be: genesis, plus every increase, less every decrease, as
	/// `pallet_balances` reports them in its events.
	expected_issuance: Balance,
}

/// A call ready to dispatch, with the record it came from.
struct Planned {
	record: usize,
	origin: usize,
	call: RuntimeCall,
}

/// The harness: the genesis state, built once, and the fuzz accounts.
pub struct Harness {
	raw: RawSnapshot,
	root: H256,
	genesis_issuance: Balance,
	genesis_keys: u32,
	accounts: Vec<FuzzAccount>,
	/// Whether to compare each extrinsic's recorded proof size with its declared weight.
	pub check_pov: bool,
	/// The longest a block may execute (see [`BLOCK_TIME_LIMIT`]).
	pub block_time_limit: Duration,
	/// A test's sabotage, applied to the state after block `n` is finalized and before the
	/// checks, to prove that they fail.
	#[cfg(test)]
	pub(crate) plant: Option<fn(BlockNumber)>,
}

impl Harness {
	/// Build the development genesis with the extra fuzz accounts endowed, and check it.
	pub fn new() -> Result<Self, Finding> {
		let accounts = accounts();
		let preset =
			genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
				.expect("the development preset exists");
		// As the node applies a preset: the default config with the preset's patch merged in.
		let mut config =
			serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default serializes");
		merge(&mut config, serde_json::from_slice(&preset).expect("the preset is JSON"));
		// The extra accounts, endowed as the preset endows the development accounts.
		let balances = config
			.pointer_mut("/balances/balances")
			.and_then(|list| list.as_array_mut())
			.expect("the development preset endows accounts");
		for account in &accounts {
			if let Some(endowment) = account.endowment {
				balances.push(
					serde_json::to_value((&account.id, endowment))
						.expect("an endowment serializes"),
				);
			}
		}
		let mut ext = sp_io::TestExternalities::new_empty();
		ext.execute_with(|| {
			build_state::<RuntimeGenesisConfig>(
				serde_json::to_vec(&config).expect("the config serializes"),
			)
			.expect("the development genesis builds")
		});
		ext.commit_all().expect("the genesis state commits");
		let (genesis_issuance, genesis_keys) = ext.execute_with(|| {
			checks::state(0).map(|_| (checks::issuance(), checks::count_keys()))
		})?;
		let (raw, root) = ext.into_raw_snapshot();
		Ok(Harness {
			raw,
			root,
			genesis_issuance,
			genesis_keys,
			accounts,
			check_pov: true,
			block_time_limit: BLOCK_TIME_LIMIT,
			#[cfg(test)]
			plant: None,
		})
	}

	/// The fuzz accounts, by origin index.
	pub fn accounts(&self) -> &[FuzzAccount] {
		&self.accounts
	}

	/// Run one input from genesis: every record's call signed and applied in its block, the
	/// invariants checked after every block. The first finding ends the run.
	pub fn run(&self, data: &[u8]) -> Result<Stats, Finding> {
		let mut stats = Stats { executions: 1, keys_before: self.genesis_keys, ..Stats::default() };
		let blocks = self.plan(data, &mut stats);
		let mut ext = sp_io::TestExternalities::from_raw_snapshot(
			self.raw.clone(),
			self.root,
			StateVersion::V1,
		);
		let mut chain = Chain { parent: None, number: 0, expected_issuance: self.genesis_issuance };
		for block in &blocks {
			let number = chain.number + 1;
			// A fresh proof recorder per block, as a collator records each block's PoV.
			let recorder = Recorder::<Blake2Hasher>::default();
			ext.register_extension(ProofSizeExt::new(recorder.clone()));
			let executed = guarded(|| {
				ext.execute_with_recorder(recorder.clone(), || {
					self.execute_block(&mut chain, block, &recorder, &mut stats)
				})
			});
			flatten(number, executed).map_err(|mut finding| {
				// A panic while a signed extrinsic was applied names its record.
				finding.record = finding.record.or(stats.current_record);
				finding
			})?;
			let proof = recorder.estimate_encoded_size();
			stats.max_block_proof = stats.max_block_proof.max(proof);
			if proof as u64 > MAXIMUM_BLOCK_WEIGHT.proof_size() {
				return Err(Finding::new(
					Check::Pov,
					number,
					None,
					format!(
						"the block's storage proof is {proof} bytes, over the block limit of {}",
						MAXIMUM_BLOCK_WEIGHT.proof_size()
					),
				));
			}
			ext.commit_all().map_err(|e| {
				Finding::new(Check::Panic, number, None, format!("committing the block: {e}"))
			})?;
			let checked = guarded(|| {
				ext.execute_with(|| {
					#[cfg(test)]
					if let Some(plant) = self.plant {
						plant(number);
					}
					checks::block(number, &mut chain.expected_issuance, &mut stats)
				})
			});
			flatten(number, checked)?;
		}
		stats.keys_after = ext.execute_with(checks::count_keys);
		Ok(stats)
	}

	/// Split an input into blocks of decoded calls. Block 1 is open when the input starts; a
	/// record that advances `n` blocks closes the open one and opens `n` more, the last for
	/// itself.
	fn plan(&self, data: &[u8], stats: &mut Stats) -> Vec<Vec<Planned>> {
		let mut blocks: Vec<Vec<Planned>> = vec![Vec::new()];
		for (index, record) in input::parse(data).into_iter().enumerate() {
			let advance = record.blocks_to_advance() as usize;
			if index >= MAX_RECORDS || blocks.len() + advance > MAX_BLOCKS as usize {
				stats.skipped_limit += 1;
				continue;
			}
			stats.records += 1;
			blocks.extend((0..advance).map(|_| Vec::new()));
			let Ok(call) =
				RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut &record.call[..])
			else {
				stats.skipped_undecodable += 1;
				continue;
			};
			if forbidden(&call) {
				stats.skipped_forbidden += 1;
				continue;
			}
			let origin = usize::from(record.origin) % self.accounts.len();
			blocks.last_mut().expect("one block at least").push(Planned {
				record: index,
				origin,
				call,
			});
		}
		blocks
	}

	/// Build block `chain.number + 1`: initialize it, apply the two inherents and the planned
	/// signed calls, finalize it.
	fn execute_block(
		&self,
		chain: &mut Chain,
		calls: &[Planned],
		recorder: &Recorder<Blake2Hasher>,
		stats: &mut Stats,
	) -> Result<(), Finding> {
		let number = chain.number + 1;
		let slot = GENESIS_SLOT + u64::from(number);
		let parent_hash = match &chain.parent {
			Some(parent) => parent.hash(),
			None => frame_system::BlockHash::<Runtime>::get(0),
		};
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
		};
		let header =
			Header::new(number, Default::default(), Default::default(), parent_hash, digest);
		let inherents = [
			(
				"parachainSystem.setValidationData",
				validation_data(number, slot, chain.parent.as_ref()),
			),
			(
				"timestamp.set",
				RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: slot * SLOT_DURATION }),
			),
		];

		let mut busy = Duration::ZERO;
		let started = Instant::now();
		Executive::initialize_block(&header);
		busy += started.elapsed();
		for (name, call) in inherents {
			let started = Instant::now();
			let result = Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(call));
			busy += started.elapsed();
			if result != Ok(Ok(())) {
				return Err(Finding::new(
					Check::Inherent,
					number,
					None,
					format!("{name} failed: {result:?}"),
				));
			}
		}
		for planned in calls {
			busy += self.apply_signed(number, planned, recorder, stats)?;
		}
		let started = Instant::now();
		let header = Executive::finalize_block();
		busy += started.elapsed();

		stats.blocks += 1;
		stats.max_block_time = stats.max_block_time.max(busy);
		if busy > self.block_time_limit {
			return Err(Finding::new(
				Check::BlockTime,
				number,
				None,
				format!(
					"the block took {busy:?} to execute natively, over {:?}",
					self.block_time_limit
				),
			));
		}
		let used = frame_system::Pallet::<Runtime>::block_weight().total();
		let max = RuntimeBlockWeights::get().max_block;
		if !used.all_lte(max) {
			return Err(Finding::new(
				Check::BlockWeight,
				number,
				None,
				format!("the block used {used:?}, over the block limit {max:?}"),
			));
		}
		chain.parent = Some(header);
		chain.number = number;
		Ok(())
	}

	/// Sign `planned`'s call with its origin's next nonce and apply it as a block builder
	/// does: an extrinsic that is invalid (`Err(TransactionValidityError)`) is not included and
	/// its changes are rolled back. Returns the time spent in `Executive`.
	fn apply_signed(
		&self,
		number: BlockNumber,
		planned: &Planned,
		recorder: &Recorder<Blake2Hasher>,
		stats: &mut Stats,
	) -> Result<Duration, Finding> {
		let account = &self.accounts[planned.origin];
		let nonce = frame_system::Account::<Runtime>::get(&account.id).nonce;
		let xt = account.sign(planned.call.clone(), nonce);
		let info = xt.get_dispatch_info();
		let base = RuntimeBlockWeights::get().get(info.class).base_extrinsic;
		let declared = info.total_weight().saturating_add(base);
		let index = frame_system::Pallet::<Runtime>::extrinsic_index().unwrap_or_default();
		let proof_before = recorder.estimate_encoded_size();

		stats.current_record = Some(planned.record);
		let started = Instant::now();
		sp_io::storage::start_transaction();
		let result: ApplyExtrinsicResult = Executive::apply_extrinsic(xt);
		if result.is_ok() {
			sp_io::storage::commit_transaction();
		} else {
			sp_io::storage::rollback_transaction();
		}
		let busy = started.elapsed();
		stats.current_record = None;
		let measured_proof = recorder.estimate_encoded_size().saturating_sub(proof_before) as u64;

		let encoded = planned.call.encode();
		let (pallet, call_index) = (encoded[0], encoded.get(1).copied().unwrap_or(0));
		stats.features.insert(checks::call_feature(pallet, call_index, &result));
		let Ok(dispatched) = result else {
			stats.invalid += 1;
			return Ok(busy);
		};
		stats.dispatched += 1;
		if dispatched.is_ok() {
			stats.ok += 1;
			*stats.ok_by_pallet.entry(pallet).or_default() += 1;
		} else {
			stats.failed += 1;
		}

		let context = || {
			format!(
				"record {} ({}, nonce {nonce}): {:?}",
				planned.record, account.name, planned.call
			)
		};
		let Some(actual) = checks::extrinsic_weight(index) else {
			return Err(Finding::new(
				Check::Weight,
				number,
				Some(planned.record),
				format!("no ExtrinsicSuccess/ExtrinsicFailed event for {}", context()),
			));
		};
		if !actual.all_lte(declared) {
			return Err(Finding::new(
				Check::Weight,
				number,
				Some(planned.record),
				format!(
					"actual weight {actual:?} exceeds the declared {declared:?} for {}",
					context()
				),
			));
		}
		let declared_proof = declared.proof_size();
		if declared_proof > 0 {
			let ratio = measured_proof as f64 / declared_proof as f64;
			if ratio > stats.max_pov_ratio {
				stats.max_pov_ratio = ratio;
			}
		}
		if self.check_pov && measured_proof > declared_proof {
			return Err(Finding::new(
				Check::Pov,
				number,
				Some(planned.record),
				format!(
					"recorded storage proof {measured_proof} bytes exceeds the declared proof \
					 size {declared_proof} for {}",
					context()
				),
			));
		}
		Ok(busy)
	}
}

/// Calls a fuzz input may not contain, at any depth (in a batch, a council motion, a
/// `dispatchAsRoot`): signed origins cannot dispatch them, but a council motion passed by the
/// council members among the fuzz accounts dispatches as root, and these would rewrite the
/// state outside every pallet's logic (raw storage, code, balances set by fiat), so that the
/// checks would report governance fiat rather than bugs.
pub fn forbidden(call: &RuntimeCall) -> bool {
	match call {
		RuntimeCall::System(call) => matches!(
			call,
			frame_system::Call::set_code { .. }
				| frame_system::Call::set_code_without_checks { .. }
				| frame_system::Call::set_storage { .. }
				| frame_system::Call::kill_storage { .. }
				| frame_system::Call::kill_prefix { .. }
				| frame_system::Call::authorize_upgrade { .. }
				| frame_system::Call::authorize_upgrade_without_checks { .. }
				| frame_system::Call::apply_authorized_upgrade { .. }
		),
		RuntimeCall::Balances(call) => matches!(
			call,
			pallet_balances::Call::force_set_balance { .. }
				| pallet_balances::Call::force_adjust_total_issuance { .. }
				| pallet_balances::Call::force_unreserve { .. }
		),
		RuntimeCall::Utility(call) => match call {
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls } => calls.iter().any(forbidden),
			pallet_utility::Call::as_derivative { call, .. }
			| pallet_utility::Call::dispatch_as { call, .. }
			| pallet_utility::Call::with_weight { call, .. }
			| pallet_utility::Call::dispatch_as_fallible { call, .. } => forbidden(call),
			pallet_utility::Call::if_else { main, fallback } => {
				forbidden(main) || forbidden(fallback)
			},
			_ => false,
		},
		RuntimeCall::Council(
			pallet_collective::Call::propose { proposal, .. }
			| pallet_collective::Call::execute { proposal, .. },
		) => forbidden(proposal),
		RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root { call }) => {
			forbidden(call)
		},
		_ => false,
	}
}

/// The `set_validation_data` inherent of block `number`: a relay chain state proof built by
/// the relay state proof builder, with the relay slot equal to the parachain's (the Aura
/// consensus hook requires it), the parent as the included head (so that the unincluded
/// segment never fills), and no messages.
fn validation_data(number: BlockNumber, slot: u64, parent: Option<&Header>) -> RuntimeCall {
	let parent_head = HeadData(parent.map(Encode::encode).unwrap_or_default());
	let builder = RelayStateSproofBuilder {
		para_id: genesis_config_presets::PARACHAIN_ID.into(),
		current_slot: slot.into(),
		// No relay authorities: only the relay parent descendants (unused at offset 0) need
		// them.
		num_authorities: 0,
		included_para_head: Some(parent_head.clone()),
		..Default::default()
	};
	let (relay_parent_storage_root, relay_chain_state) = builder.into_state_root_and_proof();
	RuntimeCall::ParachainSystem(cumulus_pallet_parachain_system::Call::set_validation_data {
		data: BasicParachainInherentData {
			validation_data: PersistedValidationData {
				parent_head,
				relay_parent_number: RELAY_GENESIS + number,
				relay_parent_storage_root,
				max_pov_size: MAXIMUM_BLOCK_WEIGHT.proof_size() as u32,
			},
			relay_chain_state,
			relay_parent_descendants: Vec::new(),
			collator_peer_id: None,
		},
		inbound_messages_data: InboundMessagesData::new(
			InboundDownwardMessages::new(Vec::new()).into_abridged(&mut 0),
			InboundHrmpMessages::new(Vec::new()).into_abridged(&mut 0),
		),
	})
}

/// Merge the JSON `patch` into `base`, as the node does with a preset (objects merge key by
/// key; anything else is replaced).
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

thread_local! {
	/// Whether a panic is expected (inside [`guarded`]): the hook records it without printing.
	static QUIET: Cell<bool> = const { Cell::new(false) };
	/// The message and location of the last panic on this thread.
	static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into its message and location.
fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
	static HOOK: Once = Once::new();
	HOOK.call_once(|| {
		let previous = std::panic::take_hook();
		std::panic::set_hook(Box::new(move |info| {
			LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
			if !QUIET.with(Cell::get) {
				previous(info);
			}
		}));
	});
	QUIET.with(|quiet| quiet.set(true));
	LAST_PANIC.with(|last| last.borrow_mut().take());
	let result = catch_unwind(AssertUnwindSafe(f));
	QUIET.with(|quiet| quiet.set(false));
	result.map_err(|payload| {
		LAST_PANIC.with(|last| last.borrow_mut().take()).unwrap_or_else(|| {
			payload
				.downcast_ref::<&str>()
				.map(|s| s.to_string())
				.or_else(|| payload.downcast_ref::<String>().cloned())
				.unwrap_or_else(|| "a panic without a message".into())
		})
	})
}

/// A guarded step's result as a finding: a panic, or the step's own finding.
fn flatten(
	number: BlockNumber,
	result: Result<Result<(), Finding>, String>,
) -> Result<(), Finding> {
	match result {
		Ok(result) => result,
		Err(panic) => Err(Finding::new(Check::Panic, number, None, panic)),
	}
}
