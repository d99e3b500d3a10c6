use super::*;
use crate::Error;
use commerce_primitives::OrderDisputes;
use frame_support::assert_noop;

fn refund(id: OrderId, amount: Balance) -> sp_runtime::DispatchResult {
	Orders::refund_order(RuntimeOrigin::signed(VENDOR), id, amount).map(|_| ()).map_err(|e| e.error)
}

#[test]
fn a_full_refund_before_shipment_restocks() {
	run(|| {
		let listing = list();
		let id = order(BUYER, listing, 2);
		assert_ok!(refund(id, 2 * PRICE));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(stock(listing), (STOCK, 0));
		assert_eq!(closed(id), Some((Outcome::Refunded, 2 * PRICE, 2)));
	});
}

/// The exploit: `ship_order` then `refund_order(order, 1)` used to pay the vendor the whole rest
/// at once, skipping the confirm window and any dispute. A partial refund now only returns money
/// to the buyer.
#[test]
fn a_partial_refund_pays_the_vendor_nothing_and_keeps_the_rest_escrowed() {
	run(|| {
		let (_, id) = shipped_order();
		let vendor_before = free(VENDOR);
		let before = OrdersStorage::<Test>::get(id).unwrap();
		assert_ok!(refund(id, 1));
		assert_eq!(free(VENDOR), vendor_before);
		assert_eq!(free(BUYER), INITIAL - 2 * PRICE + 1 - on_hold(BUYER));
		assert_eq!(MockEscrow::escrowed(id), Some(2 * PRICE - 1));
		let after = OrdersStorage::<Test>::get(id).unwrap();
		assert_eq!(after.state, before.state);
		assert_eq!(after.deadline, before.deadline);
		assert_eq!(after.refunded, 1);
		assert_eq!(closed(id), None);
		assert_eq!(
			last_event(),
			Event::OrderPartiallyRefunded {
				order: id,
				amount: 1,
				refunded: 1,
				remaining: 2 * PRICE - 1
			}
		);
	});
}

#[test]
fn after_a_partial_refund_the_buyer_can_still_dispute() {
	run(|| {
		let (_, id) = shipped_order();
		// As in one `batch_all([ship_order, refund_order])`: same block, back to back.
		assert_ok!(refund(id, 1));
		assert_ok!(<Orders as OrderDisputes<_, _>>::open_dispute(id, &BUYER));
		assert_eq!(state(id), Some(OrderState::Disputed));
		// The ruling divides what is left; the order reports both refunds.
		let received = MockEscrow::settle(id, 50).unwrap();
		<Orders as OrderDisputes<_, _>>::dispute_settled(id, received, true);
		assert_eq!(closed(id), Some((Outcome::DisputeSettled, 51, 0)));
		assert_eq!(free(BUYER), INITIAL - 2 * PRICE + 51);
	});
}

#[test]
fn after_a_partial_refund_the_buyer_can_still_confirm_and_the_vendor_gets_the_rest() {
	run(|| {
		let (_, id) = shipped_order();
		let vendor_before = free(VENDOR);
		assert_ok!(refund(id, 30));
		assert_ok!(Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(free(VENDOR), vendor_before + 2 * PRICE - 30);
		assert_eq!(closed(id), Some((Outcome::Completed, 30, 0)));
	});
}

#[test]
fn after_a_partial_refund_the_order_still_times_out() {
	run(|| {
		let (_, id) = shipped_order();
		let vendor_before = free(VENDOR);
		assert_ok!(refund(id, 30));
		let deadline = OrdersStorage::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline);
		assert_eq!(closed(id), Some((Outcome::Completed, 30, 0)));
		assert_eq!(free(VENDOR), vendor_before + 2 * PRICE - 30);
	});
}

#[test]
fn partial_refunds_adding_up_to_the_price_end_the_order_as_refunded() {
	run(|| {
		let (_, id) = shipped_order();
		let vendor_before = free(VENDOR);
		assert_ok!(refund(id, 50));
		assert_ok!(refund(id, 100));
		// More than what is left is refused and changes nothing.
		assert_noop!(refund(id, 51), Error::<Test>::InvalidRefund);
		assert_ok!(refund(id, 50));
		assert_eq!(closed(id), Some((Outcome::Refunded, 2 * PRICE, 0)));
		assert_eq!(free(BUYER), INITIAL);
		assert_eq!(free(VENDOR), vendor_before);
		assert_eq!(MockEscrow::escrowed(id), None);
	});
}

#[test]
fn rejects_bad_amounts_callers_and_states() {
	run(|| {
		let listing = list();
		let paid = order(BUYER, listing, 2);
		assert_noop!(refund(paid, PRICE), Error::<Test>::PartialRefundBeforeShipment);
		assert_noop!(refund(paid, 0), Error::<Test>::InvalidRefund);
		assert_noop!(refund(paid, 2 * PRICE + 1), Error::<Test>::InvalidRefund);
		assert_noop!(refund(paid, Balance::MAX), Error::<Test>::InvalidRefund);
		assert_noop!(
			Orders::refund_order(RuntimeOrigin::signed(BUYER), paid, 2 * PRICE),
			Error::<Test>::NotTheVendor
		);
		assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), paid, TRACKING));
		assert_ok!(<Orders as OrderDisputes<_, _>>::open_dispute(paid, &BUYER));
		assert_noop!(refund(paid, 1), Error::<Test>::InvalidState);
	});
}

#[test]
fn no_release_after_a_refund() {
	run(|| {
		let (_, id) = shipped_order();
		assert_ok!(refund(id, 2 * PRICE));
		assert_noop!(
			Orders::confirm_delivery(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::OrderNotFound
		);
		assert_noop!(refund(id, 2 * PRICE), Error::<Test>::OrderNotFound);
		assert_eq!(free(BUYER), INITIAL);
	});
}
