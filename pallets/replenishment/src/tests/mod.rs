//! Tests, one module per extrinsic; `replenisher` for the reorder rule at work, `attacks` for
//! what a vendor or a supplier might try.

mod accept_purchase_order;
mod attacks;
mod cancel_purchase_order;
mod create_purchase_order;
mod decline_purchase_order;
mod dispute_purchase_order;
mod process_overdue;
mod queries;
mod quote;
mod receive_purchase_order;
mod remove_reorder_rule;
mod replenisher;
mod rule_purchase_order;
mod set_reorder_rule;
mod ship_purchase_order;

pub use crate::{
	mock::*, Error, Event, HoldReason, PoOutcome, PoState, PurchaseOrderId, PurchaseOrders,
	ReorderProblem, ReorderRules, Suppliers,
};
pub use frame_support::{assert_noop, assert_ok};
use frame_support::{
	traits::{fungibles::InspectHold, Hooks},
	weights::Weight,
};

pub const PRICE: Balance = 10;
pub const SHIP_WINDOW: u64 = 10;

pub fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Free balance of `who` in `currency`.
pub fn free(who: AccountId, currency: Currency) -> Balance {
	use frame_support::traits::fungibles::Inspect;
	NativeAndAssets::balance(currency, &who)
}

/// What `who` holds for purchase orders in `currency`.
pub fn held(who: AccountId, currency: Currency) -> Balance {
	NativeAndAssets::balance_on_hold(currency, &HoldReason::PurchaseOrder.into(), &who)
}

/// What `who` holds as deposits.
pub fn deposits(who: AccountId) -> Balance {
	NativeAndAssets::balance_on_hold(CMRC, &HoldReason::Deposit.into(), &who)
}

/// Total issuance of `currency`.
pub fn issuance(currency: Currency) -> Balance {
	use frame_support::traits::fungibles::Inspect;
	NativeAndAssets::total_issuance(currency)
}

/// The pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Replenishment(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an event")
}

/// A purchase order from [`VENDOR`] to [`SUPPLIER`] for [`LISTING`] in `currency`.
pub fn raise_in(currency: Currency, quantity: u32, unit_price: Balance) -> PurchaseOrderId {
	let id = crate::NextPurchaseOrderId::<Test>::get();
	assert_ok!(Replenishment::create_purchase_order(
		origin(VENDOR),
		SUPPLIER,
		LISTING,
		currency,
		quantity,
		unit_price,
		SHIP_WINDOW
	));
	id
}

/// A purchase order in CMRC at [`PRICE`].
pub fn raise(quantity: u32) -> PurchaseOrderId {
	raise_in(CMRC, quantity, PRICE)
}

/// A purchase order the supplier accepted.
pub fn accepted(quantity: u32) -> PurchaseOrderId {
	let id = raise(quantity);
	assert_ok!(Replenishment::accept_purchase_order(origin(SUPPLIER), id));
	id
}

/// The reorder rule of [`LISTING`]: [`SUPPLIER`], CMRC, quoted at [`PRICE`].
pub fn rule(point: u32, quantity: u32) {
	assert_ok!(Replenishment::set_reorder_rule(
		origin(VENDOR),
		LISTING,
		SUPPLIER,
		CMRC,
		point,
		quantity,
		2 * PRICE,
		SHIP_WINDOW
	));
	assert_ok!(Replenishment::quote(origin(SUPPLIER), LISTING, Some(PRICE)));
}

pub fn po(id: PurchaseOrderId) -> crate::PurchaseOrderOf<Test> {
	PurchaseOrders::<Test>::get(id).expect("open")
}

/// Go to block `n`, running `on_idle` with a whole block's weight in each block on the way.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Replenishment::on_idle(next, Weight::MAX);
	}
}
