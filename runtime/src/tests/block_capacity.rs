//! A block holds at least 1,000 balance transfers.

use super::*;
use crate::EXISTENTIAL_DEPOSIT;
use frame_support::dispatch::GetDispatchInfo;

const TRANSFERS: u32 = 1_000;

#[test]
fn a_block_holds_a_thousand_signed_transfers() {
	development_ext().execute_with(|| {
		initialize_block(2);
		let bob_before = free_balance(Sr25519Keyring::Bob);
		for nonce in 0..TRANSFERS {
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: Sr25519Keyring::Bob.to_account_id().into(),
				value: EXISTENTIAL_DEPOSIT,
			});
			let xt = signed(call, Sr25519Keyring::Alice, nonce);
			// `CheckWeight` and the block length limit reject the extrinsic once the block is
			// full; every transfer must fit.
			assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())), "transfer {nonce} rejected");
		}
		assert_eq!(
			free_balance(Sr25519Keyring::Bob),
			bob_before + EXISTENTIAL_DEPOSIT * Balance::from(TRANSFERS)
		);
	});
}

#[test]
fn weight_limits_leave_room_for_a_thousand_transfers() {
	// The same bound computed from the weights, so a change of weights or limits that breaks
	// it names the exhausted dimension.
	let weights = crate::configs::RuntimeBlockWeights::get();
	let normal = weights.get(frame_support::dispatch::DispatchClass::Normal);
	let max = normal.max_total.expect("normal extrinsics have a limit");
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: 1,
	});
	let per_transfer =
		call.get_dispatch_info().total_weight().saturating_add(normal.base_extrinsic);
	let available = max.saturating_sub(weights.base_block);
	assert!(
		available.ref_time() / per_transfer.ref_time() >= u64::from(TRANSFERS),
		"compute: {} transfers fit",
		available.ref_time() / per_transfer.ref_time()
	);
	assert!(
		available.proof_size() / per_transfer.proof_size().max(1) >= u64::from(TRANSFERS),
		"proof size: {} transfers fit",
		available.proof_size() / per_transfer.proof_size().max(1)
	);
}
