use super::*;
use crate::{BizStep, SensorKind, SensorReading};
use frame_support::assert_noop;

#[test]
fn the_custodian_stores_and_an_inspector_inspects() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		assert_ok!(Provenance::record(
			RuntimeOrigin::signed(PRODUCER),
			batch,
			BizStep::Storing,
			details()
		));
		let mut reading = details();
		reading.readings =
			vec![SensorReading { kind: SensorKind::Temperature, value: 4_500 }].try_into().unwrap();
		reading.documents = vec![[7u8; 32]].try_into().unwrap();
		assert_ok!(Provenance::record(
			RuntimeOrigin::signed(INSPECTOR),
			batch,
			BizStep::Inspecting,
			reading.clone()
		));
		let stored = Batches::<Test>::get(batch).unwrap();
		assert_eq!((stored.events, stored.observations), (3, 1));
		let event = Events::<Test>::get(History::<Test>::get(batch, 2).unwrap()).unwrap();
		assert_eq!(event.details, reading);
		assert_eq!(event.attester, INSPECTOR);
	});
}

#[test]
fn who_may_record_what() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let record =
			|who, step| Provenance::record(RuntimeOrigin::signed(who), batch, step, details());
		// Storing is the custodian's.
		assert_noop!(record(WAREHOUSE, BizStep::Storing), Error::<Test>::NotCustodian);
		// An inspection by a non-custodian needs the inspector role.
		assert_noop!(record(CARRIER, BizStep::Inspecting), Error::<Test>::RoleNotAllowed);
		assert_noop!(record(OUTSIDER, BizStep::SensorReporting), Error::<Test>::NotAttester);
		// Custody steps have their own calls.
		for step in
			[BizStep::Shipping, BizStep::Receiving, BizStep::Commissioning, BizStep::Packing]
		{
			assert_noop!(record(PRODUCER, step), Error::<Test>::WrongBizStep);
		}
		// The custodian may inspect its own goods.
		assert_ok!(record(PRODUCER, BizStep::Inspecting));
	});
}

#[test]
fn an_inspector_scoped_to_other_goods_is_refused() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		assert_ok!(Provenance::register_attester(
			RuntimeOrigin::signed(GOVERNANCE),
			INSPECTOR,
			Roles::INSPECTOR,
			vec![bounded::<12>(b"950600")].try_into().unwrap(),
			1_000
		));
		assert_noop!(
			Provenance::record(
				RuntimeOrigin::signed(INSPECTOR),
				batch,
				BizStep::Inspecting,
				details()
			),
			Error::<Test>::OutsideScope
		);
	});
}
