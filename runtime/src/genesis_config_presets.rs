//! Genesis presets of the runtime, served through `sp_genesis_builder::GenesisBuilder`.
//!
//! - `development` (`sp_genesis_builder::DEV_RUNTIME_PRESET`): one collator (Alice), the
//!   well-known development accounts endowed, a council of Alice, Bob and Charlie, Ferdie as
//!   delivery oracle, Eve on the arbitration panel, Alice as the vetting body, Dave and Ferdie
//!   approved vendors, a 1% marketplace fee, a short minimum confirm window, and short KPI
//!   periods with a lenient penalty policy ([`dev_vendor_policy`]) so that tests can run the
//!   ladder.
//! - `local_testnet` (`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`): two collators (Alice
//!   and Bob), for a relay chain with this parachain at [`PARACHAIN_ID`].
//! - `production` ([`PRODUCTION_PRESET`]): no development account at all, and no account of any
//!   kind: the production parameters (fee, candidacy bond, a day's minimum confirm window, weekly
//!   KPI periods and the penalty policy [`production_vendor_policy`]) with an empty council,
//!   panel, oracle list, vetting body, vendor registry and collator set. A consortium's chain spec is this
//!   preset plus the consortium's own accounts, [`consortium_genesis`]: the node builds it from
//!   the consortium's file (`commerce-node export-chain-spec --chain consortium:FILE --raw`).

use crate::{
	configs::{
		ForeignAssetOwner, MarketplaceFeeAccount, STABLECOIN_DECIMALS, STABLECOIN_MIN_BALANCE,
		USDC_ASSET_ID, USDT_ASSET_ID,
	},
	AccountId, ArbitrationPanelConfig, AssetsConfig, AuraId, Balance, BalancesConfig,
	CollatorSelectionConfig, CouncilMembershipConfig, DeliveryOraclesConfig, EscrowConfig,
	OrdersConfig, ParachainInfoConfig, PolkadotXcmConfig, Runtime, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, VendorsConfig, VettingBodyConfig, EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// The parachain id the development presets use.
pub const PARACHAIN_ID: u32 = 2000;
/// What each endowed development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The marketplace fee the presets start with.
pub const GENESIS_MARKETPLACE_FEE: Perbill = Perbill::from_percent(1);
/// The bond a collator candidate (beyond the invulnerables) must hold: 10,000 CMRC.
pub const CANDIDACY_BOND: Balance = 10_000 * UNIT;
/// How many candidates (beyond the invulnerables) collate at once: the highest bonds are
/// chosen at each session. Governance may change it (`collatorSelection.setDesiredCandidates`).
pub const DESIRED_CANDIDATES: u32 = 8;
/// The minimum confirm window of the development presets, in blocks, so that tests can run
/// orders to their end; production keeps the runtime's default of a day.
pub const DEV_MIN_CONFIRM_WINDOW: u32 = 10;
/// The KPI period of the development presets, in blocks, so that tests can run the penalty
/// ladder; production keeps the runtime's default of a week.
pub const DEV_KPI_PERIOD: u32 = 20;
/// The commit and the reveal window of tenders on the development presets, in blocks.
pub const DEV_TENDER_WINDOW: u32 = 10;
/// The development presets' test stablecoin: its asset id (6 decimals, symbol `cUSD`, issued
/// by Alice).
pub const DEV_STABLECOIN_ID: u32 = 1;
/// What each development account holds of the test stablecoin: 100,000 cUSD.
pub const DEV_STABLECOIN_ENDOWMENT: Balance = 100_000 * 1_000_000;
/// The name of the production preset.
pub const PRODUCTION_PRESET: &str = "production";
/// The name of the preset the commerce benchmarks run in to measure payments in CMRC
/// (`runtime-benchmarks` builds only): `development` without USDC, the asset they pay in
/// otherwise (see `configs::DearestCurrency`).
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_NATIVE_PRESET: &str = "benchmark-native";
/// The XCM version the chain assumes before negotiation.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

/// A consortium's own accounts: everything the production preset leaves empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consortium {
	/// The parachain id the relay chain registered for the consortium.
	pub para_id: u32,
	/// The council members (they vote on runtime upgrades and every parameter).
	pub council: Vec<AccountId>,
	/// The arbiters who rule disputes individually.
	pub arbitration_panel: Vec<AccountId>,
	/// The logistics accounts that attest deliveries.
	pub delivery_oracles: Vec<AccountId>,
	/// The invulnerable collators: account and Aura key.
	pub collators: Vec<(AccountId, AuraId)>,
	/// The accounts endowed at genesis, with their balances in planck.
	pub endowments: Vec<(AccountId, Balance)>,
	/// The vetting body: approves vendors and manages their credentials.
	pub vetting_body: Vec<AccountId>,
	/// Vendors approved at genesis (each must be endowed with the vendor bond).
	pub vendors: Vec<AccountId>,
}

/// The penalty policy of a production chain (after Amazon's seller metrics): judged from 20
/// orders a period; at least 96% shipped on time, at most 10% imperfect orders, 1% disputes
/// lost, 2.5% cancellations; two-period cures; a failed cure slashes 10% of the bond (at most
/// the bond itself); the second failed cure in a row suspends. Tenders: two days to commit, one
/// to reveal, a 100 CMRC deposit; price 50%, delivery 20%, KPIs 30%; bidders need 90% perfect
/// orders.
pub fn production_vendor_policy() -> pallet_vendors::PolicyOf<Runtime> {
	pallet_vendors::Policy {
		min_sample: 20,
		min_on_time: Perbill::from_percent(96),
		max_defect: Perbill::from_percent(10),
		max_order_defect: Perbill::from_percent(1),
		max_cancellation: Perbill::from_rational(25u32, 1000u32),
		cure_periods: 2,
		slash: Perbill::from_percent(10),
		max_slash: crate::configs::VendorBond::get(),
		failed_cures_to_suspend: 2,
		required_credentials: Default::default(),
		tender: pallet_vendors::TenderRules {
			commit_blocks: 2 * crate::DAYS,
			reveal_blocks: crate::DAYS,
			deposit: 100 * UNIT,
			price_weight: Perbill::from_percent(50),
			delivery_weight: Perbill::from_percent(20),
			kpi_weight: Perbill::from_percent(30),
			kpi_floor: Perbill::from_percent(90),
		},
	}
}

/// The penalty policy of the development presets: judged from 2 orders a period; one-period
/// cures; the first failed cure slashes 10% of the bond and suspends; tenders of 10 + 10
/// blocks with a 10 CMRC deposit.
pub fn dev_vendor_policy() -> pallet_vendors::PolicyOf<Runtime> {
	pallet_vendors::Policy {
		min_sample: 2,
		min_on_time: Perbill::from_percent(90),
		max_defect: Perbill::from_percent(50),
		max_order_defect: Perbill::from_percent(10),
		max_cancellation: Perbill::from_percent(20),
		cure_periods: 1,
		slash: Perbill::from_percent(10),
		max_slash: crate::configs::VendorBond::get(),
		failed_cures_to_suspend: 1,
		required_credentials: Default::default(),
		tender: pallet_vendors::TenderRules {
			commit_blocks: DEV_TENDER_WINDOW,
			reveal_blocks: DEV_TENDER_WINDOW,
			deposit: 10 * UNIT,
			price_weight: Perbill::from_percent(50),
			delivery_weight: Perbill::from_percent(20),
			kpi_weight: Perbill::from_percent(30),
			kpi_floor: Perbill::from_percent(50),
		},
	}
}

/// The genesis of a consortium's chain: the production parameters and `consortium`'s accounts.
pub fn consortium_genesis(consortium: &Consortium) -> serde_json::Value {
	genesis(consortium, false)
}

/// The assets of a preset: Asset Hub's USDT and USDC on every chain (owned by nobody, minted
/// only by reserve transfers from Asset Hub); on development chains also a test stablecoin
/// issued by Alice, held by every endowed account.
fn assets(consortium: &Consortium, dev: bool) -> AssetsConfig {
	type Asset = (u32, AccountId, bool, Balance);
	type Metadata = (u32, Vec<u8>, Vec<u8>, u8);
	let mut assets: Vec<Asset> = vec![
		(USDT_ASSET_ID, ForeignAssetOwner::get(), true, STABLECOIN_MIN_BALANCE),
		(USDC_ASSET_ID, ForeignAssetOwner::get(), true, STABLECOIN_MIN_BALANCE),
	];
	let mut metadata: Vec<Metadata> = vec![
		(USDT_ASSET_ID, b"Tether USD".to_vec(), b"USDT".to_vec(), STABLECOIN_DECIMALS),
		(USDC_ASSET_ID, b"USD Coin".to_vec(), b"USDC".to_vec(), STABLECOIN_DECIMALS),
	];
	let mut accounts = Vec::new();
	if dev {
		let issuer = Sr25519Keyring::Alice.to_account_id();
		assets.push((DEV_STABLECOIN_ID, issuer, true, STABLECOIN_MIN_BALANCE));
		metadata.push((
			DEV_STABLECOIN_ID,
			b"Commerce Test Dollar".to_vec(),
			b"cUSD".to_vec(),
			STABLECOIN_DECIMALS,
		));
		accounts = consortium
			.endowments
			.iter()
			.map(|(who, _)| (DEV_STABLECOIN_ID, who.clone(), DEV_STABLECOIN_ENDOWMENT))
			// The collators' pot can take fees paid in the test stablecoin however small.
			.chain(core::iter::once((
				DEV_STABLECOIN_ID,
				pallet_collator_selection::Pallet::<Runtime>::account_id(),
				STABLECOIN_MIN_BALANCE,
			)))
			.collect();
	}
	AssetsConfig { assets, metadata, accounts, ..Default::default() }
}

fn genesis(consortium: &Consortium, dev: bool) -> serde_json::Value {
	let min_confirm = dev.then_some(DEV_MIN_CONFIRM_WINDOW);
	let period_length = dev.then_some(DEV_KPI_PERIOD);
	let policy = if dev { dev_vendor_policy() } else { production_vendor_policy() };
	let vendors: Vec<(AccountId, Vec<u8>)> =
		consortium.vendors.iter().map(|who| (who.clone(), Vec::new())).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: consortium
				.endowments
				.iter()
				.cloned()
				// The fee account exists from genesis, so that any fee can be paid into it.
				.chain(core::iter::once((MarketplaceFeeAccount::get(), EXISTENTIAL_DEPOSIT)))
				.collect(),
		},
		assets: assets(consortium, dev),
		parachain_info: ParachainInfoConfig { parachain_id: ParaId::from(consortium.para_id) },
		collator_selection: CollatorSelectionConfig {
			invulnerables: consortium.collators.iter().map(|(acc, _)| acc.clone()).collect(),
			candidacy_bond: CANDIDACY_BOND,
			desired_candidates: DESIRED_CANDIDATES,
		},
		session: SessionConfig {
			keys: consortium
				.collators
				.iter()
				.cloned()
				.map(|(acc, aura)| (acc.clone(), acc, SessionKeys { aura }))
				.collect(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		council_membership: CouncilMembershipConfig {
			members: consortium
				.council
				.clone()
				.try_into()
				.expect("the council is within MaxMembers (checked when the file is read)"),
		},
		delivery_oracles: DeliveryOraclesConfig {
			members: consortium
				.delivery_oracles
				.clone()
				.try_into()
				.expect("the oracles are within MaxMembers (checked when the file is read)"),
		},
		arbitration_panel: ArbitrationPanelConfig {
			members: consortium
				.arbitration_panel
				.clone()
				.try_into()
				.expect("the panel is within MaxMembers (checked when the file is read)"),
		},
		vetting_body: VettingBodyConfig {
			members: consortium
				.vetting_body
				.clone()
				.try_into()
				.expect("the vetting body is within MaxMembers (checked when the file is read)"),
		},
		escrow: EscrowConfig { fee: GENESIS_MARKETPLACE_FEE },
		orders: OrdersConfig { min_confirm_window: min_confirm },
		vendors: VendorsConfig { vendors, policy: Some(policy), period_length },
	})
}

fn collator(who: Sr25519Keyring) -> (AccountId, AuraId) {
	(who.to_account_id(), who.public().into())
}

fn development_consortium(collators: Vec<Sr25519Keyring>) -> Consortium {
	Consortium {
		para_id: PARACHAIN_ID,
		council: vec![
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		],
		arbitration_panel: vec![Sr25519Keyring::Eve.to_account_id()],
		delivery_oracles: vec![Sr25519Keyring::Ferdie.to_account_id()],
		collators: collators.into_iter().map(collator).collect(),
		endowments: Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect(),
		vetting_body: vec![Sr25519Keyring::Alice.to_account_id()],
		vendors: vec![Sr25519Keyring::Dave.to_account_id(), Sr25519Keyring::Ferdie.to_account_id()],
	}
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => {
			genesis(&development_consortium(vec![Sr25519Keyring::Alice, Sr25519Keyring::Bob]), true)
		},
		sp_genesis_builder::DEV_RUNTIME_PRESET => {
			genesis(&development_consortium(vec![Sr25519Keyring::Alice]), true)
		},
		PRODUCTION_PRESET => consortium_genesis(&Consortium::default()),
		#[cfg(feature = "runtime-benchmarks")]
		BENCHMARK_NATIVE_PRESET => {
			let mut patch = genesis(&development_consortium(vec![Sr25519Keyring::Alice]), true);
			// Drop USDC from the assets and their metadata (each entry starts with its id).
			for list in ["assets", "metadata"] {
				if let Some(entries) = patch["assets"][list].as_array_mut() {
					entries.retain(|entry| entry[0].as_u64() != Some(USDC_ASSET_ID.into()));
				}
			}
			patch
		},
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
		#[cfg(feature = "runtime-benchmarks")]
		PresetId::from(BENCHMARK_NATIVE_PRESET),
	]
}
