use super::*;
use crate::{gs1::BatchKey, BatchStatus, BizStep, EventKind};
use frame_support::assert_noop;

#[test]
fn a_producer_commissions_a_batch_and_holds_it() {
	run(|| {
		register_all();
		let batch = commission(b"LOT-1");
		let stored = Batches::<Test>::get(batch).unwrap();
		assert_eq!(stored.custodian, PRODUCER);
		assert_eq!(stored.status, BatchStatus::Held);
		assert_eq!(stored.events, 1);
		let key = BatchKey::parse(GTIN, b"LOT-1", None).unwrap();
		assert_eq!(BatchByKey::<Test>::get(&key), Some(batch));
		let event = Events::<Test>::get(History::<Test>::get(batch, 0).unwrap()).unwrap();
		assert_eq!(event.kind, EventKind::Commission);
		assert_eq!(event.biz_step, BizStep::Commissioning);
		assert_eq!(event.attester, PRODUCER);
		assert_eq!(batch_hold(PRODUCER), BATCH_DEPOSIT);
		// One event on one batch: the event and one history entry.
		assert_eq!(event_hold(PRODUCER), 2 * EVENT_DEPOSIT_BASE);
	});
}

#[test]
fn bad_gs1_keys_get_clear_errors_and_change_nothing() {
	run(|| {
		register_all();
		let try_key = |gtin: &[u8], lot: &[u8], serial: Option<&[u8]>| {
			Provenance::commission(
				RuntimeOrigin::signed(PRODUCER),
				bounded::<14>(gtin),
				lot.to_vec().try_into().unwrap_or_default(),
				serial.map(|s| s.to_vec().try_into().unwrap()),
				details(),
			)
		};
		assert_noop!(try_key(b"4006381333932", b"L", None), Error::<Test>::BadCheckDigit);
		assert_noop!(try_key(b"40063813339", b"L", None), Error::<Test>::GtinBadLength);
		assert_noop!(try_key(b"400638133393X", b"L", None), Error::<Test>::NotDigits);
		assert_noop!(try_key(GTIN, b"", None), Error::<Test>::BadLotLength);
		assert_noop!(try_key(GTIN, b"LOT 1", None), Error::<Test>::BadLotCharacter);
		assert_noop!(try_key(GTIN, b"L", Some(b"S#1")), Error::<Test>::BadLotCharacter);
	});
}

#[test]
fn a_key_is_commissioned_once_but_serials_are_their_own_keys() {
	run(|| {
		register_all();
		commission(b"LOT-1");
		assert_noop!(
			Provenance::commission(
				RuntimeOrigin::signed(PRODUCER),
				bounded::<14>(b"04006381333931"),
				bounded::<20>(b"LOT-1"),
				None,
				details()
			),
			Error::<Test>::BatchExists
		);
		assert_ok!(Provenance::commission(
			RuntimeOrigin::signed(PRODUCER),
			bounded::<14>(GTIN),
			bounded::<20>(b"LOT-1"),
			Some(bounded::<20>(b"0001")),
			details()
		));
	});
}

#[test]
fn only_producers_in_scope_commission() {
	run(|| {
		register_all();
		let commission_as = |who, gtin: &[u8]| {
			Provenance::commission(
				RuntimeOrigin::signed(who),
				bounded::<14>(gtin),
				bounded::<20>(b"L"),
				None,
				details(),
			)
		};
		assert_noop!(commission_as(OUTSIDER, GTIN), Error::<Test>::NotAttester);
		assert_noop!(commission_as(CARRIER, GTIN), Error::<Test>::RoleNotAllowed);
		assert_noop!(commission_as(SCOPED, OTHER_GTIN), Error::<Test>::OutsideScope);
		assert_ok!(commission_as(SCOPED, GTIN));
	});
}

#[test]
fn events_dated_in_the_future_or_with_bad_glns_are_refused() {
	run(|| {
		register_all();
		let mut late = details();
		late.event_time = NOW_MS + DRIFT_MS + 1;
		let commission_with = |details| {
			Provenance::commission(
				RuntimeOrigin::signed(PRODUCER),
				bounded::<14>(GTIN),
				bounded::<20>(b"L"),
				None,
				details,
			)
		};
		assert_noop!(commission_with(late.clone()), Error::<Test>::EventInFuture);
		late.event_time = NOW_MS + DRIFT_MS;
		let mut bad_gln = late.clone();
		bad_gln.biz_location = Some(crate::gs1::Gln(*b"9501101020918"));
		assert_noop!(commission_with(bad_gln), Error::<Test>::BadCheckDigit);
		assert_ok!(commission_with(late));
	});
}

#[test]
fn a_producer_that_cannot_pay_the_deposits_commissions_nothing() {
	run(|| {
		register_all();
		// Leave the producer less than the batch and event deposits above the minimum.
		let spare = Balances::free_balance(PRODUCER) - ED - BATCH_DEPOSIT;
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::burn_from(
			&PRODUCER,
			spare,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		assert!(Provenance::commission(
			RuntimeOrigin::signed(PRODUCER),
			bounded::<14>(GTIN),
			bounded::<20>(b"L"),
			None,
			details()
		)
		.is_err());
		assert_eq!(NextBatchId::<Test>::get(), 0);
		assert_eq!(batch_hold(PRODUCER), 0);
	});
}
