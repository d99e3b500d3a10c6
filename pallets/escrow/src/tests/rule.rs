use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn the_council_rules_a_split() {
	run(|| {
		set_fee(10);
		disputed(1);
		let issuance = total_issuance();
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 1, 600));
		assert_eq!(free(BUYER), INITIAL - AMOUNT + 600);
		assert_eq!(free(VENDOR), INITIAL + 360);
		assert_eq!(free(FEE_ACCOUNT), INITIAL + 40);
		assert!(Disputes::<Test>::get(1).is_none());
		assert!(Escrows::<Test>::get(1).is_none());
		assert_eq!(MockSettled::get(1), Some(600));
		// The orders pallet learns that an arbiter ruled (vendor KPIs tell rulings apart).
		assert_eq!(MockRuled::get(1), Some(true));
		let events = events();
		assert!(events.contains(&Event::DisputeRuled { order: 1, arbiter: None, to_buyer: 600 }));
		assert_eq!(
			events.last(),
			Some(&Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: 600,
				to_vendor: 360,
				fee: 40,
				unclaimed: 0
			})
		);
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn an_individual_arbiter_who_is_not_a_party_rules() {
	run(|| {
		disputed(1);
		assert_ok!(Escrow::rule(RuntimeOrigin::signed(ARBITER), 1, AMOUNT));
		assert_eq!(free(BUYER), INITIAL);
		assert!(events().contains(&Event::DisputeRuled {
			order: 1,
			arbiter: Some(ARBITER),
			to_buyer: AMOUNT
		}));
	});
}

#[test]
fn a_party_cannot_arbitrate_its_own_dispute() {
	run(|| {
		// VENDOR is an arbiter, but the vendor of this order.
		disputed(1);
		assert_noop!(
			Escrow::rule(RuntimeOrigin::signed(VENDOR), 1, 0),
			Error::<Test>::PartyCannotArbitrate
		);
	});
}

#[test]
fn rejects_other_origins_bad_splits_and_second_rulings() {
	run(|| {
		disputed(1);
		assert_noop!(Escrow::rule(RuntimeOrigin::signed(OTHER), 1, 0), DispatchError::BadOrigin);
		assert_noop!(
			Escrow::rule(RuntimeOrigin::root(), 1, AMOUNT + 1),
			Error::<Test>::InvalidSplit
		);
		assert_noop!(Escrow::rule(RuntimeOrigin::root(), 2, 0), Error::<Test>::DisputeNotFound);
		assert_ok!(Escrow::rule(RuntimeOrigin::root(), 1, 0));
		assert_noop!(Escrow::rule(RuntimeOrigin::root(), 1, 0), Error::<Test>::DisputeNotFound);
		assert_eq!(free(VENDOR), INITIAL + AMOUNT);
	});
}

#[test]
fn an_undisputed_escrow_cannot_be_ruled() {
	run(|| {
		shipped(1);
		assert_noop!(Escrow::rule(RuntimeOrigin::root(), 1, 0), Error::<Test>::DisputeNotFound);
	});
}
