//! Runtime upgrades: a two-thirds council motion authorizes one, and no other origin can.

use super::*;
use crate::{Council, CouncilRoot, RuntimeOrigin, VERSION};
use codec::Encode;
use cumulus_primitives_core::{relay_chain::AsyncBackingParams, AbridgedHostConfiguration};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_core::traits::{ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_runtime::{traits::Hash as _, DispatchError};

/// Reports any code as this runtime with a higher `spec_version`, as the host would for a real
/// upgrade's WASM.
struct NextVersion;
impl ReadRuntimeVersion for NextVersion {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn sp_externalities::Externalities,
	) -> Result<Vec<u8>, String> {
		let mut next = VERSION;
		next.spec_version += 1;
		Ok(next.encode())
	}
}

const NEW_CODE: &[u8] = b"\0asm a new runtime";

fn upgrade_ext() -> sp_io::TestExternalities {
	let mut ext = development_ext();
	ext.register_extension(ReadRuntimeVersionExt::new(NextVersion));
	ext.execute_with(|| {
		// What the relay chain's validation data inherent provides in a real block.
		cumulus_pallet_parachain_system::ValidationData::<Runtime>::put(
			cumulus_primitives_core::PersistedValidationData::default(),
		);
		cumulus_pallet_parachain_system::HostConfiguration::<Runtime>::put(
			AbridgedHostConfiguration {
				max_code_size: 3 * 1024 * 1024,
				max_head_data_size: 32 * 1024,
				max_upward_queue_count: 8,
				max_upward_queue_size: 1024 * 1024,
				max_upward_message_size: 4 * 1024,
				max_upward_message_num_per_candidate: 2,
				hrmp_max_message_num_per_candidate: 2,
				validation_upgrade_cooldown: 2,
				validation_upgrade_delay: 2,
				async_backing_params: AsyncBackingParams {
					allowed_ancestry_len: 0,
					max_candidate_depth: 0,
				},
			},
		);
	});
	ext
}

fn authorize_upgrade() -> RuntimeCall {
	RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
		call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: <Runtime as frame_system::Config>::Hashing::hash(NEW_CODE),
		})),
	})
}

pub(super) fn propose(who: Sr25519Keyring, threshold: u32, call: RuntimeCall) -> sp_core::H256 {
	let len = call.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(who.to_account_id()),
		threshold,
		Box::new(call),
		len
	));
	hash
}

pub(super) fn vote(who: Sr25519Keyring, hash: sp_core::H256, index: u32) {
	assert_ok!(Council::vote(RuntimeOrigin::signed(who.to_account_id()), hash, index, true));
}

pub(super) fn close(hash: sp_core::H256, index: u32, call: &RuntimeCall) {
	assert_ok!(Council::close(
		RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
		hash,
		index,
		call.get_dispatch_info().call_weight,
		call.encoded_size() as u32,
	));
}

#[test]
fn a_two_thirds_council_motion_applies_a_runtime_upgrade() {
	upgrade_ext().execute_with(|| {
		let call = authorize_upgrade();
		let hash = propose(Sr25519Keyring::Alice, 2, call.clone());
		vote(Sr25519Keyring::Alice, hash, 0);
		vote(Sr25519Keyring::Bob, hash, 0);
		close(hash, 0, &call);
		System::assert_has_event(
			pallet_council_root::Event::<Runtime>::RootDispatched { result: Ok(()) }.into(),
		);
		assert!(System::authorized_upgrade().is_some());

		// Anyone may now submit the authorized code; it is scheduled with the relay chain.
		assert_ok!(System::apply_authorized_upgrade(
			RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()),
			NEW_CODE.to_vec()
		));
		assert_eq!(
			cumulus_pallet_parachain_system::PendingValidationCode::<Runtime>::get(),
			NEW_CODE.to_vec()
		);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn code_other_than_the_authorized_code_is_refused() {
	upgrade_ext().execute_with(|| {
		let call = authorize_upgrade();
		let hash = propose(Sr25519Keyring::Alice, 2, call.clone());
		vote(Sr25519Keyring::Alice, hash, 0);
		vote(Sr25519Keyring::Bob, hash, 0);
		close(hash, 0, &call);
		assert_noop!(
			System::apply_authorized_upgrade(
				RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()),
				b"\0asm some other runtime".to_vec()
			),
			frame_system::Error::<Runtime>::Unauthorized
		);
	});
}

#[test]
fn a_single_council_member_cannot_authorize_an_upgrade() {
	upgrade_ext().execute_with(|| {
		// Threshold 1: the motion executes at once, with one aye of three members.
		propose(Sr25519Keyring::Alice, 1, authorize_upgrade());
		System::assert_has_event(
			pallet_collective::Event::<Runtime, crate::configs::CouncilCollective>::Executed {
				proposal_hash: <Runtime as frame_system::Config>::Hashing::hash_of(
					&authorize_upgrade(),
				),
				result: Err(DispatchError::BadOrigin),
			}
			.into(),
		);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn no_signed_account_or_non_council_origin_can_authorize_an_upgrade() {
	upgrade_ext().execute_with(|| {
		let code_hash = <Runtime as frame_system::Config>::Hashing::hash(NEW_CODE);
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		assert_noop!(System::authorize_upgrade(alice.clone(), code_hash), DispatchError::BadOrigin);
		assert_noop!(System::set_code(alice.clone(), NEW_CODE.to_vec()), DispatchError::BadOrigin);
		let RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root { call }) =
			authorize_upgrade()
		else {
			unreachable!()
		};
		assert_noop!(CouncilRoot::dispatch_as_root(alice, call.clone()), DispatchError::BadOrigin);
		// A non-member cannot even propose.
		assert_noop!(
			Council::propose(
				RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
				2,
				Box::new(authorize_upgrade()),
				100
			),
			pallet_collective::Error::<Runtime, crate::configs::CouncilCollective>::NotMember
		);
		assert!(System::authorized_upgrade().is_none());
	});
}

/// With `PrimeDefaultVote`, a prime's aye made every silent member's vote an aye: the prime and
/// one other member of six could authorize an upgrade. Silence now counts as nay.
#[test]
fn a_prime_and_silent_members_cannot_pass_a_root_motion() {
	upgrade_ext().execute_with(|| {
		let members: Vec<_> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		assert_ok!(Council::set_members(
			RuntimeOrigin::root(),
			members,
			Some(Sr25519Keyring::Alice.to_account_id()),
			3
		));
		let call = authorize_upgrade();
		let hash = propose(Sr25519Keyring::Alice, 4, call.clone());
		vote(Sr25519Keyring::Alice, hash, 0);
		vote(Sr25519Keyring::Bob, hash, 0);
		System::set_block_number(
			System::block_number() + crate::configs::CouncilMotionDuration::get(),
		);
		close(hash, 0, &call);
		System::assert_has_event(
			pallet_collective::Event::<Runtime, crate::configs::CouncilCollective>::Closed {
				proposal_hash: hash,
				yes: 2,
				no: 4,
			}
			.into(),
		);
		assert!(System::authorized_upgrade().is_none());

		// Four of six voting aye (two thirds) still pass it.
		let hash = propose(Sr25519Keyring::Alice, 4, call.clone());
		for who in [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		] {
			vote(who, hash, 1);
		}
		close(hash, 1, &call);
		assert!(System::authorized_upgrade().is_some());
	});
}
