//! Unit tests of the orders pallet, one module per call. Every test ends by checking the
//! pallet's invariants (`mock::run`).

mod attest_delivery;
mod cancel_order;
mod confirm_delivery;
mod create_listing;
mod currencies;
mod delist;
mod disputes;
mod migrations;
mod observer;
mod on_idle;
mod place_order;
mod place_sealed_order;
mod process_overdue;
mod queries;
mod refund_order;
mod set_min_confirm_window;
mod ship_order;
mod update_listing;

pub use crate::{mock::*, Event, Listings, OrderState, Orders as OrdersStorage};
pub use commerce_primitives::Escrow;
use commerce_primitives::{ListingId, OrderId, Outcome};
use frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};

pub const PRICE: Balance = 100;
pub const STOCK: u32 = 10;
pub const SHIP_WINDOW: u64 = 10;
pub const CONFIRM_WINDOW: u64 = 20;
pub const TRACKING: [u8; 32] = [7; 32];

pub fn metadata() -> Vec<u8> {
	b"ipfs://bafy-product-sheet".to_vec()
}

/// The events the orders pallet emitted so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Orders(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("an orders event")
}

/// `VENDOR` lists [`STOCK`] units at [`PRICE`].
pub fn list() -> ListingId {
	list_with_stock(STOCK)
}

pub fn list_with_stock(stock: u32) -> ListingId {
	assert_ok!(Orders::create_listing(
		RuntimeOrigin::signed(VENDOR),
		CMRC,
		PRICE,
		stock,
		metadata(),
		SHIP_WINDOW,
		CONFIRM_WINDOW
	));
	crate::NextListingId::<Test>::get() - 1
}

/// `buyer` orders `quantity` of `listing`.
pub fn order(buyer: AccountId, listing: ListingId, quantity: u32) -> OrderId {
	assert_ok!(Orders::place_order(RuntimeOrigin::signed(buyer), listing, quantity, PRICE, CMRC));
	crate::NextOrderId::<Test>::get() - 1
}

/// A listing with one order of two units by `BUYER`, shipped.
pub fn shipped_order() -> (ListingId, OrderId) {
	let listing = list();
	let id = order(BUYER, listing, 2);
	assert_ok!(Orders::ship_order(RuntimeOrigin::signed(VENDOR), id, TRACKING));
	(listing, id)
}

pub fn state(id: OrderId) -> Option<OrderState> {
	OrdersStorage::<Test>::get(id).map(|order| order.state)
}

pub fn stock(listing: ListingId) -> (u32, u32) {
	let listing = Listings::<Test>::get(listing).expect("listing exists");
	(listing.stock, listing.reserved)
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn on_hold(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

/// The `OrderClosed` event of `id`, if any.
pub fn closed(id: OrderId) -> Option<(Outcome, Balance, u32)> {
	events().into_iter().find_map(|event| match event {
		Event::OrderClosed { order, outcome, refunded, restocked, .. } if order == id => {
			Some((outcome, refunded, restocked))
		},
		_ => None,
	})
}

/// Go to block `n`, running `on_idle` with unlimited weight on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Orders::on_idle(next, Weight::MAX);
	}
}

pub fn total_issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_issuance()
}
