//! Fees are sane: a transfer is cheap, filling a block is expensive, fees are paid to the
//! collators' pot.

use super::*;
use crate::{TransactionPayment, MILLIUNIT, UNIT};
use frame_support::dispatch::DispatchClass;

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: UNIT,
	})
}

#[test]
fn a_transfer_costs_between_a_hundredth_and_ten_milliunits() {
	development_ext().execute_with(|| {
		let xt = signed(transfer(), Sr25519Keyring::Alice, 0);
		let fee = TransactionPayment::query_info(xt.clone(), xt.encoded_size() as u32).partial_fee;
		assert!(fee > MILLIUNIT / 100, "fee {fee} is too low to deter spam");
		assert!(fee < 10 * MILLIUNIT, "fee {fee} is too high for a transfer");
	});
}

#[test]
fn filling_a_block_costs_more_than_a_unit() {
	development_ext().execute_with(|| {
		let max_normal = crate::configs::RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.unwrap();
		let fee = TransactionPayment::weight_to_fee(max_normal);
		assert!(fee > UNIT, "a full block costs only {fee}");
		assert!(fee < 1_000 * UNIT, "a full block costs {fee}");
	});
}

#[test]
fn the_fee_is_paid_by_the_sender_into_the_collator_pot() {
	development_ext().execute_with(|| {
		initialize_block(2);
		let pot = pallet_collator_selection::Pallet::<Runtime>::account_id();
		let pot_before = pallet_balances::Pallet::<Runtime>::free_balance(&pot);
		let alice_before = free_balance(Sr25519Keyring::Alice);
		let xt = signed(transfer(), Sr25519Keyring::Alice, 0);
		let len = xt.encoded_size() as u32;
		let expected_fee = TransactionPayment::query_info(xt.clone(), len).partial_fee;
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));
		let paid = alice_before - free_balance(Sr25519Keyring::Alice) - UNIT;
		// The fee charged is the quoted fee, refunded for unused weight; never more.
		assert!(paid > 0 && paid <= expected_fee, "paid {paid}, quoted {expected_fee}");
		let pot_after = pallet_balances::Pallet::<Runtime>::free_balance(&pot);
		assert_eq!(pot_after - pot_before, paid);
	});
}
