//! A buyer holding only a stablecoin shops: transaction fees in the asset at the council's
//! rate (`ChargeAssetTxPayment` with `pallet_asset_rate`), the order's deposit in the order's
//! currency, and no CMRC anywhere.

use super::*;
use crate::{
	configs::{CurrencyId, STABLECOIN_MIN_BALANCE},
	genesis_config_presets::DEV_STABLECOIN_ID,
	AccountId, Assets, Orders, RuntimeEvent, RuntimeOrigin, TransactionPayment,
};
use frame_support::{
	assert_ok,
	traits::fungibles::{Inspect, InspectHold},
};
use sp_core::Pair;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// 1 cUSD (10^6 units) = 2 CMRC: a CMRC planck fee is half as many cUSD units per 10^6.
const RATE: u32 = 2_000_000;
const PRICE: Balance = 12_500_000; // 12.50 cUSD

fn zoe() -> sp_core::sr25519::Pair {
	sp_core::sr25519::Pair::from_string("//Zoe", None).unwrap()
}

fn zoe_id() -> AccountId {
	zoe().public().into()
}

/// `call` signed by Zoe with `nonce`, the fee paid in `asset`.
fn by_zoe(call: RuntimeCall, nonce: u32, asset: Option<u32>) -> UncheckedExtrinsic {
	let extension = tx_extension_paying(nonce, asset);
	let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extension.clone())
		.expect("the extensions' implicit data is available");
	let signature: Signature = payload.using_encoded(|bytes| zoe().sign(bytes)).into();
	UncheckedExtrinsic::new_signed(call, Address::Id(zoe_id()), signature, extension)
}

fn cusd(who: &AccountId) -> Balance {
	Assets::balance(DEV_STABLECOIN_ID, who)
}

/// The fee `AssetTxFeePaid` reports for Zoe's last extrinsic.
fn last_asset_fee() -> Balance {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::AssetTxPayment(pallet_asset_tx_payment::Event::AssetTxFeePaid {
				who,
				actual_fee,
				asset_id,
				..
			}) if who == zoe_id() => {
				assert_eq!(asset_id, Some(DEV_STABLECOIN_ID));
				Some(actual_fee)
			},
			_ => None,
		})
		.expect("a fee paid in cUSD")
}

/// Zoe holds 100 cUSD and no CMRC; cUSD has a council rate; Dave lists at 12.50 cUSD.
fn setup() -> commerce_primitives::ListingId {
	let alice = Sr25519Keyring::Alice;
	assert_ok!(Assets::transfer(
		origin(alice),
		DEV_STABLECOIN_ID.into(),
		zoe_id().into(),
		100_000_000
	));
	assert_ok!(crate::AssetRate::create(
		RuntimeOrigin::root(),
		Box::new(DEV_STABLECOIN_ID),
		sp_runtime::FixedU128::from_u32(RATE)
	));
	let listing = pallet_orders::NextListingId::<Runtime>::get();
	assert_ok!(Orders::create_listing(
		origin(Sr25519Keyring::Dave),
		CurrencyId::WithId(DEV_STABLECOIN_ID),
		PRICE,
		5,
		b"ipfs://x".to_vec(),
		crate::MINUTES,
		crate::MINUTES
	));
	assert_eq!(<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::Inspect<_>>::total_balance(&zoe_id()), 0);
	listing
}

fn place(listing: commerce_primitives::ListingId) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::place_order {
		listing,
		quantity: 1,
		max_unit_price: PRICE,
		currency: CurrencyId::WithId(DEV_STABLECOIN_ID),
	})
}

#[test]
fn a_buyer_with_only_the_stablecoin_pays_fees_and_deposit_in_it() {
	development_ext().execute_with(|| {
		let listing = setup();
		initialize_block(2);
		let pot = pallet_collator_selection::Pallet::<Runtime>::account_id();
		let supply = Assets::total_issuance(DEV_STABLECOIN_ID);
		let (zoe_before, pot_before) = (cusd(&zoe_id()), cusd(&pot));
		assert!(pot_before >= STABLECOIN_MIN_BALANCE, "the preset gives the pot cUSD");

		// In CMRC, Zoe cannot pay: she has none.
		let xt = by_zoe(place(listing), 0, None);
		assert_eq!(
			Executive::apply_extrinsic(xt),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		let xt = by_zoe(place(listing), 0, Some(DEV_STABLECOIN_ID));
		let len = xt.encoded_size() as u32;
		let quoted = TransactionPayment::query_info(xt.clone(), len).partial_fee;
		let order = pallet_orders::NextOrderId::<Runtime>::get();
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));
		let fee = last_asset_fee();
		// The CMRC fee at the rate (rounded down), refunded for unused weight; never more.
		assert!(fee > 0 && fee <= quoted / RATE as Balance, "fee {fee}, quoted {quoted} planck");
		// No block author without a digest here: the fee goes to the collators' pot.
		assert_eq!(cusd(&pot), pot_before + fee);

		let deposit = pallet_orders::Orders::<Runtime>::get(order).unwrap().deposit;
		let native_deposit = crate::configs::CommerceDepositBase::get()
			+ crate::configs::CommerceDepositPerByte::get()
				* <pallet_orders::OrderOf<Runtime> as codec::MaxEncodedLen>::max_encoded_len() as Balance;
		assert_eq!(deposit, native_deposit.div_ceil(RATE as Balance), "the CMRC price at the rate");
		let held = crate::configs::NativeAndAssets::balance_on_hold(
			CurrencyId::WithId(DEV_STABLECOIN_ID),
			&crate::RuntimeHoldReason::Orders(pallet_orders::HoldReason::OrderDeposit),
			&zoe_id(),
		);
		assert_eq!(held, deposit);
		// The payment and the deposit are held (out of her free cUSD), the fee paid.
		assert_eq!(cusd(&zoe_id()), zoe_before - fee - PRICE - deposit);
		assert_eq!(<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::Inspect<_>>::total_balance(&zoe_id()), 0);

		// Dave ships; Zoe confirms, paying in cUSD again; her deposit comes back.
		assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), order, [1; 32]));
		let before_confirm = cusd(&zoe_id());
		let confirm = RuntimeCall::Orders(pallet_orders::Call::confirm_delivery { order });
		assert_eq!(
			Executive::apply_extrinsic(by_zoe(confirm, 1, Some(DEV_STABLECOIN_ID))),
			Ok(Ok(()))
		);
		let second_fee = last_asset_fee();
		assert_eq!(cusd(&zoe_id()), before_confirm - second_fee + deposit, "the deposit is back");
		assert_eq!(
			crate::configs::NativeAndAssets::total_balance_on_hold(
				CurrencyId::WithId(DEV_STABLECOIN_ID),
				&zoe_id()
			),
			0
		);
		assert_eq!(cusd(&pot), pot_before + fee + second_fee);
		// Fees moved cUSD to the pot; nothing was minted or burned.
		assert_eq!(Assets::total_issuance(DEV_STABLECOIN_ID), supply);
		assert_ok!(Orders::do_try_state());
		assert_ok!(crate::Escrow::do_try_state());
	});
}

#[test]
fn fees_are_refused_in_an_asset_without_a_council_rate() {
	development_ext().execute_with(|| {
		let listing = setup();
		assert_ok!(crate::AssetRate::remove(RuntimeOrigin::root(), Box::new(DEV_STABLECOIN_ID)));
		initialize_block(2);
		let before = cusd(&zoe_id());
		assert_eq!(
			Executive::apply_extrinsic(by_zoe(place(listing), 0, Some(DEV_STABLECOIN_ID))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(cusd(&zoe_id()), before);
	});
}

#[test]
fn a_fee_that_would_take_the_buyer_below_the_minimum_balance_is_refused() {
	development_ext().execute_with(|| {
		let listing = setup();
		initialize_block(2);
		// Zoe keeps exactly the asset's minimum balance: any fee would take her below it.
		let keep = STABLECOIN_MIN_BALANCE;
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(zoe_id()),
			DEV_STABLECOIN_ID.into(),
			Sr25519Keyring::Alice.to_account_id().into(),
			cusd(&zoe_id()) - keep
		));
		assert_eq!(
			Executive::apply_extrinsic(by_zoe(place(listing), 0, Some(DEV_STABLECOIN_ID))),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert_eq!(cusd(&zoe_id()), keep, "nothing taken");
	});
}
