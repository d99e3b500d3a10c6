//! What an attacker could try against someone else's batch.

use super::*;
use crate::{BatchStatus, BizStep, ErrorReason};
use frame_support::assert_noop;

/// `who` records `step` on `batch`.
fn record(who: AccountId, batch: BatchId, step: BizStep) -> sp_runtime::DispatchResult {
	Provenance::record(RuntimeOrigin::signed(who), batch, step, details())
}

/// `who` declares `event` erroneous.
fn correct(who: AccountId, event: EventId) -> sp_runtime::DispatchResult {
	Provenance::correct(RuntimeOrigin::signed(who), event, ErrorReason::IncorrectData, details())
}

/// The events of `batch`'s history, read page by page as the runtime API serves them.
fn whole_history(batch: BatchId) -> Vec<EventId> {
	let mut ids = Vec::new();
	for from in (0..).step_by(MAX_EVENTS as usize) {
		let page = Provenance::history(batch, from, MAX_EVENTS);
		ids.extend(page.iter().map(|(id, _, _)| *id));
		if (page.len() as u32) < MAX_EVENTS {
			return ids;
		}
	}
	ids
}

/// The attack of the security review (issue 21): an inspector records half a page of
/// inspections and then corrects each of them, so that its corrections (once counted as the
/// custodian's) fill the history and the batch can never ship again. Its corrections count
/// against its own share of the page; the custodian still ships, the next holder still
/// receives, and the history rolls over into pages where the inspector gets a new share.
#[test]
fn an_inspectors_corrections_cannot_freeze_custody() {
	run(|| {
		register_all();
		// Place 0: commissioning.
		let batch = commission(b"L1");
		// Places 1 to 4: half of the first page, the inspector's whole share of it.
		let mut inspections = Vec::new();
		for _ in 0..MAX_EVENTS / 2 {
			inspections.push(next_event());
			assert_ok!(record(INSPECTOR, batch, BizStep::Inspecting));
		}
		assert_noop!(
			record(INSPECTOR, batch, BizStep::Inspecting),
			Error::<Test>::ObservationsFull
		);
		// Its corrections are its own events: they come out of the same share.
		assert_noop!(correct(INSPECTOR, inspections[0]), Error::<Test>::ObservationsFull);
		// Places 5 and 6: custody moves on.
		let shipping = ship(PRODUCER, batch, CARRIER);
		receive(CARRIER, batch, shipping);
		assert_eq!(custodian(batch), CARRIER);
		// Place 7 ends the first page; the history rolls over into the second, where the
		// inspector corrects every inspection (places 8 to 11), and no more.
		assert_ok!(record(CARRIER, batch, BizStep::Storing));
		for inspection in inspections.iter() {
			assert_ok!(correct(INSPECTOR, *inspection));
		}
		assert_noop!(
			record(INSPECTOR, batch, BizStep::Inspecting),
			Error::<Test>::ObservationsFull
		);
		// The custodian is never refused: places 12 and 13.
		let shipping = ship(CARRIER, batch, WAREHOUSE);
		receive(WAREHOUSE, batch, shipping);
		assert_eq!(custodian(batch), WAREHOUSE);
		let stored = Batches::<Test>::get(batch).unwrap();
		assert_eq!((stored.events, stored.observations), (14, MAX_EVENTS));
		assert_eq!(whole_history(batch).len(), 14);
		// The inspector paid for every event (its record and its place) and, once, for its
		// share's record.
		assert_eq!(
			event_hold(INSPECTOR),
			u64::from(MAX_EVENTS) * 2 * EVENT_DEPOSIT_BASE + EVENT_DEPOSIT_BASE
		);
	});
}

/// A shipment accepted into the last place of a page (once: the last place of the history)
/// is received: the history rolls over. Likewise it can be cancelled, and the batch ships
/// again.
#[test]
fn a_shipment_in_a_pages_last_place_is_received_or_cancelled() {
	run(|| {
		register_all();
		for (lot, cancel) in [(&b"L1"[..], false), (&b"L2"[..], true)] {
			let batch = commission(lot);
			for _ in 2..MAX_EVENTS {
				assert_ok!(record(PRODUCER, batch, BizStep::Storing));
			}
			assert_eq!(Batches::<Test>::get(batch).unwrap().events, MAX_EVENTS - 1);
			// The page's last place.
			let shipping = ship(PRODUCER, batch, CARRIER);
			// An inspector's reading of the goods in transit takes no place the shipment
			// needs.
			assert_ok!(record(INSPECTOR, batch, BizStep::SensorReporting));
			if cancel {
				assert_ok!(correct(PRODUCER, shipping));
				assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Held);
				let again = ship(PRODUCER, batch, WAREHOUSE);
				receive(WAREHOUSE, batch, again);
				assert_eq!(custodian(batch), WAREHOUSE);
			} else {
				receive(CARRIER, batch, shipping);
				assert_eq!(custodian(batch), CARRIER);
			}
			assert_eq!(whole_history(batch)[MAX_EVENTS as usize - 1], shipping);
		}
	});
}

/// A cold chain: the custodian reports a sensor reading after reading, far beyond a page, and
/// the batch still ships, is received, is shipped against an order and found from it; its
/// whole history reads back page by page.
#[test]
fn a_long_stream_of_sensor_reports_never_blocks_the_batch() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let mut reading = details();
		reading.readings =
			vec![crate::SensorReading { kind: crate::SensorKind::Temperature, value: 4_000 }]
				.try_into()
				.unwrap();
		let reports = 3 * MAX_EVENTS + 1;
		for _ in 0..reports {
			assert_ok!(Provenance::record(
				RuntimeOrigin::signed(PRODUCER),
				batch,
				BizStep::SensorReporting,
				reading.clone()
			));
		}
		let shipping = ship(PRODUCER, batch, RETAILER);
		receive(RETAILER, batch, shipping);
		for _ in 0..MAX_EVENTS {
			assert_ok!(record(RETAILER, batch, BizStep::SensorReporting));
		}
		let sale = next_event();
		assert_ok!(Provenance::ship(
			RuntimeOrigin::signed(RETAILER),
			batch,
			BUYER,
			Some(ORDER),
			details()
		));
		assert_ok!(Provenance::receive(RuntimeOrigin::signed(BUYER), batch, sale, details()));
		assert_eq!(custodian(batch), BUYER);
		let events = 1 + reports + 2 + MAX_EVENTS + 2;
		assert_eq!(Batches::<Test>::get(batch).unwrap().events, events);
		let ids = whole_history(batch);
		assert_eq!(ids.len() as u32, events);
		assert!(ids.windows(2).all(|w| w[0] < w[1]), "oldest first");
		assert_eq!(Provenance::orders_of_batch(batch), vec![ORDER]);
		assert_eq!(Provenance::batches_of_order(ORDER), vec![batch]);
	});
}

/// An inspector (perhaps the custodian's accomplice) takes its whole share of a page so that
/// another inspector's finding cannot be recorded: each party's share is its own.
#[test]
fn one_inspector_cannot_crowd_out_another() {
	run(|| {
		register_all();
		register(OUTSIDER, Roles::INSPECTOR);
		let batch = commission(b"L1");
		for _ in 0..MAX_EVENTS / 2 {
			assert_ok!(record(INSPECTOR, batch, BizStep::Inspecting));
		}
		assert_noop!(
			record(INSPECTOR, batch, BizStep::Inspecting),
			Error::<Test>::ObservationsFull
		);
		assert_ok!(record(OUTSIDER, batch, BizStep::Inspecting));
		assert_eq!(Batches::<Test>::get(batch).unwrap().observations, MAX_EVENTS / 2 + 1);
		let shipping = ship(PRODUCER, batch, CARRIER);
		receive(CARRIER, batch, shipping);
	});
}

/// The last place a history can number (`u32::MAX` events: never reached in practice) is
/// kept for the completion of a pending shipment: a shipment needs it free, and nothing else
/// takes it while the goods are in transit. The history is faked to be that long, so this is
/// the one test that cannot end with `try_state`.
#[test]
fn a_pending_shipment_keeps_its_completions_place() {
	new_test_ext().execute_with(|| {
		register_all();
		let batch = commission(b"L1");
		let set_events =
			|events: u32| Batches::<Test>::mutate(batch, |b| b.as_mut().unwrap().events = events);
		// One place left: no room for a shipment and its completion.
		set_events(u32::MAX - 1);
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), batch, CARRIER, None, details()),
			Error::<Test>::HistoryFull
		);
		// Two places left: the shipment takes one, and the other is its completion's.
		set_events(u32::MAX - 2);
		let shipping = ship(PRODUCER, batch, CARRIER);
		assert_noop!(record(INSPECTOR, batch, BizStep::Inspecting), Error::<Test>::HistoryFull);
		assert_noop!(record(PRODUCER, batch, BizStep::Storing), Error::<Test>::InTransit);
		receive(CARRIER, batch, shipping);
		assert_eq!(custodian(batch), CARRIER);
		// Or cancelled, in the same place.
		let batch = commission(b"L2");
		Batches::<Test>::mutate(batch, |b| b.as_mut().unwrap().events = u32::MAX - 2);
		let shipping = ship(PRODUCER, batch, CARRIER);
		assert_ok!(correct(PRODUCER, shipping));
		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Held);
		assert_eq!(Batches::<Test>::get(batch).unwrap().events, u32::MAX);
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
