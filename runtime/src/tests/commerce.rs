//! The commerce pallets wired together in the real runtime: escrow holds, fees, the council
//! ruling a dispute, and both pallets' invariants after each step.

use super::*;
use crate::{
	configs::MarketplaceFeeAccount, Council, Escrow, Orders, RuntimeOrigin, MINUTES, UNIT,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::fungible::Inspect};
use sp_runtime::traits::Hash as _;

const PRICE: Balance = 40 * UNIT;

fn origin(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Escrow::do_try_state().expect("escrow invariants");
}

fn issuance() -> Balance {
	pallet_balances::Pallet::<Runtime>::total_issuance()
}

fn fee_account() -> Balance {
	pallet_balances::Pallet::<Runtime>::balance(&MarketplaceFeeAccount::get())
}

/// Dave lists two units; Eve orders one and it is shipped.
fn shipped_order() -> u64 {
	assert_ok!(Orders::create_listing(
		origin(Sr25519Keyring::Dave),
		PRICE,
		2,
		b"ipfs://x".to_vec(),
		MINUTES,
		MINUTES
	));
	assert_ok!(Orders::place_order(origin(Sr25519Keyring::Eve), 0, 1, PRICE));
	assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), 0, [1; 32]));
	check_invariants();
	0
}

#[test]
fn a_completed_order_pays_the_vendor_less_the_genesis_fee() {
	development_ext().execute_with(|| {
		let issuance_before = issuance();
		let dave = free_balance(Sr25519Keyring::Dave);
		let fees = fee_account();
		let order = shipped_order();
		assert_ok!(Orders::confirm_delivery(origin(Sr25519Keyring::Eve), order));
		check_invariants();
		let fee = genesis_config_presets::GENESIS_MARKETPLACE_FEE.mul_floor(PRICE);
		assert_eq!(fee, PRICE / 100);
		assert_eq!(fee_account() - fees, fee);
		let deposit = pallet_balances::Pallet::<Runtime>::reserved_balance(
			Sr25519Keyring::Dave.to_account_id(),
		);
		assert_eq!(free_balance(Sr25519Keyring::Dave), dave - deposit + PRICE - fee);
		assert_eq!(issuance(), issuance_before);
	});
}

#[test]
fn the_council_rules_a_dispute_by_motion_and_the_panel_arbiter_cannot_for_their_own_order() {
	development_ext().execute_with(|| {
		let order = shipped_order();
		let eve_before_ruling = free_balance(Sr25519Keyring::Eve);
		assert_ok!(Escrow::open_dispute(origin(Sr25519Keyring::Eve), order, [2; 32]));
		check_invariants();
		// Eve is on the arbitration panel, but she is the buyer.
		assert_noop!(
			Escrow::rule(origin(Sr25519Keyring::Eve), order, PRICE),
			pallet_escrow::Error::<Runtime>::PartyCannotArbitrate
		);
		// A signed account outside the panel and council is not an arbiter at all.
		assert_noop!(
			Escrow::rule(origin(Sr25519Keyring::Ferdie), order, PRICE),
			sp_runtime::DispatchError::BadOrigin
		);

		let ruling = RuntimeCall::Escrow(pallet_escrow::Call::rule { order, to_buyer: PRICE / 4 });
		let len = ruling.encoded_size() as u32;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&ruling);
		assert_ok!(Council::propose(
			origin(Sr25519Keyring::Alice),
			2,
			Box::new(ruling.clone()),
			len
		));
		assert_ok!(Council::vote(origin(Sr25519Keyring::Alice), hash, 0, true));
		assert_ok!(Council::vote(origin(Sr25519Keyring::Bob), hash, 0, true));
		assert_ok!(Council::close(
			origin(Sr25519Keyring::Charlie),
			hash,
			0,
			ruling.get_dispatch_info().call_weight,
			len
		));
		System::assert_has_event(
			pallet_escrow::Event::<Runtime>::DisputeRuled {
				order,
				arbiter: None,
				to_buyer: PRICE / 4,
			}
			.into(),
		);
		assert_eq!(
			free_balance(Sr25519Keyring::Eve),
			eve_before_ruling + PRICE / 4 + order_deposit_refund()
		);
		assert!(pallet_orders::Orders::<Runtime>::get(order).is_none());
		check_invariants();
	});
}

/// The order deposit Eve gets back when her order closes.
fn order_deposit_refund() -> Balance {
	crate::configs::CommerceDepositBase::get()
		+ crate::configs::CommerceDepositPerByte::get()
			* Balance::from(Orders::order_footprint().size)
}
