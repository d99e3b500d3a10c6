//! Currencies: the stablecoins every preset knows, assets created by the council only, and Asset
//! Hub's USDT arriving by a reserve transfer.

use super::{
	governance::{close, propose, vote},
	*,
};
use crate::{
	configs::{
		ForeignAssetOwner, ForeignStablecoins, UnitWeightCost, UsdtFeeRate, XcmConfig,
		STABLECOIN_DECIMALS, STABLECOIN_MIN_BALANCE, USDC_ASSET_ID, USDT_ASSET_ID,
	},
	genesis_config_presets::{DEV_STABLECOIN_ENDOWMENT, DEV_STABLECOIN_ID, PRODUCTION_PRESET},
	AccountId, Assets, RuntimeOrigin,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{metadata::Inspect as _, Inspect},
	weights::{
		constants::{WEIGHT_PROOF_SIZE_PER_MB, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use sp_runtime::DispatchError;
use xcm::latest::prelude::*;
use xcm_executor::XcmExecutor;

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// Every preset knows Asset Hub's USDT and USDC: sufficient, 6 decimals, owned by a keyless
/// account, and with no supply until a reserve transfer brings some.
#[test]
fn every_preset_knows_usdt_and_usdc() {
	let production = genesis_config_presets::get_preset(&PRODUCTION_PRESET.into()).unwrap();
	for mut ext in [development_ext(), preset_ext(&production)] {
		ext.execute_with(|| {
			for (id, symbol) in [(USDT_ASSET_ID, "USDT"), (USDC_ASSET_ID, "USDC")] {
				let details = pallet_assets::Asset::<Runtime>::get(id).expect("created at genesis");
				assert!(details.is_sufficient);
				assert_eq!(details.owner, ForeignAssetOwner::get());
				assert_eq!(details.issuer, ForeignAssetOwner::get());
				assert_eq!(details.min_balance, STABLECOIN_MIN_BALANCE);
				assert_eq!(Assets::total_issuance(id), 0);
				assert_eq!(Assets::symbol(id), symbol.as_bytes().to_vec());
				assert_eq!(Assets::decimals(id), STABLECOIN_DECIMALS);
			}
		});
	}
	preset_ext(&production).execute_with(|| {
		assert!(pallet_assets::Asset::<Runtime>::get(DEV_STABLECOIN_ID).is_none());
	});
}

/// The development presets' test stablecoin: 6 decimals, issued by Alice, every endowed
/// account holds 100,000 of it, and the collators' pot its minimum balance.
#[test]
fn development_accounts_hold_the_test_stablecoin() {
	development_ext().execute_with(|| {
		assert_eq!(Assets::decimals(DEV_STABLECOIN_ID), 6);
		assert_eq!(Assets::symbol(DEV_STABLECOIN_ID), b"cUSD".to_vec());
		let details = pallet_assets::Asset::<Runtime>::get(DEV_STABLECOIN_ID).unwrap();
		assert_eq!(details.issuer, account(Sr25519Keyring::Alice));
		assert!(details.is_sufficient);
		let holders = Sr25519Keyring::well_known().count() as u128;
		for who in Sr25519Keyring::well_known() {
			assert_eq!(Assets::balance(DEV_STABLECOIN_ID, account(who)), DEV_STABLECOIN_ENDOWMENT);
		}
		// The collators' pot holds the minimum balance, so that it can take fees paid in cUSD.
		let pot = pallet_collator_selection::Pallet::<Runtime>::account_id();
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, &pot), STABLECOIN_MIN_BALANCE);
		assert_eq!(
			Assets::total_issuance(DEV_STABLECOIN_ID),
			holders * DEV_STABLECOIN_ENDOWMENT + STABLECOIN_MIN_BALANCE
		);
	});
}

/// Nobody creates an asset by a signed call, nor forces one into being without the council.
#[test]
fn only_the_council_creates_assets() {
	development_ext().execute_with(|| {
		let alice = RuntimeOrigin::signed(account(Sr25519Keyring::Alice));
		assert_noop!(
			Assets::create(alice.clone(), 7u32.into(), account(Sr25519Keyring::Alice).into(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Assets::force_create(
				alice,
				7u32.into(),
				account(Sr25519Keyring::Alice).into(),
				true,
				1
			),
			DispatchError::BadOrigin
		);
		assert!(pallet_assets::Asset::<Runtime>::get(7).is_none());
	});
}

/// A two-thirds council motion creates a consortium token with Bob as its issuer; Bob mints it
/// to Charlie, who can spend it without holding any CMRC; nobody else can mint.
#[test]
fn the_councils_issuer_mints_a_consortium_token() {
	development_ext().execute_with(|| {
		let token: u32 = 42;
		let create = RuntimeCall::Assets(pallet_assets::Call::force_create {
			id: token.into(),
			owner: account(Sr25519Keyring::Bob).into(),
			is_sufficient: true,
			min_balance: STABLECOIN_MIN_BALANCE,
		});
		let hash = propose(Sr25519Keyring::Alice, 2, create.clone());
		vote(Sr25519Keyring::Alice, hash, 0);
		vote(Sr25519Keyring::Bob, hash, 0);
		close(hash, 0, &create);
		assert_eq!(
			pallet_assets::Asset::<Runtime>::get(token).map(|details| details.issuer),
			Some(account(Sr25519Keyring::Bob))
		);

		// A fresh account with no CMRC at all receives it (the token is sufficient) ...
		let fresh = AccountId::from([9u8; 32]);
		assert_ok!(Assets::mint(
			RuntimeOrigin::signed(account(Sr25519Keyring::Bob)),
			token.into(),
			fresh.clone().into(),
			5_000_000
		));
		assert_eq!(Assets::balance(token, &fresh), 5_000_000);
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&fresh), 0);
		// ... and only the issuer mints.
		assert_noop!(
			Assets::mint(
				RuntimeOrigin::signed(account(Sr25519Keyring::Charlie)),
				token.into(),
				account(Sr25519Keyring::Charlie).into(),
				STABLECOIN_MIN_BALANCE
			),
			pallet_assets::Error::<Runtime>::NoPermission
		);
	});
}

/// What Asset Hub sends for a reserve transfer of `amount` of the asset at `asset` to `to`,
/// paying execution from the transferred asset (as `limited_reserve_transfer_assets` builds it).
fn reserve_transfer(asset: Location, amount: u128, to: &AccountId) -> Xcm<RuntimeCall> {
	let assets: Asset = (asset, amount).into();
	Xcm(vec![
		ReserveAssetDeposited(assets.clone().into()),
		ClearOrigin,
		BuyExecution { fees: assets, weight_limit: Unlimited },
		DepositAsset {
			assets: Wild(AllCounted(1)),
			beneficiary: Location::new(0, [AccountId32 { network: None, id: to.clone().into() }]),
		},
		SetTopic([7; 32]),
	])
}

fn execute(origin: Location, message: Xcm<RuntimeCall>) -> Outcome {
	let mut id = message.using_encoded(sp_io::hashing::blake2_256);
	XcmExecutor::<XcmConfig>::prepare_and_execute(
		origin,
		message,
		&mut id,
		Weight::MAX,
		Weight::zero(),
	)
}

fn asset_hub() -> Location {
	Location::new(1, [Parachain(1000)])
}

/// Asset Hub's reserve transfer of 10 USDT credits the beneficiary with 10 USDT less the
/// execution fee, priced at [`UsdtFeeRate`]; the supply here is what was credited (the fee is
/// not minted: it stays in the chain's sovereign account on Asset Hub).
#[test]
fn a_reserve_transfer_from_asset_hub_credits_usdt() {
	development_ext().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		let amount = 10_000_000; // 10 USDT
		let message = reserve_transfer(ForeignStablecoins::location(USDT_ASSET_ID), amount, &dave);
		let instructions = message.0.len() as u64;
		let outcome = execute(asset_hub(), message);
		assert!(matches!(outcome, Outcome::Complete { .. }), "{outcome:?}");

		// The fee: every instruction weighs `UnitWeightCost`, bought at the fixed rate.
		let weight = UnitWeightCost::get().saturating_mul(instructions);
		let (_, per_second, per_mb) = UsdtFeeRate::get();
		let fee = per_second * weight.ref_time() as u128 / WEIGHT_REF_TIME_PER_SECOND as u128
			+ per_mb * weight.proof_size() as u128 / WEIGHT_PROOF_SIZE_PER_MB as u128;
		assert!(fee > 0 && fee < amount / 100, "fee {fee}");
		assert_eq!(Assets::balance(USDT_ASSET_ID, &dave), amount - fee);
		assert_eq!(Assets::total_issuance(USDT_ASSET_ID), amount - fee);
		assert_eq!(Assets::total_issuance(USDC_ASSET_ID), 0);
	});
}

/// A sibling parachain other than Asset Hub is not USDT's reserve: its claim to deposit USDT is
/// refused and nothing is minted.
#[test]
fn usdt_from_any_other_chain_is_refused() {
	development_ext().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		let message =
			reserve_transfer(ForeignStablecoins::location(USDT_ASSET_ID), 10_000_000, &dave);
		let outcome = execute(Location::new(1, [Parachain(2001)]), message);
		assert!(!matches!(outcome, Outcome::Complete { .. }), "{outcome:?}");
		assert_eq!(Assets::balance(USDT_ASSET_ID, &dave), 0);
		assert_eq!(Assets::total_issuance(USDT_ASSET_ID), 0);
	});
}

/// Asset Hub itself cannot credit a local asset: its asset numbered like the test stablecoin
/// is not one the chain accepts, and the test stablecoin's supply does not change.
#[test]
fn asset_hub_cannot_mint_a_local_asset() {
	development_ext().execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		let supply = Assets::total_issuance(DEV_STABLECOIN_ID);
		let message =
			reserve_transfer(ForeignStablecoins::location(DEV_STABLECOIN_ID), 10_000_000, &dave);
		let outcome = execute(asset_hub(), message);
		assert!(!matches!(outcome, Outcome::Complete { .. }), "{outcome:?}");
		assert_eq!(Assets::total_issuance(DEV_STABLECOIN_ID), supply);
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, &dave), DEV_STABLECOIN_ENDOWMENT);
	});
}

/// The one `fungibles` interface holds, pays out and releases an asset exactly as it does
/// CMRC, and the holders `try_state` reads report each hold in its currency.
#[test]
fn assets_are_held_like_balances() {
	use crate::configs::{CurrencyHolders, CurrencyId, NativeAndAssets};
	use commerce_primitives::currency::CurrencyHoldersOf;
	use frame_support::traits::{
		fungibles::{Inspect as _, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	};
	development_ext().execute_with(|| {
		let reason = crate::RuntimeHoldReason::Escrow(pallet_escrow::HoldReason::Escrow);
		let (bob, dave) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Dave));
		let cusd = CurrencyId::WithId(DEV_STABLECOIN_ID);
		let held = 30_000_000; // 30 cUSD
		assert_ok!(NativeAndAssets::hold(cusd.clone(), &reason, &bob, held));
		assert_ok!(NativeAndAssets::hold(CurrencyId::Native, &reason, &bob, 7 * crate::UNIT));
		assert_eq!(NativeAndAssets::balance_on_hold(cusd.clone(), &reason, &bob), held);
		// Held funds cannot be spent, and an account with a hold keeps the asset's minimum
		// balance (it must stay alive to hold).
		let free = DEV_STABLECOIN_ENDOWMENT - held;
		assert_eq!(
			NativeAndAssets::reducible_balance(
				cusd.clone(),
				&bob,
				Preservation::Expendable,
				Fortitude::Polite
			),
			free - STABLECOIN_MIN_BALANCE
		);
		assert!(NativeAndAssets::transfer(
			cusd.clone(),
			&bob,
			&dave,
			free + 1,
			Preservation::Expendable
		)
		.is_err());
		let mut holders = CurrencyHolders::holders(&reason);
		holders.sort();
		assert_eq!(
			holders,
			vec![
				(CurrencyId::Native, bob.clone(), 7 * crate::UNIT),
				(cusd.clone(), bob.clone(), held),
			]
		);

		// Pay 20 cUSD of it to Dave, release the rest to Bob: nothing is created or lost.
		let supply = NativeAndAssets::total_issuance(cusd.clone());
		assert_ok!(NativeAndAssets::transfer_on_hold(
			cusd.clone(),
			&reason,
			&bob,
			&dave,
			20_000_000,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		));
		assert_ok!(NativeAndAssets::release(
			cusd.clone(),
			&reason,
			&bob,
			10_000_000,
			Precision::Exact
		));
		assert_eq!(
			Assets::balance(DEV_STABLECOIN_ID, &dave),
			DEV_STABLECOIN_ENDOWMENT + 20_000_000
		);
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, &bob), DEV_STABLECOIN_ENDOWMENT - 20_000_000);
		assert_eq!(NativeAndAssets::total_issuance(cusd.clone()), supply);
		assert_eq!(
			CurrencyHolders::holders(&reason),
			vec![(CurrencyId::Native, bob.clone(), 7 * crate::UNIT)]
		);
	});
}

/// The council sets an asset's rate to CMRC (what makes it council-approved); nobody else can,
/// and the rate converts amounts both ways.
#[test]
fn the_council_sets_an_assets_rate() {
	use frame_support::traits::tokens::{ConversionFromAssetBalance, ConversionToAssetBalance};
	use sp_runtime::FixedU128;
	development_ext().execute_with(|| {
		let alice = RuntimeOrigin::signed(account(Sr25519Keyring::Alice));
		// 1 USDC (10^6 units) is worth 2 CMRC (2 * 10^12 planck): 2,000,000 planck a unit.
		let rate = FixedU128::from_u32(2_000_000);
		assert_noop!(
			crate::AssetRate::create(alice, Box::new(USDC_ASSET_ID), rate),
			DispatchError::BadOrigin
		);
		let create = RuntimeCall::AssetRate(pallet_asset_rate::Call::create {
			asset_kind: Box::new(USDC_ASSET_ID),
			rate,
		});
		let hash = propose(Sr25519Keyring::Alice, 2, create.clone());
		vote(Sr25519Keyring::Alice, hash, 0);
		vote(Sr25519Keyring::Charlie, hash, 0);
		close(hash, 0, &create);
		assert_eq!(
			pallet_asset_rate::ConversionRateToNative::<Runtime>::get(USDC_ASSET_ID),
			Some(rate)
		);
		assert_eq!(
			crate::AssetRate::from_asset_balance(12_500_000, USDC_ASSET_ID).ok(),
			Some(25 * crate::UNIT)
		);
		assert_eq!(
			crate::AssetRate::to_asset_balance(25 * crate::UNIT, USDC_ASSET_ID).ok(),
			Some(12_500_000)
		);
		assert!(crate::AssetRate::from_asset_balance(1, USDT_ASSET_ID).is_err());
	});
}

/// Escrow in the real runtime holds, refunds and pays out an order in the test stablecoin: the
/// vendor and the marketplace fee account are paid in it (the fee account's cUSD account is
/// created by its first fee), and `try_state` finds the hold under its currency.
#[test]
fn escrow_pays_an_order_in_the_test_stablecoin() {
	use crate::{configs::MarketplaceFeeAccount, Escrow};
	use commerce_primitives::Escrow as _;
	development_ext().execute_with(|| {
		let (bob, dave) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Dave));
		let cusd = crate::configs::CurrencyId::WithId(DEV_STABLECOIN_ID);
		let native = pallet_balances::Pallet::<Runtime>::free_balance(&bob);
		let supply = Assets::total_issuance(DEV_STABLECOIN_ID);
		assert_ok!(Escrow::set_fee(RuntimeOrigin::root(), sp_runtime::Perbill::from_percent(2)));
		let order = 9_000;
		assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
			order,
			&bob,
			&dave,
			cusd.clone(),
			12_500_000
		));
		assert_ok!(Escrow::do_try_state());
		assert_ok!(Escrow::refund(order, 2_500_000));
		assert_ok!(Escrow::release(order));
		// 10 cUSD released: 0.2 to the fee account, 9.8 to Dave; Bob paid 10 of his 12.5.
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, &bob), DEV_STABLECOIN_ENDOWMENT - 10_000_000);
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, &dave), DEV_STABLECOIN_ENDOWMENT + 9_800_000);
		assert_eq!(Assets::balance(DEV_STABLECOIN_ID, MarketplaceFeeAccount::get()), 200_000);
		assert_eq!(Assets::total_issuance(DEV_STABLECOIN_ID), supply);
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&bob), native);
		assert_ok!(Escrow::do_try_state());
	});
}

/// A stablecoin is accepted for listings once the council gave it a rate, and stops being
/// accepted when the rate is removed.
#[test]
fn listings_take_a_stablecoin_once_it_has_a_council_rate() {
	development_ext().execute_with(|| {
		let dave = RuntimeOrigin::signed(account(Sr25519Keyring::Dave));
		let cusd = crate::configs::CurrencyId::WithId(DEV_STABLECOIN_ID);
		let list = || {
			crate::Orders::create_listing(
				dave.clone(),
				cusd.clone(),
				1_000_000,
				1,
				b"ipfs://x".to_vec(),
				crate::MINUTES,
				crate::MINUTES,
			)
		};
		assert_noop!(list(), pallet_orders::Error::<Runtime>::CurrencyNotAccepted);
		assert_ok!(crate::AssetRate::create(
			RuntimeOrigin::root(),
			Box::new(DEV_STABLECOIN_ID),
			sp_runtime::FixedU128::from_u32(1_000_000)
		));
		assert_ok!(list());
		// An asset without a rate (USDT here) is still refused, and so is cUSD once its rate
		// is removed.
		assert_noop!(
			crate::Orders::create_listing(
				dave.clone(),
				crate::configs::CurrencyId::WithId(USDT_ASSET_ID),
				1_000_000,
				1,
				b"ipfs://x".to_vec(),
				crate::MINUTES,
				crate::MINUTES,
			),
			pallet_orders::Error::<Runtime>::CurrencyNotAccepted
		);
		assert_ok!(crate::AssetRate::remove(RuntimeOrigin::root(), Box::new(DEV_STABLECOIN_ID)));
		assert_noop!(list(), pallet_orders::Error::<Runtime>::CurrencyNotAccepted);
	});
}

/// A whole order life in the test stablecoin through the real runtime: listed, ordered, paid
/// out with a supplier's profit share and the marketplace fee, all in cUSD to the unit; the
/// order's value counts toward the agreement's CMRC threshold at the council's rate; the order
/// deposit is held in cUSD and returned; the coin's supply is unchanged.
#[test]
fn an_order_in_the_stablecoin_is_split_to_a_supplier_in_it() {
	use crate::{
		configs::MarketplaceFeeAccount, genesis_config_presets::GENESIS_MARKETPLACE_FEE, Orders,
		ProfitSharing,
	};
	use pallet_profit_sharing::{Scope, Terms, Threshold};
	development_ext().execute_with(|| {
		let (dave, charlie, eve) = (
			account(Sr25519Keyring::Dave),
			account(Sr25519Keyring::Charlie),
			account(Sr25519Keyring::Eve),
		);
		let cusd = crate::configs::CurrencyId::WithId(DEV_STABLECOIN_ID);
		let supply = Assets::total_issuance(DEV_STABLECOIN_ID);
		// 1 cUSD (10^6 units) is worth 2 CMRC (2 × 10^12 planck).
		assert_ok!(crate::AssetRate::create(
			RuntimeOrigin::root(),
			Box::new(DEV_STABLECOIN_ID),
			sp_runtime::FixedU128::from_u32(2_000_000)
		));
		let price: Balance = 12_500_000; // 12.50 cUSD
		let listing = pallet_orders::NextListingId::<Runtime>::get();
		assert_ok!(Orders::create_listing(
			RuntimeOrigin::signed(dave.clone()),
			cusd.clone(),
			price,
			5,
			b"ipfs://x".to_vec(),
			crate::MINUTES,
			crate::MINUTES
		));
		let terms = Terms {
			beneficiaries: vec![(charlie.clone(), sp_runtime::Perbill::from_percent(30))]
				.try_into()
				.unwrap(),
			// 20 CMRC of value: the first order (25 CMRC) crosses it.
			threshold: Threshold::Revenue(20 * crate::UNIT),
		};
		assert_ok!(ProfitSharing::propose_agreement(
			RuntimeOrigin::signed(dave.clone()),
			Scope::Listing(listing),
			terms
		));
		assert_ok!(ProfitSharing::accept(RuntimeOrigin::signed(charlie.clone()), 0, 0));
		let usd = |who: &AccountId| Assets::balance(DEV_STABLECOIN_ID, who);
		let fee_account = MarketplaceFeeAccount::get();
		let (d, c, e, fees) = (usd(&dave), usd(&charlie), usd(&eve), usd(&fee_account));

		let order = pallet_orders::NextOrderId::<Runtime>::get();
		assert_ok!(Orders::place_order(
			RuntimeOrigin::signed(eve.clone()),
			listing,
			1,
			price,
			cusd.clone()
		));
		let placed = pallet_orders::Orders::<Runtime>::get(order).unwrap();
		assert_eq!(placed.value, 25 * crate::UNIT);
		// The payment and the order deposit (in cUSD, returned when the order ends) are held.
		assert!(placed.deposit > 0);
		assert_eq!(usd(&eve), e - price - placed.deposit);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(dave.clone()), order, [1; 32]));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(eve.clone()), order));

		let fee = GENESIS_MARKETPLACE_FEE.mul_floor(price);
		let net = price - fee;
		let net_value = net * 2_000_000;
		// The part of the value above 20 CMRC is shared, and the same fraction of the cUSD.
		let shared_value = net_value - 20 * crate::UNIT;
		let shared = net * shared_value / net_value;
		let to_charlie = sp_runtime::Perbill::from_percent(30).mul_floor(shared);
		assert!(to_charlie > 0 && shared < net);
		assert_eq!(usd(&charlie), c + to_charlie);
		assert_eq!(usd(&dave), d + net - to_charlie);
		assert_eq!(usd(&fee_account), fees + fee);
		assert_eq!(usd(&eve), e - price);
		assert_eq!(Assets::total_issuance(DEV_STABLECOIN_ID), supply);
		assert_eq!(ProfitSharing::progress(0), Some((net_value, 1)));
		let payouts = ProfitSharing::payouts(0);
		assert_eq!(payouts.len(), 1);
		assert_eq!(payouts[0].0, cusd);
		assert_eq!((payouts[0].1.released, payouts[0].1.to_beneficiaries), (net, to_charlie));
		assert_ok!(crate::Escrow::do_try_state());
		assert_ok!(Orders::do_try_state());
		assert_ok!(ProfitSharing::do_try_state());
		assert_ok!(crate::Vendors::do_try_state());
	});
}

/// The commerce benchmarks pay in USDC on the development preset and in CMRC on the
/// `benchmark-native` preset, which is the development preset without USDC.
#[cfg(feature = "runtime-benchmarks")]
#[test]
fn the_benchmarks_pay_in_usdc_or_in_cmrc_by_preset() {
	use crate::{
		configs::{CurrencyId, DearestCurrency},
		genesis_config_presets::{get_preset, BENCHMARK_NATIVE_PRESET},
	};
	use commerce_primitives::BenchmarkCurrency;
	use frame_support::traits::tokens::ConversionFromAssetBalance;
	development_ext().execute_with(|| {
		assert_eq!(DearestCurrency::dearest(), CurrencyId::WithId(USDC_ASSET_ID));
		assert!(crate::AssetRate::from_asset_balance(1, USDC_ASSET_ID).is_ok(), "rated");
	});
	let native = get_preset(&BENCHMARK_NATIVE_PRESET.into()).expect("the preset exists");
	preset_ext(&native).execute_with(|| {
		assert!(!pallet_assets::Asset::<Runtime>::contains_key(USDC_ASSET_ID));
		assert!(pallet_assets::Asset::<Runtime>::contains_key(USDT_ASSET_ID));
		assert!(pallet_assets::Asset::<Runtime>::contains_key(DEV_STABLECOIN_ID));
		assert_eq!(DearestCurrency::dearest(), CurrencyId::Native);
	});
}
