use super::*;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn governance_registers_and_revokes_attesters() {
	run(|| {
		register(PRODUCER, Roles::PRODUCER);
		assert_eq!(Attesters::<Test>::get(PRODUCER).unwrap().roles, Roles::PRODUCER);
		assert_ok!(Provenance::revoke_attester(RuntimeOrigin::signed(GOVERNANCE), PRODUCER));
		assert!(Attesters::<Test>::get(PRODUCER).is_none());
		assert_noop!(
			Provenance::revoke_attester(RuntimeOrigin::signed(GOVERNANCE), PRODUCER),
			Error::<Test>::NotAttester
		);
	});
}

#[test]
fn only_governance_registers() {
	run(|| {
		assert_noop!(
			Provenance::register_attester(
				RuntimeOrigin::signed(PRODUCER),
				PRODUCER,
				Roles::ALL,
				BoundedVec::new(),
				1_000
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Provenance::revoke_attester(RuntimeOrigin::signed(PRODUCER), PRODUCER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn bad_scopes_are_refused() {
	run(|| {
		let origin = || RuntimeOrigin::signed(GOVERNANCE);
		for (roles, error) in
			[(Roles(0), Error::<Test>::BadRoles), (Roles(1 << 5), Error::<Test>::BadRoles)]
		{
			assert_noop!(
				Provenance::register_attester(origin(), PRODUCER, roles, BoundedVec::new(), 1_000),
				error
			);
		}
		for prefix in [&b"12345"[..], b"1234567890123", b"40063A1"] {
			assert_noop!(
				Provenance::register_attester(
					origin(),
					PRODUCER,
					Roles::PRODUCER,
					vec![prefix.to_vec().try_into().unwrap_or_default()].try_into().unwrap(),
					1_000
				),
				Error::<Test>::BadCompanyPrefix
			);
		}
		assert_noop!(
			Provenance::register_attester(
				origin(),
				PRODUCER,
				Roles::PRODUCER,
				BoundedVec::new(),
				1
			),
			Error::<Test>::ExpiryInPast
		);
	});
}

#[test]
fn an_expired_or_revoked_attester_is_refused() {
	run(|| {
		assert_ok!(Provenance::register_attester(
			RuntimeOrigin::signed(GOVERNANCE),
			PRODUCER,
			Roles::PRODUCER,
			BoundedVec::new(),
			5
		));
		System::set_block_number(5);
		assert_noop!(
			Provenance::commission(
				RuntimeOrigin::signed(PRODUCER),
				bounded::<14>(GTIN),
				bounded::<20>(b"L1"),
				None,
				details()
			),
			Error::<Test>::AttesterExpired
		);
		register(PRODUCER, Roles::PRODUCER);
		let batch = commission(b"L1");
		assert_ok!(Provenance::revoke_attester(RuntimeOrigin::signed(GOVERNANCE), PRODUCER));
		// Its events stay; it can no longer add any.
		assert_eq!(Batches::<Test>::get(batch).unwrap().events, 1);
		assert_noop!(
			Provenance::record(
				RuntimeOrigin::signed(PRODUCER),
				batch,
				crate::BizStep::Storing,
				details()
			),
			Error::<Test>::NotAttester
		);
	});
}
