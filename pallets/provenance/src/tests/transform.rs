use super::*;
use crate::{gs1::BatchKey, BatchStatus, BizStep, EventKind};
use frame_support::assert_noop;

#[test]
fn a_producer_makes_a_batch_from_inputs_it_holds() {
	run(|| {
		register_all();
		let a = commission(b"A");
		let b = commission(b"B");
		let event = next_event();
		assert_ok!(Provenance::transform(
			RuntimeOrigin::signed(PRODUCER),
			vec![a, b].try_into().unwrap(),
			bounded::<14>(OTHER_GTIN),
			bounded::<20>(b"MIX-1"),
			None,
			details()
		));
		let output = 2;
		assert_eq!(
			Provenance::batch_by_key(&BatchKey::parse(OTHER_GTIN, b"MIX-1", None).unwrap())
				.unwrap()
				.0,
			output
		);
		let stored = Events::<Test>::get(event).unwrap();
		assert_eq!(
			stored.kind,
			EventKind::Transform { inputs: vec![a, b].try_into().unwrap(), output }
		);
		assert_eq!(stored.biz_step, BizStep::Commissioning);
		for batch in [a, b, output] {
			assert_eq!(
				History::<Test>::get(batch, Batches::<Test>::get(batch).unwrap().events - 1),
				Some(event)
			);
		}
		for input in [a, b] {
			assert_eq!(Batches::<Test>::get(input).unwrap().status, BatchStatus::Consumed);
		}
		// A consumed batch's history is closed.
		assert_noop!(
			Provenance::ship(RuntimeOrigin::signed(PRODUCER), a, CARRIER, None, details()),
			Error::<Test>::Consumed
		);
		assert_noop!(
			Provenance::record(RuntimeOrigin::signed(INSPECTOR), a, BizStep::Inspecting, details()),
			Error::<Test>::Consumed
		);
	});
}

#[test]
fn a_transformation_needs_custody_the_producer_role_and_room_for_its_output() {
	run(|| {
		register_all();
		let a = commission(b"A");
		let transform = |who, inputs: Vec<BatchId>| {
			Provenance::transform(
				RuntimeOrigin::signed(who),
				inputs.try_into().unwrap(),
				bounded::<14>(GTIN),
				bounded::<20>(b"OUT"),
				None,
				details(),
			)
		};
		assert_noop!(transform(CARRIER, vec![a]), Error::<Test>::RoleNotAllowed);
		assert_noop!(transform(SCOPED, vec![a]), Error::<Test>::NotCustodian);
		let all: Vec<BatchId> =
			(0..MAX_INPUTS).map(|i| commission(format!("X{i}").as_bytes())).collect();
		assert_noop!(transform(PRODUCER, all), Error::<Test>::TooManyInputs);
		// The output's key must be new.
		assert_noop!(
			Provenance::transform(
				RuntimeOrigin::signed(PRODUCER),
				vec![a].try_into().unwrap(),
				bounded::<14>(GTIN),
				bounded::<20>(b"A"),
				None,
				details()
			),
			Error::<Test>::BatchExists
		);
	});
}
