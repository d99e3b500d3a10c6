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
		// Dave is an approved vendor: his bond is on hold out of his endowment.
		assert_eq!(
			free_balance(Sr25519Keyring::Dave) + crate::configs::VendorBond::get(),
			genesis_config_presets::ENDOWMENT
		);
		for vendor in [Sr25519Keyring::Dave, Sr25519Keyring::Ferdie] {
			assert!(<crate::Vendors as commerce_primitives::VendorRegistry<_>>::is_active_vendor(
				&vendor.to_account_id()
			));
		}
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance4>::get().into_inner(),
			vec![Sr25519Keyring::Alice.to_account_id()]
		);
		assert_eq!(
			pallet_vendors::PeriodLength::<Runtime>::get(),
			genesis_config_presets::DEV_KPI_PERIOD
		);
		assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
		assert_eq!(CouncilMembership::prime(), None);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&"staging".into()).is_none());
	#[allow(unused_mut)]
	let mut expected = vec![
		sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		sp_genesis_builder::PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		sp_genesis_builder::PresetId::from(genesis_config_presets::PRODUCTION_PRESET),
	];
	// Only a benchmarking runtime knows the preset its benchmarks pay CMRC in.
	#[cfg(feature = "runtime-benchmarks")]
	expected.push(genesis_config_presets::BENCHMARK_NATIVE_PRESET.into());
	assert_eq!(genesis_config_presets::preset_names(), expected);
}

#[test]
fn one_ss58_prefix_everywhere() {
	assert_eq!(SS58Prefix::get(), crate::SS58_PREFIX);
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), crate::SS58_PREFIX);
}

/// The `production` preset holds no account at all: not one development key is endowed, on the
/// council, the panel, the oracles or the collators. Its parameters are the production ones.
#[test]
fn production_preset_holds_no_development_account() {
	let preset =
		genesis_config_presets::get_preset(&genesis_config_presets::PRODUCTION_PRESET.into())
			.expect("the production preset exists");
	let text = String::from_utf8(preset.clone()).unwrap();
	for key in Sr25519Keyring::iter() {
		let ss58 = sp_core::crypto::Ss58Codec::to_ss58check(&key.to_account_id());
		assert!(!text.contains(&ss58), "{key:?} in the production preset");
	}
	preset_ext(&preset).execute_with(|| {
		for key in Sr25519Keyring::iter() {
			assert_eq!(free_balance(key), 0, "{key:?} endowed");
		}
		assert!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().is_empty()
		);
		assert!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance2>::get().is_empty()
		);
		assert!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance3>::get().is_empty()
		);
		assert!(pallet_collator_selection::Invulnerables::<Runtime>::get().is_empty());
		assert_eq!(
			pallet_collator_selection::CandidacyBond::<Runtime>::get(),
			genesis_config_presets::CANDIDACY_BOND
		);
		assert_eq!(pallet_orders::MinConfirmWindow::<Runtime>::get(), crate::DAYS);
		assert!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance4>::get().is_empty()
		);
		assert_eq!(pallet_vendors::Vendors::<Runtime>::iter().count(), 0);
		assert_eq!(
			pallet_vendors::ActivePolicy::<Runtime>::get(),
			Some(genesis_config_presets::production_vendor_policy())
		);
		assert_eq!(pallet_vendors::PeriodLength::<Runtime>::get(), 7 * crate::DAYS);
	});
}

/// A consortium's genesis: its accounts, and the production parameters.
#[test]
fn consortium_genesis_uses_the_consortiums_accounts() {
	use genesis_config_presets::{consortium_genesis, Consortium};
	let account = |seed: u8| crate::AccountId::from([seed; 32]);
	let aura = |seed: u8| crate::AuraId::from(sp_core::sr25519::Public::from_raw([seed; 32]));
	let consortium = Consortium {
		para_id: 3333,
		council: vec![account(1), account(2), account(3)],
		arbitration_panel: vec![account(4)],
		delivery_oracles: vec![account(5)],
		collators: vec![(account(6), aura(6)), (account(7), aura(7))],
		endowments: vec![(account(1), 5_000 * crate::UNIT), (account(6), 20_000 * crate::UNIT)],
		vetting_body: vec![account(8)],
		vendors: vec![],
	};
	let patch = serde_json::to_vec(&consortium_genesis(&consortium)).unwrap();
	preset_ext(&patch).execute_with(|| {
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().into_inner(),
			vec![account(1), account(2), account(3)]
		);
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(),
			vec![account(6), account(7)]
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		assert_eq!(
			pallet_balances::Pallet::<Runtime>::free_balance(account(6)),
			20_000 * crate::UNIT
		);
		assert_eq!(crate::ParachainInfo::parachain_id(), 3333.into());
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance4>::get().into_inner(),
			vec![account(8)]
		);
		assert!(pallet_collator_selection::CandidacyBond::<Runtime>::get() >= 1_000 * crate::UNIT);
	});
}

#[test]
fn development_presets_have_a_real_candidacy_bond_and_a_short_confirm_window() {
	development_ext().execute_with(|| {
		assert!(pallet_collator_selection::CandidacyBond::<Runtime>::get() >= 1_000 * crate::UNIT);
		assert_eq!(
			pallet_orders::MinConfirmWindow::<Runtime>::get(),
			genesis_config_presets::DEV_MIN_CONFIRM_WINDOW
		);
	});
}
