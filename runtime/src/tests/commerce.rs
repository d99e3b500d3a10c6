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
		super::CMRC,
		PRICE,
		2,
		b"ipfs://x".to_vec(),
		MINUTES,
		MINUTES
	));
	assert_ok!(Orders::place_order(origin(Sr25519Keyring::Eve), 0, 1, PRICE, super::CMRC));
	assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), 0, [1; 32]));
	check_invariants();
	0
}

#[test]
fn a_completed_order_pays_the_vendor_less_the_genesis_fee() {
	development_ext().execute_with(|| {
		let issuance_before = issuance();
		let dave = free_balance(Sr25519Keyring::Dave);
		let reserved = || {
			pallet_balances::Pallet::<Runtime>::reserved_balance(
				Sr25519Keyring::Dave.to_account_id(),
			)
		};
		// Dave's vendor bond is on hold from genesis.
		let held_before = reserved();
		let fees = fee_account();
		let order = shipped_order();
		assert_ok!(Orders::confirm_delivery(origin(Sr25519Keyring::Eve), order));
		check_invariants();
		let fee = genesis_config_presets::GENESIS_MARKETPLACE_FEE.mul_floor(PRICE);
		assert_eq!(fee, PRICE / 100);
		assert_eq!(fee_account() - fees, fee);
		// The listing's deposit is held on top.
		let deposit = reserved() - held_before;
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

		council_rules(order, PRICE / 4, 0);
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

/// Alice and Bob (two of three) pass the council motion `index` ruling `to_buyer` on `order`.
fn council_rules(order: u64, to_buyer: Balance, index: u32) {
	let ruling = RuntimeCall::Escrow(pallet_escrow::Call::rule { order, to_buyer });
	let len = ruling.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&ruling);
	assert_ok!(Council::propose(origin(Sr25519Keyring::Alice), 2, Box::new(ruling.clone()), len));
	assert_ok!(Council::vote(origin(Sr25519Keyring::Alice), hash, index, true));
	assert_ok!(Council::vote(origin(Sr25519Keyring::Bob), hash, index, true));
	assert_ok!(Council::close(
		origin(Sr25519Keyring::Charlie),
		hash,
		index,
		ruling.get_dispatch_info().call_weight,
		len
	));
}

/// The order deposit Eve gets back when her order closes.
fn order_deposit_refund() -> Balance {
	crate::configs::CommerceDepositBase::get()
		+ crate::configs::CommerceDepositPerByte::get()
			* Balance::from(Orders::order_footprint().size)
}

/// The exploit of the review, through the real escrow: in one `batch_all`, the vendor ships and
/// refunds one planck. That used to release the whole rest to the vendor at once. Now the vendor
/// receives nothing, the buyer may still dispute, and the money stays escrowed until a ruling.
#[test]
fn a_vendor_cannot_pay_itself_early_with_ship_and_a_partial_refund() {
	development_ext().execute_with(|| {
		let issuance_before = issuance();
		assert_ok!(Orders::create_listing(
			origin(Sr25519Keyring::Dave),
			super::CMRC,
			PRICE,
			2,
			b"ipfs://x".to_vec(),
			MINUTES,
			MINUTES
		));
		assert_ok!(Orders::place_order(origin(Sr25519Keyring::Eve), 0, 1, PRICE, super::CMRC));
		let dave = free_balance(Sr25519Keyring::Dave);
		let eve = free_balance(Sr25519Keyring::Eve);
		let calls = vec![
			RuntimeCall::Orders(pallet_orders::Call::ship_order { order: 0, tracking: [1; 32] }),
			RuntimeCall::Orders(pallet_orders::Call::refund_order { order: 0, amount: 1 }),
		];
		assert_ok!(crate::Utility::batch_all(origin(Sr25519Keyring::Dave), calls));
		check_invariants();
		assert_eq!(free_balance(Sr25519Keyring::Dave), dave, "the vendor is paid nothing");
		assert_eq!(free_balance(Sr25519Keyring::Eve), eve + 1);
		assert_eq!(pallet_escrow::Escrows::<Runtime>::get(0).map(|e| e.amount), Some(PRICE - 1));

		// The buyer keeps the right to dispute; the panel arbiter rules on what is left.
		assert_ok!(Escrow::open_dispute(origin(Sr25519Keyring::Eve), 0, [2; 32]));
		check_invariants();
		assert_noop!(
			Escrow::rule(origin(Sr25519Keyring::Ferdie), 0, PRICE),
			sp_runtime::DispatchError::BadOrigin
		);
		let arbiter = RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id());
		assert_noop!(
			Escrow::rule(arbiter, 0, PRICE - 1),
			pallet_escrow::Error::<Runtime>::PartyCannotArbitrate
		);
		council_rules(0, PRICE - 1, 0);
		check_invariants();
		assert_eq!(free_balance(Sr25519Keyring::Dave), dave);
		assert_eq!(free_balance(Sr25519Keyring::Eve), eve + PRICE + order_deposit_refund());
		System::assert_has_event(
			pallet_orders::Event::<Runtime>::OrderClosed {
				order: 0,
				listing: 0,
				buyer: Sr25519Keyring::Eve.to_account_id(),
				vendor: Sr25519Keyring::Dave.to_account_id(),
				outcome: commerce_primitives::Outcome::DisputeSettled,
				refunded: PRICE,
				restocked: 0,
			}
			.into(),
		);
		assert_eq!(issuance(), issuance_before);
	});
}

/// With `try-runtime`, every pallet's `try_state` (the standard pallets' too) holds after a
/// commerce flow with a partial refund, a dispute and a timeout.
#[cfg(feature = "try-runtime")]
#[test]
fn every_pallets_try_state_holds_after_a_commerce_flow() {
	use frame_support::traits::{TryState, TryStateSelect};
	development_ext().execute_with(|| {
		let order = shipped_order();
		assert_ok!(Orders::refund_order(origin(Sr25519Keyring::Dave), order, UNIT));
		assert_ok!(Orders::place_order(origin(Sr25519Keyring::Ferdie), 0, 1, PRICE, super::CMRC));
		let check = || {
			<crate::AllPalletsWithSystem as TryState<crate::BlockNumber>>::try_state(
				System::block_number(),
				TryStateSelect::All,
			)
			.expect("try_state of every pallet")
		};
		check();
		assert_ok!(Escrow::open_dispute(origin(Sr25519Keyring::Eve), order, [2; 32]));
		check();
		// The unshipped order of Ferdie times out through `process_overdue`.
		let deadline = pallet_orders::Orders::<Runtime>::get(1).unwrap().deadline;
		System::set_block_number(deadline);
		assert_ok!(Orders::process_overdue(origin(Sr25519Keyring::Alice), 1));
		check();
	});
}
