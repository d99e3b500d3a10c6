use super::*;
use crate::{gs1::Sscc, EventKind};
use frame_support::assert_noop;

const SSCC: &[u8] = b"106141411234567897";

#[test]
fn the_custodian_packs_batches_into_a_shipment() {
	run(|| {
		register_all();
		let a = commission(b"A");
		let b = commission(b"B");
		let held_before = event_hold(PRODUCER);
		let event = next_event();
		assert_ok!(Provenance::aggregate(
			RuntimeOrigin::signed(PRODUCER),
			bounded::<18>(SSCC),
			vec![a, b].try_into().unwrap(),
			details()
		));
		for batch in [a, b] {
			assert_eq!(History::<Test>::get(batch, 1), Some(event));
		}
		let stored = Events::<Test>::get(event).unwrap();
		assert_eq!(
			stored.kind,
			EventKind::Aggregate {
				parent: Sscc::parse(SSCC).unwrap(),
				children: vec![a, b].try_into().unwrap()
			}
		);
		// One record and two history entries.
		assert_eq!(event_hold(PRODUCER) - held_before, 3 * EVENT_DEPOSIT_BASE);
	});
}

#[test]
fn packing_needs_custody_of_every_batch_named_once() {
	run(|| {
		register_all();
		let a = commission(b"A");
		let b = commission(b"B");
		let shipping = ship(PRODUCER, b, CARRIER);
		receive(CARRIER, b, shipping);
		let pack = |who, children: Vec<BatchId>, sscc: &[u8]| {
			Provenance::aggregate(
				RuntimeOrigin::signed(who),
				bounded::<18>(sscc),
				children.try_into().unwrap(),
				details(),
			)
		};
		assert_noop!(pack(PRODUCER, vec![a, b], SSCC), Error::<Test>::NotCustodian);
		assert_noop!(pack(PRODUCER, vec![a, a], SSCC), Error::<Test>::DuplicateBatch);
		assert_noop!(pack(PRODUCER, vec![], SSCC), Error::<Test>::NoBatches);
		assert_noop!(pack(PRODUCER, vec![a], b"106141411234567898"), Error::<Test>::BadCheckDigit);
		assert_ok!(pack(PRODUCER, vec![a], SSCC));
	});
}
