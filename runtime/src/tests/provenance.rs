//! Provenance in the real runtime: attesters vetted by the vetting body, a batch commissioned,
//! handed over in two steps, and shipped to a buyer against a real open order of the orders
//! pallet; the runtime API finds it from its Digital Link and both ways between order and
//! batch.

use super::*;
use crate::{Escrow, Orders, Provenance, Vendors, MINUTES, UNIT};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_provenance::{Details, Disposition, Roles};

const GTIN: &[u8] = b"4006381333931";

fn details() -> pallet_provenance::DetailsOf<Runtime> {
	Details {
		event_time: 0,
		time_zone_offset: 0,
		disposition: Disposition::Active,
		read_point: None,
		biz_location: None,
		readings: BoundedVec::new(),
		documents: BoundedVec::new(),
	}
}

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Escrow::do_try_state().expect("escrow invariants");
	Vendors::do_try_state().expect("vendors invariants");
	Provenance::do_try_state().expect("provenance invariants");
}

#[test]
fn a_batch_goes_from_its_producer_to_a_buyer_against_an_order() {
	development_ext().execute_with(|| {
		let (alice, charlie, dave, eve) = (
			Sr25519Keyring::Alice,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
		);
		// Alice is the development vetting body: she vets a producer and a retailer.
		for (who, roles) in [(charlie, Roles::PRODUCER), (dave, Roles::RETAILER)] {
			assert_ok!(Provenance::register_attester(
				origin(alice),
				who.to_account_id(),
				roles,
				BoundedVec::new(),
				1_000
			));
		}
		// Nobody else registers attesters.
		assert_noop!(
			Provenance::register_attester(
				origin(charlie),
				charlie.to_account_id(),
				Roles::ALL,
				BoundedVec::new(),
				1_000
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Provenance::commission(
			origin(charlie),
			GTIN.to_vec().try_into().unwrap(),
			b"LOT-1".to_vec().try_into().unwrap(),
			None,
			details()
		));
		let batch = 0;
		let handover = pallet_provenance::NextEventId::<Runtime>::get();
		assert_ok!(Provenance::ship(origin(charlie), batch, dave.to_account_id(), None, details()));
		assert_ok!(Provenance::receive(origin(dave), batch, handover, details()));

		// Eve orders from Dave; Dave ships the batch against the order.
		assert_ok!(Orders::create_listing(
			origin(dave),
			super::CMRC,
			10 * UNIT,
			5,
			b"ipfs://x".to_vec(),
			MINUTES,
			MINUTES
		));
		let order = pallet_orders::NextOrderId::<Runtime>::get();
		assert_ok!(Orders::place_order(origin(eve), 0, 1, 10 * UNIT, super::CMRC));
		let shipping = pallet_provenance::NextEventId::<Runtime>::get();
		assert_ok!(Provenance::ship(
			origin(dave),
			batch,
			eve.to_account_id(),
			Some(order),
			details()
		));
		assert_ok!(Orders::ship_order(origin(dave), order, [1; 32]));
		// The buyer receives without being an attester; then confirms the order.
		assert_ok!(Provenance::receive(origin(eve), batch, shipping, details()));
		assert_ok!(Orders::confirm_delivery(origin(eve), order));

		assert_eq!(Provenance::batches_of_order(order), vec![batch]);
		assert_eq!(Provenance::orders_of_batch(batch), vec![order]);
		let link = b"https://id.example.com/01/04006381333931/10/LOT-1".to_vec();
		let (found, record) =
			Provenance::batch_by_digital_link(&link).expect("found by its QR code");
		assert_eq!(found, batch);
		assert_eq!(record.custodian, eve.to_account_id());
		assert_eq!(Provenance::history(batch, 0, 10).len(), 5);
		// An order that is closed can no longer be named.
		assert_ok!(Provenance::commission(
			origin(charlie),
			GTIN.to_vec().try_into().unwrap(),
			b"LOT-2".to_vec().try_into().unwrap(),
			None,
			details()
		));
		assert_noop!(
			Provenance::ship(origin(charlie), 1, eve.to_account_id(), Some(order), details()),
			pallet_provenance::Error::<Runtime>::OrderNotOpen
		);
		check_invariants();
	});
}
