//! Sealed delivery addresses in the real runtime: the vendor's published key, the ciphertext's
//! deposit by its length (CMRC, the runtime's storage price), erasure when the order closes.

use super::*;
use crate::{
	configs::{CommerceDepositBase, CommerceDepositPerByte},
	Orders, Vendors, MINUTES, UNIT,
};
use frame_support::{assert_noop, assert_ok, traits::Get};
use pallet_orders::SealedDeliveries;
use sp_runtime::traits::Dispatchable;

const PRICE: Balance = 40 * UNIT;

fn reserved(who: Sr25519Keyring) -> Balance {
	pallet_balances::Pallet::<Runtime>::reserved_balance(who.to_account_id())
}

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Vendors::do_try_state().expect("vendors invariants");
}

fn deposit_of(footprint: frame_support::traits::Footprint) -> Balance {
	CommerceDepositBase::get() + CommerceDepositPerByte::get() * Balance::from(footprint.size)
}

fn list() {
	assert_ok!(Orders::create_listing(
		origin(Sr25519Keyring::Dave),
		super::CMRC,
		PRICE,
		5,
		b"ipfs://x".to_vec(),
		MINUTES,
		MINUTES
	));
}

fn sealed_order(bytes: usize) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::place_sealed_order {
		listing: 0,
		quantity: 1,
		max_unit_price: PRICE,
		currency: super::CMRC,
		delivery: vec![0xC5; bytes].try_into().expect("within MaxSealedDelivery"),
	})
}

#[test]
fn a_sealed_address_pays_for_its_bytes_and_is_erased_when_the_order_closes() {
	development_ext().execute_with(|| {
		// Dave (a genesis vendor) publishes his key; the buyer's browser seals to it.
		assert_ok!(Vendors::set_encryption_key(origin(Sr25519Keyring::Dave), Some([7; 32])));
		assert_eq!(
			pallet_vendors::EncryptionKeys::<Runtime>::get(Sr25519Keyring::Dave.to_account_id()),
			Some([7; 32])
		);
		list();
		let eve = free_balance(Sr25519Keyring::Eve);
		let held = reserved(Sr25519Keyring::Eve);
		assert_ok!(sealed_order(300).dispatch(origin(Sr25519Keyring::Eve)));
		check_invariants();
		let deposit = deposit_of(Orders::sealed_order_footprint(300));
		// The address's share of the deposit: its 300 bytes, its key and length prefix.
		assert_eq!(
			deposit - deposit_of(Orders::order_footprint()),
			(300 + 8 + 5) * CommerceDepositPerByte::get()
		);
		assert_eq!(pallet_orders::Orders::<Runtime>::get(0).map(|o| o.deposit), Some(deposit));
		// Escrow holds the price from Eve too.
		assert_eq!(reserved(Sr25519Keyring::Eve), held + PRICE + deposit);
		assert_eq!(SealedDeliveries::<Runtime>::get(0).map(|d| d.len()), Some(300));

		assert_ok!(Orders::ship_order(origin(Sr25519Keyring::Dave), 0, [1; 32]));
		assert_ok!(Orders::confirm_delivery(origin(Sr25519Keyring::Eve), 0));
		check_invariants();
		assert!(SealedDeliveries::<Runtime>::get(0).is_none());
		assert_eq!(reserved(Sr25519Keyring::Eve), held);
		assert_eq!(free_balance(Sr25519Keyring::Eve), eve - PRICE);
	});
}

#[test]
fn the_runtime_bounds_the_ciphertext() {
	development_ext().execute_with(|| {
		let max =
			<<Runtime as pallet_orders::Config>::MaxSealedDelivery as Get<u32>>::get() as usize;
		assert_eq!(max, 512);
		assert!(pallet_orders::SealedDeliveryOf::<Runtime>::try_from(vec![0; max + 1]).is_err());
		list();
		// The longest address a buyer may seal costs it a deposit, nothing more.
		assert_ok!(sealed_order(max).dispatch(origin(Sr25519Keyring::Eve)));
		check_invariants();
	});
}

/// Placing a sealed order and cancelling it in one `batch_all` leaves no ciphertext and no
/// deposit behind: nothing of the address outlives the order.
#[test]
fn place_and_cancel_in_one_batch_leaves_nothing() {
	development_ext().execute_with(|| {
		list();
		let eve = free_balance(Sr25519Keyring::Eve);
		let held = reserved(Sr25519Keyring::Eve);
		let calls = vec![
			sealed_order(200),
			RuntimeCall::Orders(pallet_orders::Call::cancel_order { order: 0 }),
		];
		assert_ok!(crate::Utility::batch_all(origin(Sr25519Keyring::Eve), calls));
		check_invariants();
		assert_eq!(SealedDeliveries::<Runtime>::iter().count(), 0);
		assert_eq!((free_balance(Sr25519Keyring::Eve), reserved(Sr25519Keyring::Eve)), (eve, held));
		assert_noop!(
			Vendors::set_encryption_key(origin(Sr25519Keyring::Eve), Some([7; 32])),
			pallet_vendors::Error::<Runtime>::NotRegistered
		);
	});
}
