//! The genesis presets.

use super::*;
use crate::{configs::SS58Prefix, Aura, CouncilMembership};

#[test]
fn development_preset_has_a_collator_a_council_and_endowed_accounts() {
	development_ext().execute_with(|| {
		assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().len(), 1);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().len(),
			3
		);
		assert_eq!(
			pallet_collective::Members::<Runtime, crate::configs::CouncilCollective>::get(),
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().into_inner(),
		);
		assert_eq!(free_balance(Sr25519Keyring::Dave), genesis_config_presets::ENDOWMENT);
		assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
		assert_eq!(CouncilMembership::prime(), None);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&"staging".into()).is_none());
	assert_eq!(
		genesis_config_presets::preset_names(),
		vec![
			sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
			sp_genesis_builder::PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		]
	);
}

#[test]
fn one_ss58_prefix_everywhere() {
	assert_eq!(SS58Prefix::get(), crate::SS58_PREFIX);
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), crate::SS58_PREFIX);
}
