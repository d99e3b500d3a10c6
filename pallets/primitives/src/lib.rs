//! # commerce-primitives
//!
//! The vocabulary the commerce pallets share. A pallet states what it needs from another as one
//! of these traits; the runtime wires the real pallets together, and each pallet's tests use
//! mocks. No pallet depends on another pallet's crate.
//!
//! | trait | provided by | used by | for |
//! |-------|-------------|---------|-----|
//! | [`VendorRegistry`] | vendors (later); [`AnyAccount`] until then | orders | may this account sell? |
//! | [`Escrow`] | escrow | orders | hold, release and refund an order's payment |
//! | [`OrderDisputes`] | orders | escrow | open and settle a dispute on an order |
//! | [`PayoutSplitter`] | profit sharing; [`AllToVendor`] without it | escrow | who receives a release, and what each received |
//! | [`OrderObserver`] | vendors, profit sharing (a pair observes both); `()` ignores them | orders | each order's facts: KPIs, the agreement an order settles by |
//! | [`ListingProvider`] | orders | vendors, replenishment | a listing's terms; a tender winner's new listing; restocking |
//! | [`Replenisher`] | replenishment; `()` without it | orders | an order took a listing's stock down: reorder? |
//! | [`BatchCustody`] | provenance | replenishment | who holds the batch a supplier ships? |
//!
//! [`deadlines`] holds the `(block, id)` deadline queue both pallets use, [`currency`] the one
//! `fungibles` interface to CMRC and the assets, and [`runtime_api`] the runtime API dapps call. [`HoldersOf`] and [`DepositAmount`] let `try_state` compare what a
//! pallet records against the funds actually on hold.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod currency;
pub mod deadlines;
pub mod runtime_api;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{fungible::MutateHold, tokens::fungible::HoldConsideration},
	BoundedVec,
};
use scale_info::TypeInfo;
use sp_runtime::traits::{Get, Saturating, Zero};

/// Identifies an order. Assigned sequentially by the orders pallet.
pub type OrderId = u64;
/// Identifies a listing. Assigned sequentially by the orders pallet.
pub type ListingId = u64;

/// Whether an account may act as a vendor (create listings).
pub trait VendorRegistry<AccountId> {
	/// `true` if `who` may list goods and take orders now.
	fn is_active_vendor(who: &AccountId) -> bool;

	/// `true` if `vendor` may change or remove its listing `listing` now: not while the vendor
	/// is suspended or a replacement tender for the listing is open, so that the listing's
	/// terms stay as they were for the tender.
	fn may_change_listing(_vendor: &AccountId, _listing: ListingId) -> bool {
		true
	}

	/// Make the funded account `who` an active vendor, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_active_vendor(_who: &AccountId) {}
}

/// The currencies listings may be priced in: the native token, and the assets the consortium
/// approved, each with its value in the native token.
pub trait AcceptedCurrencies<CurrencyId, Balance> {
	/// `true` if a new listing may be priced in `currency`.
	fn is_accepted(currency: &CurrencyId) -> bool;

	/// What `amount` of `currency` is worth in the native token now (the consortium's rate),
	/// or `None` for a currency that is not accepted now. The identity for the native token.
	fn native_value(currency: &CurrencyId, amount: Balance) -> Option<Balance>;

	/// How much of `currency` is worth `native` in the native token now, rounded up (so that
	/// a price set in the native token is never undercut), or `None` for a currency that is
	/// not accepted now. The identity for the native token.
	fn from_native(currency: &CurrencyId, native: Balance) -> Option<Balance>;
}

/// The currency benchmarks pay in: the dearest one the runtime accepts, so that the weights of
/// the calls that hold and pay an order's money are upper bounds for every currency.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkCurrency<AccountId, CurrencyId, Balance> {
	/// The accepted currency whose payments read and write the most (for the runtime, an
	/// asset with a rate: its details, its rate, its accounts and holds, besides what the
	/// native token costs), made ready (created, rated) if it is not.
	fn dearest() -> CurrencyId;

	/// Make `who` hold `amount` of `currency`, free.
	fn fund(who: &AccountId, currency: &CurrencyId, amount: Balance);
}

/// Accepts exactly the currency `Native::get()`: for runtimes (and tests) that trade in their
/// native token only.
pub struct OnlyNative<Native>(core::marker::PhantomData<Native>);
impl<CurrencyId: PartialEq, Balance, Native: Get<CurrencyId>>
	AcceptedCurrencies<CurrencyId, Balance> for OnlyNative<Native>
{
	fn is_accepted(currency: &CurrencyId) -> bool {
		*currency == Native::get()
	}

	fn native_value(currency: &CurrencyId, amount: Balance) -> Option<Balance> {
		(*currency == Native::get()).then_some(amount)
	}

	fn from_native(currency: &CurrencyId, native: Balance) -> Option<Balance> {
		(*currency == Native::get()).then_some(native)
	}
}

/// The registry used until the vendors pallet exists: every signed account may sell.
pub struct AnyAccount;
impl<AccountId> VendorRegistry<AccountId> for AnyAccount {
	fn is_active_vendor(_: &AccountId) -> bool {
		true
	}
}

/// The money side of an order: the buyer's payment is held from placement until the order ends.
///
/// Every function either succeeds completely or changes nothing. Money held for an order only
/// ever leaves the escrow in two ways: back to the buyer ([`Escrow::refund`], or the buyer's part
/// of a settlement), or paid out once by [`Escrow::settle`], which closes the escrow.
///
/// An escrow is in one currency (`CurrencyId`: the native token or an asset), fixed when it is
/// held: every amount below is in that currency, and every payout of it is made in it.
pub trait Escrow<AccountId, CurrencyId, Balance> {
	/// Hold `amount` of `buyer`'s `currency` for `order`, to be paid to `vendor` on release.
	fn hold(
		order: OrderId,
		buyer: &AccountId,
		vendor: &AccountId,
		currency: CurrencyId,
		amount: Balance,
	) -> DispatchResult;

	/// Return `amount` of the escrow of `order` to the buyer and keep the rest escrowed under
	/// the same order. `amount` must be above zero and below the escrowed amount (returning all
	/// of it is a settlement). Nothing is paid to the vendor.
	fn refund(order: OrderId, amount: Balance) -> DispatchResult;

	/// Pay the whole escrow of `order` to its vendor (less the marketplace fee) and close it.
	/// Returns what went back to the buyer instead (a share that could not be deposited).
	fn release(order: OrderId) -> Result<Balance, DispatchError>;

	/// Return `to_buyer` of the escrow to the buyer, pay the rest to the vendor (less the
	/// marketplace fee on that part) and close it. `to_buyer` equal to the escrowed amount is a
	/// full refund. Returns what the buyer actually received: `to_buyer`, plus any share that
	/// could not be deposited elsewhere.
	fn settle(order: OrderId, to_buyer: Balance) -> Result<Balance, DispatchError>;

	/// The amount held for `order`, if it has an open escrow.
	fn escrowed(order: OrderId) -> Option<Balance>;

	/// The currency of the escrow of `order`, if it has an open escrow.
	fn currency_of(order: OrderId) -> Option<CurrencyId>;

	/// The most a settlement costs beyond escrow's own benchmarked work (the payout
	/// splitter's share of it): callers add it to the weight they declare for each call that
	/// places, releases or settles an order.
	fn payout_weight() -> frame_support::weights::Weight;

	/// What the payout split of `order` costs (zero for an order the splitter does not
	/// split): what callers charge after the call, refunding the rest of
	/// [`Escrow::payout_weight`]. Call it before the order is settled.
	fn payout_weight_of(order: OrderId) -> frame_support::weights::Weight;
}

/// What escrow needs from the orders pallet to run a dispute.
pub trait OrderDisputes<AccountId, Balance> {
	/// `who` opens a dispute on `order`: check that `who` is its buyer or vendor and that the
	/// order may be disputed now, and mark it disputed. Fails without changing anything
	/// otherwise.
	fn open_dispute(order: OrderId, who: &AccountId) -> DispatchResult;

	/// The dispute on `order` was settled (the escrow already paid out, `refunded` of it to the
	/// buyer, as [`Escrow::settle`] reported it): end the order. `ruled` is `true` when an
	/// arbiter ruled, `false` when nobody did in time and the fallback split applied.
	fn dispute_settled(order: OrderId, refunded: Balance, ruled: bool);
}

/// The accounts a release is paid to.
pub type Payees<AccountId, Balance, MaxPayees> = BoundedVec<(AccountId, Balance), MaxPayees>;

/// Splits a vendor's payout among beneficiaries (suppliers in a profit-sharing agreement).
///
/// Escrow asks [`PayoutSplitter::split`] who receives a release, pays each payee what it can
/// receive, and reports what each actually received through [`PayoutSplitter::paid`], in the
/// same call: the splitter does its bookkeeping on what was paid, not on what it planned.
/// Every amount is in the escrow's currency (`CurrencyId`), and every payee is paid in it.
pub trait PayoutSplitter<AccountId, CurrencyId, Balance> {
	/// The largest number of payees a split returns.
	type MaxPayees: Get<u32>;

	/// Who receives `amount` of `currency` released to `vendor` for `order`. Reads state,
	/// writes none. The amounts must add up to `amount`; escrow pays everything to the vendor
	/// when they do not.
	fn split(
		order: OrderId,
		vendor: &AccountId,
		currency: &CurrencyId,
		amount: Balance,
	) -> Payees<AccountId, Balance, Self::MaxPayees>;

	/// Escrow paid the release of `amount` of `currency` for `order` (bought by `buyer`):
	/// `received` is the list [`PayoutSplitter::split`] returned for `amount`, each amount
	/// replaced by what that payee actually received at settlement (zero for a share escrow
	/// could not deposit and keeps claimable for the payee: it reaches the payee later, unbooked,
	/// or is forfeited), or `[(vendor, amount)]` when the split did not
	/// add up. Called after every settlement, with `amount` zero when nothing was released to
	/// the vendor's side.
	fn paid(
		order: OrderId,
		vendor: &AccountId,
		buyer: &AccountId,
		currency: &CurrencyId,
		amount: Balance,
		received: &[(AccountId, Balance)],
	);

	/// The most one order's split costs: recording its agreement at placement,
	/// [`PayoutSplitter::split`] and [`PayoutSplitter::paid`], with escrow's transfers to the
	/// extra payees. Escrow's callers declare it on every call that places or settles an
	/// order.
	fn weight() -> frame_support::weights::Weight;

	/// What the split of `order` costs, by the agreement it was placed under (zero for an
	/// order outside any): what those calls are charged in the end.
	fn weight_of(order: OrderId) -> frame_support::weights::Weight;
}

/// The splitter used without profit sharing: the vendor receives everything.
pub struct AllToVendor;
impl<AccountId: Clone, CurrencyId, Balance> PayoutSplitter<AccountId, CurrencyId, Balance>
	for AllToVendor
{
	type MaxPayees = frame_support::traits::ConstU32<1>;

	fn split(
		_: OrderId,
		vendor: &AccountId,
		_: &CurrencyId,
		amount: Balance,
	) -> Payees<AccountId, Balance, Self::MaxPayees> {
		BoundedVec::truncate_from(alloc::vec![(vendor.clone(), amount)])
	}

	fn paid(
		_: OrderId,
		_: &AccountId,
		_: &AccountId,
		_: &CurrencyId,
		_: Balance,
		_: &[(AccountId, Balance)],
	) {
	}

	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}

	fn weight_of(_: OrderId) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// What a replacement tender needs to know of a listing.
#[derive(Clone, Eq, PartialEq, Debug)]
pub struct ListingTerms<AccountId, CurrencyId, Balance, BlockNumber> {
	/// Who sells it.
	pub vendor: AccountId,
	/// What it is priced and paid in.
	pub currency: CurrencyId,
	/// The price of one unit, in `currency`.
	pub unit_price: Balance,
	/// Units available to new orders.
	pub stock: u32,
	/// Blocks the vendor has to ship an order.
	pub ship_window: BlockNumber,
}

/// Open orders as the provenance pallet sees them: a shipment of goods names its order.
pub trait OrderParties<AccountId> {
	/// The vendor and the buyer of `order`, if it is open (placed and not closed yet).
	fn open_order_parties(order: OrderId) -> Option<(AccountId, AccountId)>;

	/// An open order of `vendor` to `buyer`, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_open_order(vendor: &AccountId, buyer: &AccountId) -> OrderId;
}

impl<AccountId> OrderParties<AccountId> for () {
	fn open_order_parties(_: OrderId) -> Option<(AccountId, AccountId)> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_open_order(_: &AccountId, _: &AccountId) -> OrderId {
		0
	}
}

/// Batches as the replenishment pallet sees them: a supplier that names the provenance batch of
/// a shipment must hold it (or have handed it to the receiving vendor).
pub trait BatchCustody<AccountId> {
	/// Who holds `batch` now (its custodian), if the batch exists.
	fn custodian(batch: u64) -> Option<AccountId>;

	/// A batch held by `custodian`, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_batch(custodian: &AccountId) -> u64;
}

/// No provenance: no batch exists.
impl<AccountId> BatchCustody<AccountId> for () {
	fn custodian(_: u64) -> Option<AccountId> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_batch(_: &AccountId) -> u64 {
		0
	}
}

/// Listings as the vendors pallet's tenders see them.
pub trait ListingProvider<AccountId, Balance, BlockNumber> {
	/// What names a listing's currency.
	type CurrencyId: frame_support::Parameter;

	/// The terms of `listing`, if it exists.
	fn terms(
		listing: ListingId,
	) -> Option<ListingTerms<AccountId, Self::CurrencyId, Balance, BlockNumber>>;

	/// The shortest ship window a listing may have.
	fn min_ship_window() -> BlockNumber;

	/// A new listing for `vendor` of the goods of `template` (its metadata, confirm window and
	/// currency) at `unit_price`, with `stock` units and `ship_window`. The vendor holds the listing
	/// deposit. Fails, changing nothing, if the vendor may not sell, cannot pay the deposit, or
	/// the terms are invalid.
	fn list_like(
		template: ListingId,
		vendor: &AccountId,
		unit_price: Balance,
		stock: u32,
		ship_window: BlockNumber,
	) -> Result<ListingId, DispatchError>;

	/// `listing` was replaced by a tender's award: it takes no new order (its stock is set to
	/// zero; orders already placed run to their end). Does nothing for an unknown listing.
	fn withdraw_stock(listing: ListingId);

	/// `units` arrived for `listing` (a purchase order was received): add them to its stock.
	/// Fails, changing nothing, for an unknown listing or a stock that would overflow.
	fn add_stock(listing: ListingId, units: u32) -> DispatchResult;

	/// A listing of `vendor`, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_listing(vendor: &AccountId) -> ListingId;
}

/// Watches stock levels for reorder rules: the orders pallet tells it each time an order takes
/// a listing's stock down, and it may raise a purchase order to the listing's supplier.
///
/// Infallible: whatever happens (no rule, nothing to fund it with), the order that took the
/// stock stands. The orders pallet declares [`Replenisher::max_weight`] on every call that
/// places an order and charges what [`Replenisher::stock_fell`] reports.
pub trait Replenisher<AccountId> {
	/// An order took `listing` (of `vendor`) down to `stock` units. Returns the weight used.
	fn stock_fell(
		listing: ListingId,
		vendor: &AccountId,
		stock: u32,
	) -> frame_support::weights::Weight;

	/// The most [`Replenisher::stock_fell`] costs.
	fn max_weight() -> frame_support::weights::Weight;
}

impl<AccountId> Replenisher<AccountId> for () {
	fn stock_fell(_: ListingId, _: &AccountId, _: u32) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}

	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// What the orders pallet reports of an order that ended: the facts vendor KPIs are computed
/// from. Disputes run in escrow but end through the orders pallet, so it reports those too.
#[derive(Clone, Eq, PartialEq, Debug)]
pub struct OrderReport<AccountId, Balance> {
	/// The order.
	pub order: OrderId,
	/// Who sold.
	pub vendor: AccountId,
	/// Who bought.
	pub buyer: AccountId,
	/// How it ended.
	pub outcome: Outcome,
	/// The price paid into escrow. Every amount of a report is a value in the native token:
	/// for an order in another currency, its amount at the rate of the moment the order was
	/// placed (so that KPIs, sample floors and service credits compare like with like).
	pub total: Balance,
	/// Returned to the buyer by partial refunds while the order was open (native value).
	pub partially_refunded: Balance,
	/// Returned to the buyer when it closed: a refund, or the buyer's part of a ruling (native
	/// value).
	pub refunded_at_close: Balance,
	/// Whether the vendor shipped it (every shipment is before the ship-by deadline: a late
	/// one is refused, and the order ends `ShippingDeadlineMissed`).
	pub shipped: bool,
}

/// Receives the facts of each order from the orders pallet. Infallible and cheap: it runs
/// inside the orders pallet's calls and hooks, whose benchmarks include its cost.
pub trait OrderObserver<AccountId, Balance> {
	/// `vendor` took order `order` of `quantity` units from `listing`, paid with `total` of the
	/// listing's currency, worth `value` of the native token at the consortium's rate of the
	/// moment (`value == total` for an order in the native token).
	fn order_placed(
		vendor: &AccountId,
		order: OrderId,
		listing: ListingId,
		quantity: u32,
		total: Balance,
		value: Balance,
	);
	/// An order ended.
	fn order_closed(report: &OrderReport<AccountId, Balance>);
}

impl<AccountId, Balance> OrderObserver<AccountId, Balance> for () {
	fn order_placed(_: &AccountId, _: OrderId, _: ListingId, _: u32, _: Balance, _: Balance) {}
	fn order_closed(_: &OrderReport<AccountId, Balance>) {}
}

/// Two observers, each told everything: the first, then the second.
impl<AccountId, Balance: Copy, A, B> OrderObserver<AccountId, Balance> for (A, B)
where
	A: OrderObserver<AccountId, Balance>,
	B: OrderObserver<AccountId, Balance>,
{
	fn order_placed(
		vendor: &AccountId,
		order: OrderId,
		listing: ListingId,
		quantity: u32,
		total: Balance,
		value: Balance,
	) {
		A::order_placed(vendor, order, listing, quantity, total, value);
		B::order_placed(vendor, order, listing, quantity, total, value);
	}
	fn order_closed(report: &OrderReport<AccountId, Balance>) {
		A::order_closed(report);
		B::order_closed(report);
	}
}

/// How an order ended. Carried by the orders pallet's `OrderClosed` event.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Outcome {
	/// Delivered and paid to the vendor.
	Completed,
	/// Cancelled by the buyer before shipment; paid back in full.
	CancelledByBuyer,
	/// Not shipped in time; paid back in full.
	ShippingDeadlineMissed,
	/// The vendor refunded the buyer, fully or partly.
	Refunded,
	/// A dispute was settled by an arbiter's ruling.
	DisputeSettled,
	/// Nobody ruled on a dispute by its deadline: the fallback split settled it.
	DisputeLapsed,
}

/// Add `amount` to `key`'s total in `map`, making no entry for zero: how `try_state` sums
/// records per account before comparing them with [`HoldersOf::holders`].
pub fn accrue<K: Ord, B: Saturating + Zero + Copy>(
	map: &mut alloc::collections::btree_map::BTreeMap<K, B>,
	key: K,
	amount: B,
) {
	if !amount.is_zero() {
		let entry = map.entry(key).or_insert_with(Zero::zero);
		*entry = entry.saturating_add(amount);
	}
}

/// Every account with funds on hold for `reason`, and how much: what `try_state` compares a
/// pallet's records against, so that a hold without a record is found too. Reads the whole
/// holds map: for `try_state` and tests only, never for dispatch.
pub trait HoldersOf<AccountId, Reason, Balance> {
	/// The accounts with a non-zero hold for `reason`, each with its amount.
	fn holders(reason: &Reason) -> Vec<(AccountId, Balance)>;
}

/// [`HoldersOf`] for `pallet_balances` (instance `I`).
pub struct BalancesHolders<T, I = ()>(core::marker::PhantomData<(T, I)>);
impl<T: pallet_balances::Config<I>, I: 'static>
	HoldersOf<T::AccountId, T::RuntimeHoldReason, T::Balance> for BalancesHolders<T, I>
{
	fn holders(reason: &T::RuntimeHoldReason) -> Vec<(T::AccountId, T::Balance)> {
		pallet_balances::Holds::<T, I>::iter()
			.filter_map(|(who, holds)| {
				holds
					.iter()
					.find(|hold| &hold.id == reason && !hold.amount.is_zero())
					.map(|hold| (who, hold.amount))
			})
			.collect()
	}
}

/// The amount a deposit ticket holds, so that `try_state` can check deposits against holds.
pub trait DepositAmount<Balance> {
	/// The amount held for this ticket.
	fn deposit_amount(&self) -> Balance;
}

impl<A, F, R, D, Fp> DepositAmount<F::Balance> for HoldConsideration<A, F, R, D, Fp>
where
	F: MutateHold<A>,
{
	fn deposit_amount(&self) -> F::Balance {
		// The ticket's only encoded field is the amount it holds (the rest is `PhantomData`),
		// and frame-support offers no accessor for it.
		use codec::{Decode, Encode};
		F::Balance::decode(&mut &self.encode()[..]).unwrap_or_default()
	}
}
