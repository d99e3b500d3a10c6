//! Unit tests of the escrow pallet, one module per call or trait function. Every test ends by
//! checking the pallet's invariants (`mock::run`).

mod claim_payout;
mod currencies;
mod forfeit_payout;
mod hold;
mod migrations;
mod on_idle;
mod open_dispute;
mod refund;
mod release;
mod resolve_overdue_dispute;
mod rule;
mod set_fee;
mod settle;
mod submit_evidence;

pub use crate::{mock::*, Disputes, Escrows, Event, HoldReason, MarketplaceFee};
pub use commerce_primitives::{Escrow as _, OrderId};
use frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};

pub const AMOUNT: Balance = 1_000;
pub const EVIDENCE: [u8; 32] = [9; 32];

pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Escrow(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an escrow event")
}

/// Escrow [`AMOUNT`] of `BUYER`'s funds for `order`, payable to `VENDOR`.
pub fn hold(order: OrderId) {
	assert_ok!(<Escrow as commerce_primitives::Escrow<_, _, _>>::hold(
		order, &BUYER, &VENDOR, CMRC, AMOUNT
	));
}

/// An escrowed order the mock orders pallet considers shipped (disputable).
pub fn shipped(order: OrderId) {
	hold(order);
	MockOrderStates::insert(order, 1);
}

/// An escrowed, shipped order disputed by the buyer.
pub fn disputed(order: OrderId) {
	shipped(order);
	assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), order, EVIDENCE));
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn escrow_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Escrow(HoldReason::Escrow), &who)
}

pub fn total_issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_issuance()
}

pub fn set_fee(percent: u32) {
	assert_ok!(Escrow::set_fee(RuntimeOrigin::root(), sp_runtime::Perbill::from_percent(percent)));
}

/// Go to block `n`, running `on_idle` with unlimited weight on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Escrow::on_idle(next, Weight::MAX);
	}
}
