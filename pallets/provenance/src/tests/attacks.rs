//! What an attacker could try against someone else's batch.

use super::*;
use crate::{BizStep, ErrorReason};
use frame_support::assert_noop;

/// A vetted inspector floods a batch with inspections to fill its history, so that its
/// custodian can no longer ship it. Inspections stop at half of the history; the custodian's
/// custody events still fit.
#[test]
fn inspections_cannot_fill_a_history() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		for _ in 0..MAX_EVENTS / 2 {
			assert_ok!(Provenance::record(
				RuntimeOrigin::signed(INSPECTOR),
				batch,
				BizStep::Inspecting,
				details()
			));
		}
		assert_noop!(
			Provenance::record(
				RuntimeOrigin::signed(INSPECTOR),
				batch,
				BizStep::Inspecting,
				details()
			),
			Error::<Test>::ObservationsFull
		);
		let shipping = ship(PRODUCER, batch, CARRIER);
		receive(CARRIER, batch, shipping);
		assert_eq!(custodian(batch), CARRIER);
		// The inspector paid a deposit for every inspection it recorded.
		assert_eq!(event_hold(INSPECTOR), (MAX_EVENTS as u64 / 2) * 2 * EVENT_DEPOSIT_BASE);
	});
}

/// A full history refuses every event, and says so.
#[test]
fn a_full_history_refuses_events() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		for _ in 1..MAX_EVENTS {
			assert_ok!(Provenance::record(
				RuntimeOrigin::signed(PRODUCER),
				batch,
				BizStep::Storing,
				details()
			));
		}
		assert_noop!(
			Provenance::record(RuntimeOrigin::signed(PRODUCER), batch, BizStep::Storing, details()),
			Error::<Test>::HistoryFull
		);
	});
}

/// `batch_all(ship to a confederate, receive as the confederate)` by someone who is not the
/// custodian: the first call fails, so the batch fails. A third party cannot take goods it
/// was not shipped.
#[test]
fn nobody_takes_custody_without_a_shipment_to_them() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let shipping = ship(PRODUCER, batch, CARRIER);
		assert_noop!(
			Provenance::receive(RuntimeOrigin::signed(WAREHOUSE), batch, shipping, details()),
			Error::<Test>::NotRecipient
		);
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(WAREHOUSE), batch, WAREHOUSE, None, details()),
			Error::<Test>::InTransit
		);
	});
}

/// Someone else's event cannot be "corrected" to rewrite the record, nor can a revoked
/// attester correct its own.
#[test]
fn only_a_current_attester_corrects_its_own_events() {
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
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(PRODUCER),
				inspection,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::NotEventAttester
		);
		assert_ok!(Provenance::revoke_attester(RuntimeOrigin::signed(GOVERNANCE), INSPECTOR));
		assert_noop!(
			Provenance::correct(
				RuntimeOrigin::signed(INSPECTOR),
				inspection,
				ErrorReason::DidNotOccur,
				details()
			),
			Error::<Test>::NotAttester
		);
	});
}

/// A vendor fills another vendor's order with batches: refused, only the order's vendor
/// ships against it; and an order's list is bounded (see `ship_receive`).
#[test]
fn nobody_ships_against_someone_elses_order() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), batch, BUYER, Some(ORDER), details()),
			Error::<Test>::NotOrderParties
		);
		assert!(OrderBatches::<Test>::get(ORDER).is_empty());
	});
}
