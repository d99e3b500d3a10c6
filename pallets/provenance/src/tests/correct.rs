use super::*;
use crate::{BatchStatus, BizStep, ErrorReason};
use frame_support::assert_noop;

#[test]
fn an_attester_corrects_its_event_and_the_history_shows_both() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let inspection = next_event();
		assert_ok!(Provenance::record(
			RuntimeOrigin::signed(INSPECTOR),
			batch,
			BizStep::Inspecting,
			details()
		));
		let mut fixed = details();
		fixed.disposition = crate::Disposition::NonConformant;
		let correction = next_event();
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(INSPECTOR),
			inspection,
			ErrorReason::IncorrectData,
			fixed
		));
		System::assert_last_event(
			Event::<Test>::Corrected {
				event: inspection,
				correction,
				reason: ErrorReason::IncorrectData,
			}
			.into(),
		);
		let history = Provenance::history(batch, 0, 10);
		assert_eq!(history.len(), 3);
		assert_eq!(history[1].0, inspection);
		assert_eq!(history[1].2, Some(correction));
		assert_eq!(history[2].1.corrects, Some((inspection, ErrorReason::IncorrectData)));
		assert_eq!(history[2].1.details.disposition, crate::Disposition::NonConformant);
		// Once only, by its attester only, and never a correction of a correction.
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(INSPECTOR),
				inspection,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::AlreadyCorrected
		);
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(INSPECTOR),
				correction,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::CorrectionOfCorrection
		);
		// Event 0 is the producer's commissioning.
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(INSPECTOR),
				0,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::NotEventAttester
		);
	});
}

#[test]
fn declaring_a_pending_shipment_erroneous_cancels_it() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = next_event();
		let shipping_event = ship(PRODUCER, batch, RETAILER);
		assert_eq!(shipping, shipping_event);
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(PRODUCER),
			shipping,
			ErrorReason::DidNotOccur,
			details()
		));
		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Held);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(RETAILER), batch, shipping, details()),
			Error::<Test>::NotPendingShipment
		);
		// It can be shipped again.
		let again = ship(PRODUCER, batch, CARRIER);
		receive(CARRIER, batch, again);
		assert_eq!(custodian(batch), CARRIER);
	});
}

#[test]
fn a_cancelled_shipment_against_an_order_leaves_the_order() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let handover = ship(PRODUCER, batch, RETAILER);
		receive(RETAILER, batch, handover);
		let shipping = next_event();
		assert_ok!(Provenance::ship(
			RuntimeOrigin::signed(RETAILER),
			batch,
			BUYER,
			Some(ORDER),
			details()
		));
		assert_eq!(Provenance::orders_of_batch(batch), vec![ORDER]);
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(RETAILER),
			shipping,
			ErrorReason::DidNotOccur,
			details()
		));
		assert!(OrderBatches::<Test>::get(ORDER).is_empty());
		assert!(Provenance::orders_of_batch(batch).is_empty());
	});
}

#[test]
fn a_receipt_is_final() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = ship(PRODUCER, batch, CARRIER);
		let receipt = next_event();
		receive(CARRIER, batch, shipping);
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(CARRIER),
				receipt,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::ReceiptIsFinal
		);
		// A shipment already received can be declared erroneous, but custody stays.
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(PRODUCER),
			shipping,
			ErrorReason::IncorrectData,
			details()
		));
		assert_eq!(custodian(batch), CARRIER);
	});
}

/// A shipment against an order that was received and is later declared erroneous (its data
/// were wrong) stays on the order: the receipt is final, the goods were delivered. Only a
/// pending shipment's cancellation takes a batch off its order.
#[test]
fn a_received_shipment_declared_erroneous_stays_on_its_order() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let handover = ship(PRODUCER, batch, RETAILER);
		receive(RETAILER, batch, handover);
		let shipping = next_event();
		assert_ok!(Provenance::ship(
			RuntimeOrigin::signed(RETAILER),
			batch,
			BUYER,
			Some(ORDER),
			details()
		));
		assert_ok!(Provenance::receive(RuntimeOrigin::signed(BUYER), batch, shipping, details()));
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(RETAILER),
			shipping,
			ErrorReason::IncorrectData,
			details()
		));
		assert_eq!(custodian(batch), BUYER);
		assert_eq!(Provenance::orders_of_batch(batch), vec![ORDER]);
		assert_eq!(Provenance::batches_of_order(ORDER), vec![batch]);
		// The retailer no longer holds the batch: its correction was an observation.
		assert_eq!(Batches::<Test>::get(batch).unwrap().observations, 1);
	});
}
