//! A block holds at least 1,000 balance transfers.

use super::*;
use crate::EXISTENTIAL_DEPOSIT;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use sp_core::Blake2Hasher;
use sp_trie::{proof_size_extension::ProofSizeExt, recorder::Recorder};

const TRANSFERS: u32 = 1_000;

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: EXISTENTIAL_DEPOSIT,
	})
}

/// Apply 1,000 signed transfers in one block with the storage proof recorded, as a collator
/// builds a block: `StorageWeightReclaim` then charges the proof actually recorded instead of
/// each extrinsic's worst case, and `CheckWeight` refuses whatever does not fit.
#[test]
fn a_block_holds_a_thousand_signed_transfers() {
	let mut ext = development_ext();
	let recorder = Recorder::<Blake2Hasher>::default();
	ext.register_extension(ProofSizeExt::new(recorder.clone()));
	ext.execute_with_recorder(recorder.clone(), || {
		initialize_block(2);
		let bob_before = free_balance(Sr25519Keyring::Bob);
		for nonce in 0..TRANSFERS {
			let xt = signed(transfer(), Sr25519Keyring::Alice, nonce);
			assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())), "transfer {nonce} rejected");
		}
		assert_eq!(
			free_balance(Sr25519Keyring::Bob),
			bob_before + EXISTENTIAL_DEPOSIT * Balance::from(TRANSFERS)
		);
		let weights = crate::configs::RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal).max_total.unwrap();
		let used = *System::block_weight().get(DispatchClass::Normal);
		assert!(normal.all_gte(used));
		println!(
			"{TRANSFERS} transfers: {:.1}% of the normal ref time, {:.1}% of the normal proof \
			 size ({} bytes recorded)",
			used.ref_time() as f64 * 100.0 / normal.ref_time() as f64,
			used.proof_size() as f64 * 100.0 / normal.proof_size() as f64,
			recorder.estimate_encoded_size(),
		);
	});
}

/// The compute budget alone: 1,000 transfers with their transaction extensions fit in a block's
/// normal ref time, whatever proof sizes a block builder records.
#[test]
fn the_compute_budget_holds_a_thousand_transfers() {
	development_ext().execute_with(|| {
		let weights = crate::configs::RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal);
		let available = normal.max_total.unwrap().ref_time() - weights.base_block.ref_time();
		let xt = signed(transfer(), Sr25519Keyring::Alice, 0);
		let per_transfer =
			xt.get_dispatch_info().total_weight().ref_time() + normal.base_extrinsic.ref_time();
		assert!(
			available / per_transfer >= u64::from(TRANSFERS),
			"only {} transfers fit",
			available / per_transfer
		);
	});
}
