//! Unit tests of the vendors pallet, one module per call or concern. Every test ends by
//! checking the pallet's invariants (`mock::run`).

mod apply;
mod approve_reject;
mod attacks;
mod credentials;
mod evaluate;
mod kpis;
mod migrations;
mod periods;
mod retire;
mod set_encryption_key;
mod set_policy;
mod suspend_reinstate;
mod tenders;

pub use crate::{mock::*, Event, VendorStatus, Vendors as VendorsStorage};
pub use commerce_primitives::{OrderObserver, OrderReport, Outcome, VendorRegistry};
pub use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

/// The events the vendors pallet emitted so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Vendors(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("a vendors event")
}

pub fn status(who: AccountId) -> Option<VendorStatus<u64>> {
	VendorsStorage::<Test>::get(who).map(|vendor| vendor.status)
}

pub fn bond(who: AccountId) -> Balance {
	VendorsStorage::<Test>::get(who).map(|vendor| vendor.bond).unwrap_or_default()
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn on_hold(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

pub fn total_issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_issuance()
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The id the next reported order gets.
#[frame_support::storage_alias]
type NextReportedOrder = StorageValue<Reports, u64, frame_support::pallet_prelude::ValueQuery>;

/// Report an order of `vendor` placed and then ended as described, as the orders pallet does.
pub fn report(
	vendor: AccountId,
	buyer: AccountId,
	outcome: Outcome,
	total: Balance,
	partially_refunded: Balance,
	refunded_at_close: Balance,
	shipped: bool,
) {
	let order = NextReportedOrder::get();
	NextReportedOrder::put(order + 1);
	<Vendors as OrderObserver<_, _>>::order_placed(&vendor, order, 0, 1, 10, 10);
	<Vendors as OrderObserver<_, _>>::order_closed(&OrderReport {
		order,
		vendor,
		buyer,
		outcome,
		total,
		partially_refunded,
		refunded_at_close,
		shipped,
	});
}

/// `n` perfect orders of `vendor` (shipped, confirmed), worth `total` each.
pub fn perfect(vendor: AccountId, buyer: AccountId, n: u32, total: Balance) {
	for _ in 0..n {
		report(vendor, buyer, Outcome::Completed, total, 0, 0, true);
	}
}

/// `n` orders of `vendor` not shipped by their deadline, worth `total` each.
pub fn missed(vendor: AccountId, buyer: AccountId, n: u32, total: Balance) {
	for _ in 0..n {
		report(vendor, buyer, Outcome::ShippingDeadlineMissed, total, 0, total, false);
	}
}

/// The `Evaluated` verdicts of `vendor` so far, by period.
pub fn verdicts(vendor: AccountId) -> Vec<(crate::PeriodIndex, crate::Verdict)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::Evaluated { vendor: v, period, verdict, .. } if v == vendor => {
				Some((period, verdict))
			},
			_ => None,
		})
		.collect()
}
