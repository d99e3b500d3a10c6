//! Benchmarks of the vendors pallet, each call and hook in its worst case.

use super::*;
use alloc::vec::Vec;
use commerce_primitives::ListingProvider;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{Bounded, Saturating, Zero},
	Perbill,
};

const SEED: u32 = 0;

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// A funded account that has applied, with the longest profile.
fn applicant<T: Config>(name: &'static str) -> T::AccountId {
	applicant_n::<T>(name, 0)
}

fn applicant_n<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let funds =
		T::Bond::get().saturating_mul(10u32.into()).saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, funds);
	let profile = BoundedVec::truncate_from(alloc::vec![7u8; T::MaxProfileLen::get() as usize]);
	Pallet::<T>::do_apply(who.clone(), profile).expect("funded applicant");
	who
}

/// An approved vendor.
fn vendor<T: Config>(name: &'static str) -> T::AccountId {
	vendor_n::<T>(name, 0)
}

fn vendor_n<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = applicant_n::<T>(name, index);
	Pallet::<T>::do_approve(who.clone()).expect("applied");
	// The credentials the policy in force requires, so that it may sell (and bid).
	for kind in ActivePolicy::<T>::get().map(|p| p.required_credentials).unwrap_or_default() {
		Pallet::<T>::do_issue_credential(who.clone(), credential::<T>(kind)).expect("room");
	}
	who
}

/// A full KPI ring of perfect periods: the most the KPI floor and score read.
fn good_record<T: Config>(who: &T::AccountId) {
	let mut ring = BoundedVec::new();
	for period in 0..T::MaxPeriods::get() {
		let mut kpis = PeriodKpis::new(period);
		kpis.closed = 100;
		kpis.shipped_on_time = 100;
		kpis.perfect = 100;
		kpis.sampled = 100;
		kpis.eligible_value = T::MinSampleValue::get().saturating_mul(100u32.into());
		kpis.shipped_value = kpis.eligible_value;
		let _ = ring.try_push(kpis);
	}
	Performance::<T>::insert(who, ring);
}

/// The policy, and an open tender (id 0) for a listing of a suspended vendor.
fn open_tender_for_benchmarks<T: Config>() -> TenderId {
	ActivePolicy::<T>::put(policy::<T>());
	let seller = vendor::<T>("seller");
	let listing = T::Listings::benchmark_listing(&seller);
	Pallet::<T>::do_suspend(seller).expect("active");
	let id = NextTenderId::<T>::get();
	let opener = vendor::<T>("opener");
	Pallet::<T>::do_open_tender(listing, None, Some(opener)).expect("a suspended vendor's listing");
	id
}

fn bid_price<T: Config>(index: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(100u32.saturating_add(index).into())
}

fn salt() -> [u8; 32] {
	[7; 32]
}

fn vetting<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::VettingOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn credential<T: Config>(kind: CredentialKind) -> CredentialOf<T> {
	Credential { kind, issuer: [1; 32], hash: [2; 32], expires: BlockNumberFor::<T>::max_value() }
}

/// The most demanding policy: the most required credentials, every period judged, a failed
/// cure slashes half the bond and suspends.
fn policy<T: Config>() -> PolicyOf<T> {
	Policy {
		min_sample: 1,
		min_on_time: Perbill::from_percent(99),
		max_defect: Perbill::from_percent(1),
		max_order_defect: Perbill::from_percent(1),
		max_cancellation: Perbill::from_percent(1),
		cure_periods: 1,
		slash: Perbill::from_percent(50),
		max_slash: u128::MAX,
		failed_cures_to_suspend: 1,
		required_credentials: BoundedVec::truncate_from(
			(0..T::MaxRequiredCredentials::get() as u16).collect(),
		),
		tender: TenderRules {
			commit_blocks: 10,
			reveal_blocks: 10,
			deposit: 1_000,
			price_weight: Perbill::from_percent(50),
			delivery_weight: Perbill::from_percent(30),
			kpi_weight: Perbill::from_percent(20),
			kpi_floor: Perbill::from_percent(50),
		},
	}
}

/// A vendor whose evaluation now does the most work: `MaxPeriods` breached periods to judge,
/// a cure that ends and fails, a slash paid to `MaxAffected` new accounts and the treasury,
/// and a suspension.
fn worst_case_vendor<T: Config>() -> T::AccountId {
	let who = vendor::<T>("worst");
	ActivePolicy::<T>::put(policy::<T>());
	let periods = T::MaxPeriods::get();
	let current = PeriodInfo { index: periods.saturating_add(1), start: now::<T>() };
	CurrentPeriod::<T>::put(current);
	let mut ring = BoundedVec::new();
	for period in 1..=periods {
		let mut kpis = PeriodKpis::new(period);
		kpis.closed = 10;
		kpis.missed_deadlines = 10;
		kpis.sampled = 10;
		kpis.eligible_value = T::MinSampleValue::get().saturating_mul(10u32.into());
		kpis.imperfect_value = kpis.eligible_value;
		kpis.missed_value = kpis.eligible_value;
		kpis.cancelled_value = kpis.eligible_value;
		let _ = ring.try_push(kpis);
	}
	Performance::<T>::insert(&who, ring);
	// Half the slash is owed to buyers, the rest goes to the treasury.
	let slash = Perbill::from_percent(50) * T::Bond::get();
	let owed = slash / (2 * T::MaxAffected::get()).into();
	let affected = (0..T::MaxAffected::get()).map(|i| (account("buyer", i, SEED), owed)).collect();
	Affected::<T>::insert(&who, BoundedVec::truncate_from(affected));
	Vendors::<T>::mutate_extant(&who, |vendor| {
		vendor.status = VendorStatus::Probation { ends: current.start, breached: true, sampled: 0 };
		vendor.next_evaluation = 1;
	});
	who
}

fn suspended_by_policy<T: Config>(who: &T::AccountId) -> bool {
	Vendors::<T>::get(who).is_some_and(|vendor| vendor.status == VendorStatus::Suspended)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply() {
		let who: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&who, T::Bond::get().saturating_mul(2u32.into()));
		let profile = BoundedVec::truncate_from(alloc::vec![7u8; T::MaxProfileLen::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), profile);

		assert!(Vendors::<T>::contains_key(&who));
	}

	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = applicant::<T>("applicant");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Vendors::<T>::get(&who).is_some_and(|v| v.status == VendorStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = applicant::<T>("applicant");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Vendors::<T>::contains_key(&who));
		Ok(())
	}

	/// A new kind, after every other slot is taken.
	#[benchmark]
	fn issue_credential() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = vendor::<T>("vendor");
		let max = T::MaxCredentials::get() as u16;
		for kind in 0..max.saturating_sub(1) {
			Pallet::<T>::do_issue_credential(who.clone(), credential::<T>(kind))?;
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), credential::<T>(max));

		assert_eq!(Credentials::<T>::get(&who).len() as u32, T::MaxCredentials::get());
		Ok(())
	}

	/// The last of a full list.
	#[benchmark]
	fn revoke_credential() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = vendor::<T>("vendor");
		let max = T::MaxCredentials::get() as u16;
		for kind in 0..max {
			Pallet::<T>::do_issue_credential(who.clone(), credential::<T>(kind))?;
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), max.saturating_sub(1));

		assert_eq!(Credentials::<T>::get(&who).len() as u32, T::MaxCredentials::get() - 1);
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = vendor::<T>("vendor");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(suspended_by_policy::<T>(&who));
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let origin = vetting::<T>()?;
		let who = vendor::<T>("vendor");
		Pallet::<T>::do_suspend(who.clone())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Vendors::<T>::get(&who).is_some_and(|v| v.status == VendorStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn retire() {
		let who = vendor::<T>("vendor");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Vendors::<T>::get(&who)
			.is_some_and(|v| matches!(v.status, VendorStatus::Retiring { .. })));
	}

	/// Everything a vendor can have stored is removed.
	#[benchmark]
	fn withdraw_bond() -> Result<(), BenchmarkError> {
		let who = worst_case_vendor::<T>();
		for kind in 0..T::MaxCredentials::get() as u16 {
			Pallet::<T>::do_issue_credential(who.clone(), credential::<T>(kind))?;
		}
		Vendors::<T>::mutate_extant(&who, |vendor| vendor.status = VendorStatus::Active);
		Pallet::<T>::do_retire(who.clone())?;
		frame_system::Pallet::<T>::set_block_number(
			now::<T>().saturating_add(T::UnbondingPeriod::get()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Vendors::<T>::contains_key(&who));
		assert!(Performance::<T>::get(&who).is_empty());
		Ok(())
	}

	#[benchmark]
	fn evaluate() {
		let who = worst_case_vendor::<T>();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who.clone());

		assert!(suspended_by_policy::<T>(&who));
	}

	#[benchmark]
	fn set_policy() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(policy::<T>()));

		assert!(ActivePolicy::<T>::get().is_some());
		Ok(())
	}

	#[benchmark]
	fn set_period_length() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let length = T::MinPeriodLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, length);

		assert_eq!(PeriodLength::<T>::get(), length);
		Ok(())
	}

	#[benchmark]
	fn on_initialize_quiet() {
		let block = now::<T>();
		CurrentPeriod::<T>::put(PeriodInfo { index: 1, start: block });

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert_eq!(CurrentPeriod::<T>::get().index, 1);
	}

	#[benchmark]
	fn on_initialize_roll() {
		let block = now::<T>().saturating_add(PeriodLength::<T>::get());

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert_eq!(CurrentPeriod::<T>::get().index, 1);
		assert_eq!(Sweep::<T>::get(), Some(None));
	}

	/// No sweep running.
	#[benchmark]
	fn on_idle_base() {
		let block = now::<T>();

		#[block]
		{
			Pallet::<T>::on_idle(block, Weight::MAX);
		}
	}

	/// One sweep step, over a worst-case vendor.
	#[benchmark]
	fn on_idle_vendor() {
		let who = worst_case_vendor::<T>();
		// Resume right before it, whatever else is registered.
		let keys: Vec<T::AccountId> = Vendors::<T>::iter_keys().collect();
		let at = keys.iter().position(|key| key == &who).expect("registered");
		let cursor = at
			.checked_sub(1)
			.map(|before| BoundedVec::truncate_from(Vendors::<T>::hashed_key_for(&keys[before])));

		#[block]
		{
			assert!(Pallet::<T>::sweep_step(&cursor).is_some());
		}

		assert!(suspended_by_policy::<T>(&who));
	}

	/// The heavier of the two calls that open a tender: the replacement of a suspended
	/// vendor's listing (the vendor's record read, the opener's deposit held).
	#[benchmark]
	fn open_tender() {
		ActivePolicy::<T>::put(policy::<T>());
		let seller = vendor::<T>("seller");
		let listing = T::Listings::benchmark_listing(&seller);
		Pallet::<T>::do_suspend(seller).expect("active");
		let opener = vendor::<T>("opener");

		#[extrinsic_call]
		open_replacement_tender(RawOrigin::Signed(opener), listing);

		assert!(ListingTenders::<T>::contains_key(listing));
	}

	/// A bidder with a full KPI record to check against the floor.
	#[benchmark]
	fn commit_bid() {
		let id = open_tender_for_benchmarks::<T>();
		let bidder = vendor_n::<T>("bidder", 0);
		good_record::<T>(&bidder);
		let window = Tenders::<T>::get(id).expect("open").max_ship_window;
		let commitment = Pallet::<T>::commitment(id, &bidder, bid_price::<T>(0), window, salt());

		#[extrinsic_call]
		_(RawOrigin::Signed(bidder.clone()), id, commitment);

		assert!(Bids::<T>::contains_key(id, &bidder));
	}

	#[benchmark]
	fn reveal_bid() {
		let id = open_tender_for_benchmarks::<T>();
		let bidder = vendor_n::<T>("bidder", 0);
		let tender = Tenders::<T>::get(id).expect("open");
		let (price, window) = (bid_price::<T>(0), tender.max_ship_window);
		let commitment = Pallet::<T>::commitment(id, &bidder, price, window, salt());
		Pallet::<T>::do_commit_bid(bidder.clone(), id, commitment).expect("an active bidder");
		frame_system::Pallet::<T>::set_block_number(tender.commit_end);

		#[extrinsic_call]
		_(RawOrigin::Signed(bidder.clone()), id, price, window, salt());

		assert!(Bids::<T>::get(id, &bidder).is_some_and(|bid| bid.revealed.is_some()));
	}

	/// `b` bids, all revealed; every bidder but the lowest-scoring one cannot pay a listing
	/// deposit any more, so the award tries each to the end of `list_like` (its last check)
	/// before the last one lists; the replaced listing's stock is withdrawn.
	#[benchmark]
	fn close_tender(b: Linear<0, { T::MaxBids::get() }>) {
		let id = open_tender_for_benchmarks::<T>();
		let tender = Tenders::<T>::get(id).expect("open");
		let window = tender.max_ship_window;
		let bidders: Vec<T::AccountId> = (0..b).map(|i| vendor_n::<T>("bidder", i)).collect();
		for (i, bidder) in bidders.iter().enumerate() {
			good_record::<T>(bidder);
			let commitment =
				Pallet::<T>::commitment(id, bidder, bid_price::<T>(i as u32), window, salt());
			Pallet::<T>::do_commit_bid(bidder.clone(), id, commitment).expect("an active bidder");
		}
		frame_system::Pallet::<T>::set_block_number(tender.commit_end);
		for (i, bidder) in bidders.iter().enumerate() {
			Pallet::<T>::do_reveal_bid(
				bidder.clone(),
				id,
				bid_price::<T>(i as u32),
				window,
				salt(),
			)
			.expect("a valid reveal");
		}
		// The highest price scores lowest: every other bidder spent what it had, so its
		// listing fails at the deposit, after every other check.
		for bidder in bidders.iter().rev().skip(1) {
			T::Currency::set_balance(bidder, Zero::zero());
		}
		frame_system::Pallet::<T>::set_block_number(tender.reveal_end);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Tenders::<T>::contains_key(id));
		assert_eq!(Bids::<T>::iter_prefix(id).count(), 0);
	}

	/// Replacing a published key.
	#[benchmark]
	fn set_encryption_key() {
		let who = vendor::<T>("vendor");
		EncryptionKeys::<T>::insert(&who, [1; 32]);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), Some([2; 32]));

		assert_eq!(EncryptionKeys::<T>::get(&who), Some([2; 32]));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
