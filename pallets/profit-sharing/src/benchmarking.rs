//! Benchmarks of the profit-sharing pallet, each call and hook in its worst case, and the
//! payout split escrow runs for every settled order.

use super::*;
use alloc::vec::Vec;
use commerce_primitives::{
	BenchmarkCurrency, ListingProvider, OrderObserver, OrderReport, Outcome, PayoutSplitter,
	VendorRegistry,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, ItemOf, Mutate},
		tokens::Preservation,
		EnsureOrigin, Get, Hooks,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

const SEED: u32 = 0;

/// The native token: the benchmarks pay in it (an order in an asset takes the same steps).
type Native<T> = ItemOf<
	<T as Config>::Currency,
	<T as Config>::NativeCurrency,
	<T as frame_system::Config>::AccountId,
>;

fn funds<T: Config>() -> BalanceOf<T> {
	Native::<T>::minimum_balance().saturating_mul(100_000_000u32.into())
}

/// The currency payouts are in: the dearest the runtime accepts.
fn currency<T: Config>() -> CurrencyOf<T> {
	T::BenchmarkCurrency::dearest()
}

/// `amount` of the payouts' currency: `minimum × factor`.
fn in_currency<T: Config>(factor: u32) -> BalanceOf<T> {
	use frame_support::traits::fungibles::Inspect as _;
	T::Currency::minimum_balance(currency::<T>()).saturating_mul(factor.into())
}

/// `who` with plenty of the native token and of the payouts' currency.
fn fund<T: Config>(who: &T::AccountId) {
	Native::<T>::set_balance(who, funds::<T>());
	T::BenchmarkCurrency::fund(who, &currency::<T>(), in_currency::<T>(100_000_000));
}

/// The pot, able to hold a share set aside in the payouts' currency.
fn ready_pot<T: Config>() {
	use frame_support::traits::fungibles::Inspect as _;
	Pallet::<T>::endow_pot();
	let currency = currency::<T>();
	let minimum = T::Currency::minimum_balance(currency.clone());
	if T::Currency::balance(currency.clone(), &Pallet::<T>::pot()) < minimum {
		T::BenchmarkCurrency::fund(&Pallet::<T>::pot(), &currency, minimum);
	}
}

/// A funded, active vendor.
fn vendor<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("vendor", 0, SEED);
	fund::<T>(&who);
	T::Vendors::make_active_vendor(&who);
	who
}

/// `n` funded beneficiaries with equal shares adding up to at most 100%. Each version gets
/// other accounts (`base` apart), so that closing an agreement removes the most ledgers.
fn beneficiaries<T: Config>(n: u32, base: u32) -> Vec<(T::AccountId, Perbill)> {
	(0..n)
		.map(|i| {
			let who: T::AccountId = account("beneficiary", base.saturating_add(i), SEED);
			Native::<T>::set_balance(&who, funds::<T>());
			(who, Perbill::from_rational(1u32, n.max(1)))
		})
		.collect()
}

fn terms<T: Config>(n: u32, threshold: Threshold<BalanceOf<T>>) -> TermsOf<T> {
	terms_from::<T>(n, threshold, 0)
}

fn terms_from<T: Config>(n: u32, threshold: Threshold<BalanceOf<T>>, base: u32) -> TermsOf<T> {
	Terms { beneficiaries: BoundedVec::truncate_from(beneficiaries::<T>(n, base)), threshold }
}

/// An agreement of `vendor` for a new listing, in force with `n` beneficiaries; returns the
/// agreement and the listing.
fn in_force_for<T: Config>(
	vendor: &T::AccountId,
	n: u32,
	threshold: Threshold<BalanceOf<T>>,
) -> (u32, commerce_primitives::ListingId) {
	let listing = T::Listings::benchmark_listing(vendor);
	let id = NextAgreementId::<T>::get();
	Pallet::<T>::do_propose_agreement(
		vendor.clone(),
		Scope::Listing(listing),
		terms::<T>(n, threshold),
	)
	.expect("valid proposal");
	Pallet::<T>::do_impose(id, 0).expect("pending");
	(id, listing)
}

/// An agreement of `vendor` for a new listing, in force with `n` beneficiaries.
fn in_force<T: Config>(vendor: &T::AccountId, n: u32, threshold: Threshold<BalanceOf<T>>) -> u32 {
	in_force_for::<T>(vendor, n, threshold).0
}

/// A change of `n` beneficiaries proposed to agreement `id`; returns its version.
fn changed<T: Config>(vendor: &T::AccountId, id: u32, n: u32) -> VersionIndex {
	let base = Agreements::<T>::get(id).map_or(0, |a| a.next_version).saturating_mul(max_b::<T>());
	Pallet::<T>::do_propose_change(
		vendor.clone(),
		id,
		terms_from::<T>(n, Threshold::Revenue(Zero::zero()), base),
	)
	.expect("room for a change");
	Agreements::<T>::get(id).and_then(|a| a.pending).expect("pending")
}

fn max_b<T: Config>() -> u32 {
	T::MaxBeneficiaries::get()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A listing agreement (its listing is read) with `b` beneficiaries.
	#[benchmark]
	fn propose_agreement(b: Linear<1, { max_b::<T>() }>) {
		let vendor = vendor::<T>();
		let listing = T::Listings::benchmark_listing(&vendor);
		let terms = terms::<T>(b, Threshold::Revenue(1_000u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor.clone()), Scope::Listing(listing), terms);

		assert!(Agreements::<T>::contains_key(0));
	}

	#[benchmark]
	fn propose_change(b: Linear<1, { max_b::<T>() }>) {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, max_b::<T>(), Threshold::Revenue(Zero::zero()));
		let terms = terms::<T>(b, Threshold::Units(5));

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, terms);

		assert!(Agreements::<T>::get(id).is_some_and(|a| a.pending.is_some()));
	}

	/// The last of `MaxBeneficiaries` acceptances: the change takes effect and supersedes the
	/// version in force.
	#[benchmark]
	fn accept() {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, 1, Threshold::Revenue(Zero::zero()));
		let version = changed::<T>(&vendor, id, max_b::<T>());
		let all: Vec<T::AccountId> = Versions::<T>::get(id, version)
			.map(|v| v.terms.beneficiaries.into_iter().map(|(who, _)| who).collect())
			.unwrap_or_default();
		let (last, others) = all.split_last().expect("at least one");
		for who in others {
			Pallet::<T>::do_accept(who.clone(), id, version).expect("beneficiary");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), id, version);

		assert_eq!(Agreements::<T>::get(id).and_then(|a| a.current), Some(version));
	}

	#[benchmark]
	fn impose() -> Result<(), BenchmarkError> {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, 1, Threshold::Revenue(Zero::zero()));
		let version = changed::<T>(&vendor, id, max_b::<T>());
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, version);

		assert_eq!(Agreements::<T>::get(id).and_then(|a| a.current), Some(version));
		Ok(())
	}

	/// Withdrawing a first version: the agreement goes and its deposit returns.
	#[benchmark]
	fn withdraw_proposal() {
		let vendor = vendor::<T>();
		let listing = T::Listings::benchmark_listing(&vendor);
		Pallet::<T>::do_propose_agreement(
			vendor.clone(),
			Scope::Listing(listing),
			terms::<T>(max_b::<T>(), Threshold::Revenue(Zero::zero())),
		)
		.expect("valid proposal");

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), 0);

		assert!(!Agreements::<T>::contains_key(0));
	}

	/// Notice with a pending change to withdraw.
	#[benchmark]
	fn end_agreement() {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, 1, Threshold::Revenue(Zero::zero()));
		changed::<T>(&vendor, id, max_b::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);

		assert!(Agreements::<T>::get(id).is_some_and(|a| a.ending.is_some()));
	}

	/// The last of `MaxBeneficiaries` consents.
	#[benchmark]
	fn consent_to_end() {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, max_b::<T>(), Threshold::Revenue(Zero::zero()));
		Pallet::<T>::do_end_agreement(vendor, id).expect("in force");
		let all: Vec<T::AccountId> = Versions::<T>::get(id, 0)
			.map(|v| v.terms.beneficiaries.into_iter().map(|(who, _)| who).collect())
			.unwrap_or_default();
		let (last, others) = all.split_last().expect("at least one");
		for who in others {
			Pallet::<T>::do_consent_to_end(who.clone(), id).expect("beneficiary");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), id);

		let now = frame_system::Pallet::<T>::block_number();
		assert!(Agreements::<T>::get(id).is_some_and(|a| a.ending.is_some_and(|e| e.at == now)));
	}

	/// `MaxVersions` versions of `MaxBeneficiaries` beneficiaries, each with a ledger.
	#[benchmark]
	fn close_agreement() {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, max_b::<T>(), Threshold::Revenue(Zero::zero()));
		for _ in 1..T::MaxVersions::get() {
			let version = changed::<T>(&vendor, id, max_b::<T>());
			Pallet::<T>::do_impose(id, version).expect("pending");
		}
		for (_, version) in Versions::<T>::iter_prefix(id) {
			for (who, _) in version.terms.beneficiaries.iter() {
				Ledgers::<T>::insert((id, who, T::NativeCurrency::get()), Ledger::default());
			}
		}
		Pallet::<T>::do_end_agreement(vendor.clone(), id).expect("in force");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::NoticePeriod::get()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id);

		assert!(!Agreements::<T>::contains_key(id));
	}

	#[benchmark]
	fn claim() {
		let vendor = vendor::<T>();
		let id = in_force::<T>(&vendor, 1, Threshold::Revenue(Zero::zero()));
		let beneficiary: T::AccountId = account("beneficiary", 0, SEED);
		// In the payouts' currency, to a beneficiary without an account in it yet.
		let currency = currency::<T>();
		let amount = in_currency::<T>(10);
		ready_pot::<T>();
		let pot = Pallet::<T>::pot();
		T::BenchmarkCurrency::fund(&pot, &currency, in_currency::<T>(1).saturating_add(amount));
		{
			use frame_support::traits::fungibles::MutateHold as _;
			T::Currency::hold(currency.clone(), &HoldReason::Unclaimed.into(), &pot, amount)
				.expect("funded pot");
		}
		let key = (id, &beneficiary, &currency);
		Ledgers::<T>::insert(key, Ledger { claimable: amount, ..Default::default() });
		Payouts::<T>::insert(
			id,
			&currency,
			Totals { claimable: amount, released: amount, ..Default::default() },
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, beneficiary.clone(), currency.clone());

		assert!(Ledgers::<T>::get(key).is_some_and(|l| l.claimable.is_zero()));
	}

	/// A refund that leaves every one of `b` beneficiaries owing.
	#[benchmark]
	fn refund_sale(b: Linear<1, { max_b::<T>() }>) {
		let vendor = vendor::<T>();
		let buyer: T::AccountId = account("buyer", 0, SEED);
		fund::<T>(&buyer);
		let (_, listing) = in_force_for::<T>(&vendor, b, Threshold::Revenue(Zero::zero()));
		let amount = in_currency::<T>(1_000);
		settle::<T>(1, &vendor, &buyer, listing, amount);
		assert!(Sales::<T>::contains_key(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), 1, amount);

		assert!(Sales::<T>::get(1).is_some_and(|s| s.refunded == amount));
	}

	/// `n` sales expiring in the same block.
	#[benchmark]
	fn on_idle_sales(n: Linear<0, 100>) {
		let vendor = vendor::<T>();
		let buyer: T::AccountId = account("buyer", 0, SEED);
		fund::<T>(&buyer);
		let (_, listing) = in_force_for::<T>(&vendor, 1, Threshold::Revenue(Zero::zero()));
		let now = frame_system::Pallet::<T>::block_number();
		SaleCursor::<T>::put(now);
		for order in 0..n {
			settle::<T>(order.into(), &vendor, &buyer, listing, in_currency::<T>(1));
		}
		let due = now.saturating_add(T::RefundWindow::get()).saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			Pallet::<T>::on_idle(due, Weight::MAX);
		}

		assert_eq!(Sales::<T>::iter().count(), 0);
	}

	/// One order's whole payout path with `b` beneficiaries: its placement recorded, the split
	/// of the order that crosses the threshold, escrow's transfers to every payee (one into the
	/// pot, the rest netted against clawbacks), the bookkeeping, the sale record and its
	/// removal at close.
	#[benchmark]
	fn payout(b: Linear<1, { max_b::<T>() }>) {
		let vendor = vendor::<T>();
		let buyer: T::AccountId = account("buyer", 0, SEED);
		fund::<T>(&buyer);
		let amount = in_currency::<T>(1_000);
		let threshold = amount / 2u32.into();
		let (id, listing) = in_force_for::<T>(&vendor, b, Threshold::Revenue(threshold));
		// Every beneficiary owes a little of its share; the first so much that what is left
		// (1) is below the currency's minimum balance of its account, which it does not have:
		// the pot takes it.
		let shared = amount.saturating_sub(threshold);
		let all: Vec<(T::AccountId, Perbill)> = Versions::<T>::get(id, 0)
			.map(|v| v.terms.beneficiaries.into_inner())
			.unwrap_or_default();
		for (i, (who, share)) in all.iter().enumerate() {
			let gross = share.mul_floor(shared);
			let owed = if i == 0 { gross.saturating_sub(1u32.into()) } else { in_currency::<T>(1) };
			Ledgers::<T>::insert((id, who, currency::<T>()), Ledger { owed, ..Default::default() });
		}
		if let Some((first, _)) = all.first() {
			use frame_support::traits::fungibles::Mutate as _;
			T::Currency::set_balance(currency::<T>(), first, Zero::zero());
		}
		ready_pot::<T>();

		#[block]
		{
			settle::<T>(7, &vendor, &buyer, listing, amount);
		}

		assert!(Sales::<T>::contains_key(7));
		assert!(Payouts::<T>::get(id, currency::<T>()).is_some_and(|t| t.released == amount));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

/// Place order `order` and pay out `amount` for it as the orders and escrow pallets do: report
/// the placement, split, transfer to each payee, report what was paid, report the close.
fn settle<T: Config>(
	order: commerce_primitives::OrderId,
	vendor: &T::AccountId,
	buyer: &T::AccountId,
	listing: commerce_primitives::ListingId,
	amount: BalanceOf<T>,
) {
	use frame_support::traits::fungibles::Mutate as _;
	let currency = currency::<T>();
	<Pallet<T> as OrderObserver<_, _>>::order_placed(vendor, order, listing, 1, amount, amount);
	let payees = <Pallet<T> as PayoutSplitter<_, _, _>>::split(order, vendor, &currency, amount);
	let mut received = Vec::with_capacity(payees.len());
	for (payee, share) in payees.into_iter() {
		let paid = !share.is_zero()
			&& T::Currency::transfer(
				currency.clone(),
				buyer,
				&payee,
				share,
				Preservation::Preserve,
			)
			.is_ok();
		received.push((payee, if paid { share } else { Zero::zero() }));
	}
	<Pallet<T> as PayoutSplitter<_, _, _>>::paid(
		order, vendor, buyer, &currency, amount, &received,
	);
	<Pallet<T> as OrderObserver<_, _>>::order_closed(&OrderReport {
		order,
		vendor: vendor.clone(),
		buyer: buyer.clone(),
		outcome: Outcome::Completed,
		total: amount,
		partially_refunded: Zero::zero(),
		refunded_at_close: Zero::zero(),
		shipped: true,
	});
}
