//! Benchmarks of the escrow pallet, each call in its worst case.

use super::*;
use crate::Pallet as Escrow;
use alloc::vec::Vec;
use commerce_primitives::OrderId;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_support::{
	traits::{fungibles::Inspect, Get, Hooks},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{One, Saturating};

const SEED: u32 = 0;
/// The most overdue items one `on_idle` benchmark handles: enough for a linear fit.
const ON_IDLE_MAX: u32 = 64;

/// The currency of the benchmarks' orders: the dearest the runtime accepts.
fn currency<T: Config>() -> CurrencyOf<T> {
	<T::BenchmarkHelper as commerce_primitives::BenchmarkCurrency<_, _, _>>::dearest()
}

fn amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance(currency::<T>()).saturating_mul(1_000u32.into())
}

/// A disputable order between two fresh accounts, in the dearest currency; the fee account
/// exists in it and the fee is at its maximum, so that a payout moves money to every party.
fn order<T: Config>(index: u32) -> (OrderId, T::AccountId, T::AccountId) {
	use commerce_primitives::BenchmarkCurrency;
	let buyer: T::AccountId = account("buyer", index, SEED);
	let vendor: T::AccountId = account("vendor", index, SEED);
	let currency = currency::<T>();
	T::BenchmarkHelper::fund(
		&T::FeeAccount::get(),
		&currency,
		T::Currency::minimum_balance(currency.clone()),
	);
	MarketplaceFee::<T>::put(T::MaxFee::get());
	let id = T::BenchmarkHelper::disputable_order(&buyer, &vendor, currency, amount::<T>());
	(id, buyer, vendor)
}

fn disputed<T: Config>(index: u32) -> (OrderId, T::AccountId, T::AccountId) {
	let (id, buyer, vendor) = order::<T>(index);
	Escrow::<T>::do_open_dispute(buyer.clone(), id, [1; 32]).expect("order is disputable");
	(id, buyer, vendor)
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// The benchmark CLI moves block 0 to block 1 between the setup and the call: start at block 1,
/// so that deadlines computed in the setup are the ones the call computes.
fn start_at_block_one<T: Config>() {
	if now::<T>() < One::one() {
		frame_system::Pallet::<T>::set_block_number(One::one());
	}
}

/// A payout of `amount` owed to a fresh payee with no account (the worst case: claiming it
/// creates the account), on hold on a funded buyer's account, claimable and already expired.
fn unclaimed<T: Config>(order: OrderId) -> T::AccountId {
	use commerce_primitives::BenchmarkCurrency;
	use frame_support::traits::fungibles::MutateHold;
	let buyer: T::AccountId = account("buyer", order as u32, SEED);
	let payee: T::AccountId = account("payee", order as u32, SEED);
	let currency = currency::<T>();
	T::BenchmarkHelper::fund(&buyer, &currency, amount::<T>().saturating_mul(2u32.into()));
	T::Currency::hold(currency.clone(), &HoldReason::Escrow.into(), &buyer, amount::<T>())
		.expect("the buyer is funded");
	Unclaimed::<T>::insert(
		order,
		&payee,
		UnclaimedPayout { buyer, currency, amount: amount::<T>(), expires: now::<T>() },
	);
	payee
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_fee() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let fee = T::MaxFee::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, fee);

		assert_eq!(MarketplaceFee::<T>::get(), fee);
		Ok(())
	}

	/// Other disputes already share the ruling-deadline block; they cost this one nothing.
	#[benchmark]
	fn open_dispute() {
		start_at_block_one::<T>();
		let others: Vec<OrderId> = (1..=ON_IDLE_MAX).map(|i| disputed::<T>(i).0).collect();
		let (id, buyer, _) = order::<T>(0);
		let due = now::<T>().saturating_add(T::RulingWindow::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id, [1; 32]);

		let dispute = Disputes::<T>::get(id).expect("dispute open");
		assert_eq!(dispute.rule_by, due);
		assert!(others.iter().all(|other| RulingDeadlines::<T>::contains_key(due, other)));
	}

	#[benchmark]
	fn submit_evidence() {
		let (id, _, vendor) = disputed::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(vendor), id, [2; 32]);

		assert_eq!(Disputes::<T>::get(id).and_then(|d| d.vendor_evidence), Some([2; 32]));
	}

	#[benchmark]
	fn rule() -> Result<(), BenchmarkError> {
		let (id, _, _) = disputed::<T>(0);
		let origin = T::ArbitrationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let to_buyer = amount::<T>() / 2u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, to_buyer);

		assert!(!Escrows::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn resolve_overdue_dispute() {
		let (id, _, _) = disputed::<T>(0);
		let caller: T::AccountId = whitelisted_caller();
		let rule_by = Disputes::<T>::get(id).expect("disputed").rule_by;
		frame_system::Pallet::<T>::set_block_number(rule_by);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Escrows::<T>::contains_key(id));
	}

	/// `on_idle` visiting one due block with `n` overdue disputes, each between another buyer
	/// and vendor. `on_idle` takes as many as its weight allows; the fit gives the cost of one.
	#[benchmark]
	fn on_idle_disputes(n: Linear<0, ON_IDLE_MAX>) {
		let ids: Vec<OrderId> = (0..n).map(|i| disputed::<T>(i).0).collect();
		let due = now::<T>().saturating_add(T::RulingWindow::get());
		frame_system::Pallet::<T>::set_block_number(due);
		RulingCursor::<T>::put(due);

		#[block]
		{
			Escrow::<T>::on_idle(due, Weight::MAX);
		}

		assert!(ids.iter().all(|id| !Escrows::<T>::contains_key(id)));
		assert_eq!(RulingCursor::<T>::get(), due.saturating_add(One::one()));
	}

	#[benchmark]
	fn claim_payout() {
		start_at_block_one::<T>();
		let payee = unclaimed::<T>(1);
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 1, payee.clone());

		assert!(Unclaimed::<T>::get(1, &payee).is_none());
		assert_eq!(T::Currency::balance(currency::<T>(), &payee), amount::<T>());
	}

	/// To the fee account (it exists in the currency), the costlier of the two ends.
	#[benchmark]
	fn forfeit_payout() {
		use commerce_primitives::BenchmarkCurrency;
		start_at_block_one::<T>();
		let currency = currency::<T>();
		let fee_account = T::FeeAccount::get();
		let min = T::Currency::minimum_balance(currency.clone());
		T::BenchmarkHelper::fund(&fee_account, &currency, min);
		let payee = unclaimed::<T>(1);
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 1, payee.clone());

		assert!(Unclaimed::<T>::get(1, &payee).is_none());
		assert_eq!(T::Currency::balance(currency, &fee_account), min.saturating_add(amount::<T>()));
	}

	impl_benchmark_test_suite!(Escrow, crate::mock::new_test_ext(), crate::mock::Test);
}
