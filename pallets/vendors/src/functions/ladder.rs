//! Evaluation against the policy, the penalty ladder, and slashing.

use crate::{
	ActivePolicy, Affected, BalanceOf, Config, CurrentPeriod, Error, Event, Pallet, Performance,
	PeriodLength, PolicyOf, VendorOf, VendorStatus, Vendors, Verdict,
};
use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	DispatchResult, Rounding, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn policy_is_valid(policy: &PolicyOf<T>) -> bool {
		policy.cure_periods >= 1 && policy.failed_cures_to_suspend >= 1
	}

	pub(crate) fn do_set_policy(policy: Option<PolicyOf<T>>) -> DispatchResult {
		if let Some(policy) = &policy {
			ensure!(Self::policy_is_valid(policy), Error::<T>::InvalidPolicy);
		}
		ActivePolicy::<T>::set(policy.clone());
		Self::deposit_event(Event::PolicySet { policy });
		Ok(())
	}

	/// Judge `who` for every period that ended since its last evaluation, climbing the ladder
	/// period by period, then end its cure if the cure period is over.
	pub(crate) fn do_evaluate(who: &T::AccountId) -> DispatchResult {
		let mut vendor = Self::vendor(who)?;
		let current = CurrentPeriod::<T>::get();
		ensure!(vendor.next_evaluation < current.index, Error::<T>::NothingToEvaluate);
		let from = vendor.next_evaluation;
		vendor.next_evaluation = current.index;
		let judged = matches!(vendor.status, VendorStatus::Active | VendorStatus::Probation { .. });
		if let (true, Some(policy)) = (judged, ActivePolicy::<T>::get()) {
			for kpis in Performance::<T>::get(who)
				.iter()
				.filter(|kpis| kpis.period >= from && kpis.period < current.index)
			{
				let rates = kpis.rates();
				let verdict = policy.judge(&rates);
				Self::deposit_event(Event::Evaluated {
					vendor: who.clone(),
					period: kpis.period,
					rates,
					verdict,
				});
				Self::climb(who, &mut vendor, verdict, kpis.period, &policy, rates.eligible);
			}
			if let VendorStatus::Probation { ends, breached, sampled } = vendor.status {
				if current.start >= ends {
					// A cure is proven only on a sufficient sample: a vendor on probation that
					// sells too little (or only dust) does not wait its cure out.
					let failed = breached || sampled < policy.min_sample;
					Self::end_cure(who, &mut vendor, failed, &policy)?;
				}
			}
		}
		Vendors::<T>::insert(who, vendor);
		Ok(())
	}

	/// One rung of the ladder for one judged period, whose sample was `sample` orders.
	fn climb(
		who: &T::AccountId,
		vendor: &mut VendorOf<T>,
		verdict: Verdict,
		period: crate::PeriodIndex,
		policy: &PolicyOf<T>,
		sample: u32,
	) {
		if let VendorStatus::Probation { ends, breached, sampled } = vendor.status {
			let breached = breached || verdict == Verdict::Breached;
			let sampled = sampled.saturating_add(sample);
			vendor.status = VendorStatus::Probation { ends, breached, sampled };
			return;
		}
		match (vendor.status, verdict) {
			(VendorStatus::Active, Verdict::Breached) if vendor.warned => {
				Self::start_probation(who, vendor, policy);
			},
			(VendorStatus::Active, Verdict::Breached) => {
				vendor.warned = true;
				Self::deposit_event(Event::Warned { vendor: who.clone(), period });
			},
			(VendorStatus::Active, Verdict::Met) => {
				// Good standing: the warning lapses and nobody is owed a credit.
				vendor.warned = false;
				Affected::<T>::remove(who);
			},
			_ => {},
		}
	}

	fn start_probation(who: &T::AccountId, vendor: &mut VendorOf<T>, policy: &PolicyOf<T>) {
		let current = CurrentPeriod::<T>::get();
		let cure: frame_system::pallet_prelude::BlockNumberFor<T> = policy.cure_periods.into();
		let ends = current.start.saturating_add(PeriodLength::<T>::get().saturating_mul(cure));
		vendor.status = VendorStatus::Probation { ends, breached: false, sampled: 0 };
		Self::deposit_event(Event::ProbationStarted { vendor: who.clone(), ends });
	}

	/// The cure period is over: a clean cure restores good standing; a failed one (breached,
	/// or on too small a sample) slashes and either starts another cure or, after
	/// `failed_cures_to_suspend`, suspends.
	fn end_cure(
		who: &T::AccountId,
		vendor: &mut VendorOf<T>,
		failed: bool,
		policy: &PolicyOf<T>,
	) -> DispatchResult {
		if !failed {
			vendor.status = VendorStatus::Active;
			vendor.warned = false;
			vendor.failed_cures = 0;
			Affected::<T>::remove(who);
			Self::deposit_event(Event::Recovered { vendor: who.clone() });
			return Ok(());
		}
		vendor.failed_cures.saturating_inc();
		Self::slash(who, vendor, policy)?;
		if vendor.failed_cures >= policy.failed_cures_to_suspend {
			vendor.status = VendorStatus::Suspended;
			Self::deposit_event(Event::Suspended { vendor: who.clone(), by_policy: true });
		} else {
			Self::start_probation(who, vendor, policy);
		}
		Ok(())
	}

	/// `amount * part / whole`, rounded down (zero if `whole` is).
	fn pro_rata(amount: BalanceOf<T>, part: BalanceOf<T>, whole: BalanceOf<T>) -> BalanceOf<T> {
		multiply_by_rational_with_rounding(
			amount.saturated_into(),
			part.saturated_into(),
			whole.saturated_into(),
			Rounding::Down,
		)
		.map(|share| share.saturated_into())
		.unwrap_or_default()
	}

	/// Slash `policy.slash` of the bond, at most `max_slash`: first to the buyers owed credits,
	/// up to their unrecovered loss and pro rata to it, the rest to the treasury. A
	/// part that cannot be deposited (an account that would stay below the existential
	/// deposit) stays in the bond. Nothing is created or lost: every unit moves from the hold.
	pub(crate) fn slash(
		who: &T::AccountId,
		vendor: &mut VendorOf<T>,
		policy: &PolicyOf<T>,
	) -> DispatchResult {
		let cap: BalanceOf<T> = policy.max_slash.saturated_into();
		let amount = (policy.slash * vendor.bond).min(cap).min(vendor.bond);
		let affected = Affected::<T>::take(who);
		let owed = affected
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, (_, value)| sum.saturating_add(*value));
		let for_buyers = amount.min(owed);
		let reason = Self::bond_reason();
		let move_to = |to: &T::AccountId, value: BalanceOf<T>| {
			if value.is_zero() {
				return Zero::zero();
			}
			T::Currency::transfer_on_hold(
				&reason,
				who,
				to,
				value,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)
			.unwrap_or_default()
		};
		let mut to_buyers = BalanceOf::<T>::zero();
		for (buyer, value) in affected.iter() {
			let credit = move_to(buyer, Self::pro_rata(for_buyers, *value, owed));
			if !credit.is_zero() {
				to_buyers = to_buyers.saturating_add(credit);
				Self::deposit_event(Event::ServiceCredit {
					vendor: who.clone(),
					buyer: buyer.clone(),
					amount: credit,
				});
			}
		}
		let to_treasury = move_to(&T::Treasury::get(), amount.saturating_sub(to_buyers));
		vendor.bond = vendor.bond.saturating_sub(to_buyers).saturating_sub(to_treasury);
		Self::deposit_event(Event::Slashed {
			vendor: who.clone(),
			to_buyers,
			to_treasury,
			bond: vendor.bond,
		});
		Ok(())
	}
}
