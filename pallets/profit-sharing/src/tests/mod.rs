//! Unit tests of the profit-sharing pallet, one module per call or concern. Every test ends by
//! checking the pallet's invariants (`mock::run`).

mod accept_impose;
mod attacks;
mod claim;
mod close_agreement;
mod end_agreement;
mod migrations;
mod property;
mod propose_agreement;
mod propose_change;
mod refund_sale;
mod split;

pub use crate::{
	mock::*, Agreements, Event, Ledger, Ledgers, Placements, Sales, Scope, Threshold,
	VersionStatus, Versions,
};
pub use commerce_primitives::{OrderObserver, OrderReport, Outcome, PayoutSplitter};
pub use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold, Mutate},
		tokens::{DepositConsequence, Preservation, Provenance},
	},
};
pub use sp_runtime::Perbill;

/// The events the pallet emitted so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ProfitSharing(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> Event<Test> {
	events().pop().expect("a profit-sharing event")
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn on_hold(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn percent(n: u32) -> Perbill {
	Perbill::from_percent(n)
}

pub type TestTerms = crate::TermsOf<Test>;

pub fn terms(beneficiaries: &[(AccountId, Perbill)], threshold: Threshold<Balance>) -> TestTerms {
	crate::Terms {
		beneficiaries: frame_support::BoundedVec::truncate_from(beneficiaries.to_vec()),
		threshold,
	}
}

/// `VENDOR` proposes an agreement for `scope`; returns its id.
pub fn propose(
	scope: Scope,
	beneficiaries: &[(AccountId, Perbill)],
	threshold: Threshold<Balance>,
) -> u32 {
	let id = crate::NextAgreementId::<Test>::get();
	assert_ok!(ProfitSharing::propose_agreement(
		signed(VENDOR),
		scope,
		terms(beneficiaries, threshold)
	));
	id
}

/// Every beneficiary of the pending version accepts it.
pub fn accept_all(id: u32) {
	let agreement = Agreements::<Test>::get(id).unwrap();
	let version = agreement.pending.unwrap();
	let proposal = Versions::<Test>::get(id, version).unwrap();
	for (who, _) in proposal.terms.beneficiaries.iter() {
		assert_ok!(ProfitSharing::accept(signed(*who), id, version));
	}
}

/// An agreement in force: proposed by `VENDOR` for all its listings and accepted by all.
pub fn agreement(beneficiaries: &[(AccountId, Perbill)], threshold: Threshold<Balance>) -> u32 {
	let id = propose(Scope::AllListings, beneficiaries, threshold);
	accept_all(id);
	id
}

/// The orders pallet reports order `order` placed.
pub fn place(order: u64, vendor: AccountId, listing: u64, quantity: u32) {
	<ProfitSharing as OrderObserver<_, _>>::order_placed(&vendor, order, listing, quantity);
}

/// Pay out `amount` of `order` to `vendor`'s side, as escrow does: split, pay each payee what
/// it can receive (the rest back to the buyer, i.e. not paid), report, then the orders pallet
/// reports the order closed. Returns what each payee received.
pub fn pay(
	order: u64,
	buyer: AccountId,
	vendor: AccountId,
	amount: Balance,
) -> Vec<(AccountId, Balance)> {
	let mut payees =
		<ProfitSharing as PayoutSplitter<_, _>>::split(order, &vendor, amount).into_inner();
	let sum: Balance = payees.iter().map(|(_, amount)| amount).sum();
	if sum != amount {
		payees = vec![(vendor, amount)];
	}
	let mut received = Vec::new();
	for (payee, share) in payees {
		let ok = share > 0
			&& Balances::can_deposit(&payee, share, Provenance::Extant)
				== DepositConsequence::Success;
		if ok {
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&buyer,
				&payee,
				share,
				Preservation::Expendable
			));
		}
		received.push((payee, if ok { share } else { 0 }));
	}
	<ProfitSharing as PayoutSplitter<_, _>>::paid(order, &vendor, &buyer, amount, &received);
	close(order, vendor, buyer, amount);
	received
}

/// The orders pallet reports `order` closed.
pub fn close(order: u64, vendor: AccountId, buyer: AccountId, total: Balance) {
	<ProfitSharing as OrderObserver<_, _>>::order_closed(&OrderReport {
		order,
		vendor,
		buyer,
		outcome: Outcome::Completed,
		total,
		partially_refunded: 0,
		refunded_at_close: 0,
		shipped: true,
	});
}

/// Place and pay out one order of `quantity` units for `amount` from `VENDOR`'s `LISTING`.
pub fn sell(order: u64, quantity: u32, amount: Balance) -> Vec<(AccountId, Balance)> {
	place(order, VENDOR, LISTING, quantity);
	pay(order, BUYER, VENDOR, amount)
}

pub fn ledger(id: u32, who: AccountId) -> Ledger<Balance> {
	Ledgers::<Test>::get(id, who).unwrap_or_default()
}

pub fn totals(id: u32) -> crate::Totals<Balance> {
	Agreements::<Test>::get(id).unwrap().totals
}
