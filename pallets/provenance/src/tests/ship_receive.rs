use super::*;
use crate::{BatchStatus, BizStep};
use frame_support::assert_noop;

#[test]
fn custody_moves_in_two_steps() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = ship(PRODUCER, batch, CARRIER);
		assert_eq!(custodian(batch), PRODUCER);
		assert_eq!(
			Batches::<Test>::get(batch).unwrap().status,
			BatchStatus::InTransit { to_event: shipping }
		);
		// In transit, the sender can neither ship again nor store it.
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), batch, WAREHOUSE, None, details()),
			Error::<Test>::InTransit
		);
		receive(CARRIER, batch, shipping);
		assert_eq!(custodian(batch), CARRIER);
		System::assert_last_event(
			Event::<Test>::CustodyTransferred { batch, from: PRODUCER, to: CARRIER }.into(),
		);
		let received = Events::<Test>::get(next_event() - 1).unwrap();
		assert_eq!(received.biz_step, BizStep::Receiving);
		assert_eq!(received.receives, Some(shipping));
		// The carrier passes it on to the warehouse.
		let second = ship(CARRIER, batch, WAREHOUSE);
		receive(WAREHOUSE, batch, second);
		assert_eq!(custodian(batch), WAREHOUSE);
		assert_eq!(Batches::<Test>::get(batch).unwrap().events, 5);
	});
}

#[test]
fn only_the_custodian_ships() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(CARRIER), batch, WAREHOUSE, None, details()),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), batch, PRODUCER, None, details()),
			Error::<Test>::ShipToSelf
		);
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), 9, CARRIER, None, details()),
			Error::<Test>::BatchNotFound
		);
	});
}

#[test]
fn only_the_named_party_receives_and_only_that_shipment() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let other = commission(b"L2");
		let shipping = ship(PRODUCER, batch, CARRIER);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(WAREHOUSE), batch, shipping, details()),
			Error::<Test>::NotRecipient
		);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(CARRIER), other, shipping, details()),
			Error::<Test>::NotPendingShipment
		);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(CARRIER), batch, shipping + 1, details()),
			Error::<Test>::NotPendingShipment
		);
		receive(CARRIER, batch, shipping);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(CARRIER), batch, shipping, details()),
			Error::<Test>::NotPendingShipment
		);
	});
}

#[test]
fn a_recipient_that_is_not_a_custody_attester_cannot_receive_outside_an_order() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = ship(PRODUCER, batch, OUTSIDER);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(OUTSIDER), batch, shipping, details()),
			Error::<Test>::NotAttester
		);
	});
}

#[test]
fn a_shipment_against_an_order_goes_from_its_vendor_to_its_buyer() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = ship(PRODUCER, batch, RETAILER);
		receive(RETAILER, batch, shipping);
		// Not the order's parties: refused.
		assert_noop!(
			Provenance::ship(
				RuntimeOrigin::signed(RETAILER),
				batch,
				OUTSIDER,
				Some(ORDER),
				details()
			),
			Error::<Test>::NotOrderParties
		);
		assert_noop!(
			Provenance::ship(
				RuntimeOrigin::signed(RETAILER),
				batch,
				BUYER,
				Some(ORDER + 1),
				details()
			),
			Error::<Test>::OrderNotOpen
		);
		let to_buyer = next_event();
		assert_ok!(Provenance::ship(
			RuntimeOrigin::signed(RETAILER),
			batch,
			BUYER,
			Some(ORDER),
			details()
		));
		System::assert_last_event(Event::<Test>::ShippedForOrder { order: ORDER, batch }.into());
		assert_eq!(OrderBatches::<Test>::get(ORDER).into_inner(), vec![batch]);
		// The buyer receives without being an attester; the receipt names the order too.
		receive(BUYER, batch, to_buyer);
		assert_eq!(custodian(batch), BUYER);
		assert_eq!(Events::<Test>::get(next_event() - 1).unwrap().order, Some(ORDER));
	});
}

#[test]
fn an_order_names_a_bounded_number_of_batches() {
	run(|| {
		register_all();
		let batches: Vec<BatchId> =
			(0..3).map(|i| commission(format!("L{i}").as_bytes())).collect();
		// The order is the retailer's: the producer hands the batches over first.
		for batch in &batches {
			let shipping = ship(PRODUCER, *batch, RETAILER);
			receive(RETAILER, *batch, shipping);
		}
		for batch in &batches[..MAX_BATCHES_PER_ORDER as usize] {
			assert_ok!(Provenance::ship(
				RuntimeOrigin::signed(RETAILER),
				*batch,
				BUYER,
				Some(ORDER),
				details()
			));
		}
		assert_noop!(
			Provenance::ship(
				RuntimeOrigin::signed(RETAILER),
				batches[2],
				BUYER,
				Some(ORDER),
				details()
			),
			Error::<Test>::TooManyBatchesForOrder
		);
	});
}
