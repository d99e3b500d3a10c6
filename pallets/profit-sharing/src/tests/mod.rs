//! Unit tests of the profit-sharing pallet, one module per call or concern. Every test ends by
//! checking the pallet's invariants (`mock::run`).

mod accept_impose;
mod attacks;
mod claim;
mod close_agreement;
mod currencies;
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
		fungible::{InspectHold, Mutate},
		fungibles,
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

/// The orders pallet reports order `order` placed, in the native token (its value is its
/// amount).
pub fn place(order: u64, vendor: AccountId, listing: u64, quantity: u32) {
	place_in(order, vendor, listing, quantity, 1, 1);
}

/// The orders pallet reports order `order` placed for `total` of its currency, worth `value`
/// of the native token.
pub fn place_in(
	order: u64,
	vendor: AccountId,
	listing: u64,
	quantity: u32,
	total: Balance,
	value: Balance,
) {
	<ProfitSharing as OrderObserver<_, _>>::order_placed(
		&vendor, order, listing, quantity, total, value,
	);
}

/// Pay out `amount` of `order` to `vendor`'s side in the native token, as escrow does (see
/// [`pay_in`]).
pub fn pay(
	order: u64,
	buyer: AccountId,
	vendor: AccountId,
	amount: Balance,
) -> Vec<(AccountId, Balance)> {
	pay_in(order, buyer, vendor, CMRC, amount)
}

/// Pay out `amount` of `currency` of `order` to `vendor`'s side, as escrow does: split, pay
/// each payee what it can receive (the rest back to the buyer, i.e. not paid), report, then
/// the orders pallet reports the order closed. Returns what each payee received.
pub fn pay_in(
	order: u64,
	buyer: AccountId,
	vendor: AccountId,
	currency: Currency,
	amount: Balance,
) -> Vec<(AccountId, Balance)> {
	let mut payees =
		<ProfitSharing as PayoutSplitter<_, _, _>>::split(order, &vendor, &currency, amount)
			.into_inner();
	let sum: Balance = payees.iter().map(|(_, amount)| amount).sum();
	if sum != amount {
		payees = vec![(vendor, amount)];
	}
	let mut received = Vec::new();
	for (payee, share) in payees {
		let ok = share > 0
			&& <NativeAndAssets as fungibles::Inspect<_>>::can_deposit(
				currency.clone(),
				&payee,
				share,
				Provenance::Extant,
			) == DepositConsequence::Success;
		if ok {
			assert_ok!(<NativeAndAssets as fungibles::Mutate<_>>::transfer(
				currency.clone(),
				&buyer,
				&payee,
				share,
				Preservation::Expendable
			));
		}
		received.push((payee, if ok { share } else { 0 }));
	}
	<ProfitSharing as PayoutSplitter<_, _, _>>::paid(
		order, &vendor, &buyer, &currency, amount, &received,
	);
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

/// `who`'s ledger of agreement `id` in the native token.
pub fn ledger(id: u32, who: AccountId) -> Ledger<Balance> {
	ledger_in(id, who, CMRC)
}

/// `who`'s ledger of agreement `id` in `currency`.
pub fn ledger_in(id: u32, who: AccountId, currency: Currency) -> Ledger<Balance> {
	Ledgers::<Test>::get((id, who, currency)).unwrap_or_default()
}

/// What agreement `id` paid out in the native token.
pub fn totals(id: u32) -> crate::Totals<Balance> {
	totals_in(id, CMRC)
}

/// What agreement `id` paid out in `currency`.
pub fn totals_in(id: u32, currency: Currency) -> crate::Totals<Balance> {
	crate::Payouts::<Test>::get(id, currency).unwrap_or_default()
}

/// What counts toward agreement `id`'s threshold.
pub fn progress(id: u32) -> crate::Progress<Balance> {
	Agreements::<Test>::get(id).unwrap().progress
}

/// `who`'s free balance of the stablecoin.
pub fn usd(who: AccountId) -> Balance {
	<Assets as fungibles::Inspect<_>>::balance(USD, &who)
}
