//! Collators: the session length governance may set, candidacy by bond, and the kick of a
//! candidate that stops authoring.

use super::*;
use crate::{
	configs::{SessionPeriod, SessionPeriodSetting, MIN_SESSION_PERIOD, SESSION_PERIOD},
	genesis_config_presets::{CANDIDACY_BOND, DESIRED_CANDIDATES},
	CollatorSelection, Council, Session, SessionKeys,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold as _, Get},
};
use pallet_session::ShouldEndSession;
use sp_core::{sr25519, Pair};
use sp_runtime::{
	traits::{Dispatchable, Hash as _},
	DispatchError,
};

type Sessions = <Runtime as pallet_session::Config>::ShouldEndSession;

/// The storage key governance writes the session length to, as documented.
fn session_period_key() -> Vec<u8> {
	let key = sp_io::hashing::twox_128(b":SessionPeriodSetting:");
	assert_eq!(key, SessionPeriodSetting::key());
	key.to_vec()
}

/// A council motion (Alice and Bob of three, two thirds) that dispatches `call` as Root.
fn council_root(call: RuntimeCall) {
	let motion = RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
		call: Box::new(call),
	});
	let len = motion.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&motion);
	let index =
		pallet_collective::ProposalCount::<Runtime, crate::configs::CouncilCollective>::get();
	assert_ok!(Council::propose(origin(Sr25519Keyring::Alice), 2, Box::new(motion.clone()), len));
	for who in [Sr25519Keyring::Alice, Sr25519Keyring::Bob] {
		assert_ok!(Council::vote(origin(who), hash, index, true));
	}
	assert_ok!(Council::close(
		origin(Sr25519Keyring::Alice),
		hash,
		index,
		motion.get_dispatch_info().call_weight,
		len
	));
	System::assert_has_event(
		pallet_council_root::Event::<Runtime>::RootDispatched { result: Ok(()) }.into(),
	);
}

fn set_session_period(blocks: u32) {
	council_root(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(session_period_key(), blocks.encode())],
	}));
}

#[test]
fn sessions_last_six_hours_until_the_council_sets_another_length() {
	development_ext().execute_with(|| {
		assert_eq!(SessionPeriod::get(), SESSION_PERIOD);
		assert!(!Sessions::should_end_session(20));
		assert!(Sessions::should_end_session(SESSION_PERIOD));

		set_session_period(20);
		assert_eq!(SessionPeriod::get(), 20);
		assert!(Sessions::should_end_session(20));
		assert!(!Sessions::should_end_session(21));
		assert!(Sessions::should_end_session(40));
		assert_eq!(<Runtime as pallet_collator_selection::Config>::KickThreshold::get(), 20);
	});
}

#[test]
fn a_zero_or_tiny_session_length_is_raised_to_the_minimum() {
	development_ext().execute_with(|| {
		set_session_period(0);
		assert_eq!(SessionPeriod::get(), MIN_SESSION_PERIOD);
		// No division by zero: sessions end every MIN_SESSION_PERIOD blocks.
		assert!(Sessions::should_end_session(MIN_SESSION_PERIOD));
		assert!(!Sessions::should_end_session(MIN_SESSION_PERIOD + 1));
		set_session_period(1);
		assert_eq!(SessionPeriod::get(), MIN_SESSION_PERIOD);
	});
}

#[test]
fn only_root_sets_the_session_length() {
	development_ext().execute_with(|| {
		let call = frame_system::Call::<Runtime>::set_storage {
			items: vec![(session_period_key(), 20u32.encode())],
		};
		assert_noop!(
			RuntimeCall::System(call).dispatch(origin(Sr25519Keyring::Alice)),
			DispatchError::BadOrigin
		);
		assert_eq!(SessionPeriod::get(), SESSION_PERIOD);
	});
}

/// Eve's session keys, with the proof that she holds their private key.
fn eve_keys() -> (SessionKeys, Vec<u8>) {
	let pair = sr25519::Pair::from_string("//Eve//aura", None).expect("a valid derivation");
	let owner = Sr25519Keyring::Eve.to_account_id();
	let statement = [&b"POP_"[..], owner.as_ref()].concat();
	let proof = pair.sign(&statement).encode();
	(SessionKeys { aura: pair.public().into() }, proof)
}

#[test]
fn a_bonded_candidate_collates_from_the_second_session_and_is_kicked_when_silent() {
	development_ext().execute_with(|| {
		assert_eq!(
			pallet_collator_selection::DesiredCandidates::<Runtime>::get(),
			DESIRED_CANDIDATES
		);
		assert_eq!(pallet_collator_selection::CandidacyBond::<Runtime>::get(), CANDIDACY_BOND);
		set_session_period(20);
		let eve = Sr25519Keyring::Eve.to_account_id();
		let (keys, proof) = eve_keys();

		// Candidacy needs registered session keys first.
		assert_noop!(
			CollatorSelection::register_as_candidate(origin(Sr25519Keyring::Eve)),
			pallet_collator_selection::Error::<Runtime>::ValidatorNotRegistered
		);
		// A proof made for another account does not register the keys.
		assert_noop!(
			Session::set_keys(origin(Sr25519Keyring::Ferdie), keys.clone(), proof.clone()),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_ok!(Session::set_keys(origin(Sr25519Keyring::Eve), keys, proof));
		assert_ok!(CollatorSelection::register_as_candidate(origin(Sr25519Keyring::Eve)));
		assert_eq!(crate::Balances::reserved_balance(&eve), CANDIDACY_BOND);

		// Chosen at the next rotation, collating from the one after.
		Session::rotate_session();
		assert!(!Session::validators().contains(&eve));
		assert!(Session::queued_keys().iter().any(|(who, _)| who == &eve));
		Session::rotate_session();
		assert!(Session::validators().contains(&eve));

		// A new candidate has one session of grace from registering; Eve then authors nothing
		// for a whole session: the next rotation kicks her and returns her bond, the one after
		// drops her from the authorities.
		let registered = System::block_number();
		System::set_block_number(registered + 39);
		Session::rotate_session();
		assert!(pallet_collator_selection::CandidateList::<Runtime>::get()
			.iter()
			.any(|c| c.who == eve));
		System::set_block_number(registered + 40);
		Session::rotate_session();
		System::assert_has_event(
			pallet_collator_selection::Event::<Runtime>::CandidateRemoved {
				account_id: eve.clone(),
			}
			.into(),
		);
		assert_eq!(crate::Balances::reserved_balance(&eve), 0);
		assert_eq!(crate::Balances::total_balance_on_hold(&eve), 0);
		Session::rotate_session();
		assert!(!Session::validators().contains(&eve));
	});
}
