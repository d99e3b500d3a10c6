use super::*;
use crate::Error;
use commerce_primitives::Escrow as _;
use frame_support::assert_noop;

fn hold_of(order: OrderId, buyer: AccountId, amount: Balance) -> sp_runtime::DispatchResult {
	<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(order, &buyer, &VENDOR, CMRC, amount)
}

#[test]
fn puts_the_payment_on_hold_on_the_buyers_account() {
	run(|| {
		let issuance = total_issuance();
		hold(1);
		assert_eq!(escrow_held(BUYER), AMOUNT);
		assert_eq!(free(BUYER), INITIAL - AMOUNT);
		assert_eq!(Escrow::escrowed(1), Some(AMOUNT));
		assert_eq!(
			last_event(),
			Event::Held { currency: CMRC, order: 1, buyer: BUYER, vendor: VENDOR, amount: AMOUNT }
		);
		hold(2);
		assert_eq!(escrow_held(BUYER), 2 * AMOUNT, "holds of one buyer add up");
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn rejects_zero_duplicates_and_unaffordable_amounts() {
	run(|| {
		assert_noop!(hold_of(1, BUYER, 0), Error::<Test>::ZeroAmount);
		hold(1);
		assert_noop!(hold_of(1, OTHER, AMOUNT), Error::<Test>::AlreadyEscrowed);
		assert_noop!(hold_of(2, BUYER, INITIAL), Error::<Test>::InsufficientBalance);
		assert_noop!(hold_of(2, NOBODY, 1), Error::<Test>::InsufficientBalance);
	});
}
