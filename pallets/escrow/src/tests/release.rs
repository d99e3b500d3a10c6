use super::*;
use crate::Error;
use commerce_primitives::Escrow as _;
use frame_support::assert_noop;

#[test]
fn pays_the_vendor_less_the_fee_exactly_once() {
	run(|| {
		set_fee(2);
		hold(1);
		let issuance = total_issuance();
		assert_ok!(Escrow::release(1));
		assert_eq!(free(VENDOR), INITIAL + AMOUNT - 20);
		assert_eq!(free(FEE_ACCOUNT), INITIAL + 20);
		assert_eq!(free(BUYER), INITIAL - AMOUNT);
		assert_eq!(escrow_held(BUYER), 0);
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: 0,
				to_vendor: AMOUNT - 20,
				fee: 20,
				unclaimed: 0
			}
		);
		assert_eq!(total_issuance(), issuance);
		assert_noop!(Escrow::release(1), Error::<Test>::EscrowNotFound);
		assert_noop!(Escrow::settle(1, AMOUNT), Error::<Test>::EscrowNotFound);
	});
}

#[test]
fn the_fee_never_exceeds_the_price() {
	run(|| {
		set_fee(10);
		assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
			1, &BUYER, &VENDOR, CMRC, 9
		));
		assert_ok!(Escrow::release(1));
		// 10% of 9 rounds down to 0: a small price is not eaten by the fee.
		assert_eq!(
			last_event(),
			Event::Settled {
				order: 1,
				currency: CMRC,
				to_buyer: 0,
				to_vendor: 9,
				fee: 0,
				unclaimed: 0
			}
		);
	});
}
