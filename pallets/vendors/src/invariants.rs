//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	Affected, BalanceOf, Bids, Config, Credentials, CurrentPeriod, EncryptionKeys, HoldReason,
	ListingTenders, Pallet, Performance, Tenders, VendorStatus, Vendors,
};
use alloc::collections::btree_map::BTreeMap;
use commerce_primitives::HoldersOf;
use frame_support::ensure;
use frame_support::traits::Get;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. The funds on hold under [`HoldReason::Bond`] are exactly the registry's bonds, account
	///    by account: no bond is missing, and nothing is held without a registered vendor.
	/// 2. No vendor is evaluated beyond the current period.
	/// 3. Each vendor's KPI ring is strictly ordered by period, within the current period, and
	///    its counts are consistent (`buyer_cancelled`, `perfect` and `shipped_on_time` at most
	///    `closed`; `disputes_lost` at most `disputes`; the sample at most the eligible orders;
	///    each value at most `eligible_value`, `missed_value` at most `cancelled_value`).
	/// 4. Credentials, KPIs, service-credit lists and encryption keys exist only for registered
	///    vendors; no encryption key is all zeros.
	/// 5. The funds on hold under [`HoldReason::TenderDeposit`] are exactly the deposits of the
	///    bids not revealed yet and of the openers of open replacement tenders; every bid belongs to an open tender, which counts it, within
	///    `MaxBids`; each open tender is the one its listing points to.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let current = CurrentPeriod::<T>::get().index;
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, vendor) in Vendors::<T>::iter() {
			if !vendor.bond.is_zero() {
				bonds.insert(who, vendor.bond);
			}
			ensure!(vendor.next_evaluation <= current, "a vendor evaluated beyond the present");
			if let VendorStatus::Applied = vendor.status {
				ensure!(vendor.open_orders == 0, "an applicant with open orders");
			}
		}
		let held: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::Bond.into()).into_iter().collect();
		ensure!(held == bonds, "funds on hold for bonds differ from the registry's bonds");

		for (who, ring) in Performance::<T>::iter() {
			ensure!(Vendors::<T>::contains_key(&who), "KPIs of an unregistered account");
			ensure!(
				ring.windows(2).all(|pair| pair[0].period < pair[1].period),
				"a KPI ring out of order"
			);
			for kpis in ring.iter() {
				ensure!(kpis.period <= current, "KPIs of a future period");
				ensure!(
					kpis.buyer_cancelled <= kpis.closed
						&& kpis.perfect <= kpis.closed
						&& kpis.shipped_on_time <= kpis.closed
						&& kpis.disputes_lost <= kpis.disputes
						&& kpis.sampled <= kpis.closed.saturating_sub(kpis.buyer_cancelled),
					"inconsistent KPI counts"
				);
				ensure!(
					kpis.imperfect_value <= kpis.eligible_value
						&& kpis.shipped_value <= kpis.eligible_value
						&& kpis.cancelled_value <= kpis.eligible_value
						&& kpis.disputes_lost_value <= kpis.eligible_value
						&& kpis.missed_value <= kpis.cancelled_value,
					"inconsistent KPI values"
				);
			}
		}
		for who in Credentials::<T>::iter_keys() {
			ensure!(Vendors::<T>::contains_key(&who), "credentials of an unregistered account");
		}
		for (who, key) in EncryptionKeys::<T>::iter() {
			ensure!(
				Vendors::<T>::contains_key(&who),
				"an encryption key of an unregistered account"
			);
			ensure!(key != [0; 32], "an all-zero encryption key");
		}
		for who in Affected::<T>::iter_keys() {
			ensure!(Vendors::<T>::contains_key(&who), "credits owed by an unregistered account");
		}

		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (tender, bidder, bid) in Bids::<T>::iter() {
			ensure!(Tenders::<T>::contains_key(tender), "a bid without its tender");
			if bid.revealed.is_none() {
				let entry = deposits.entry(bidder).or_default();
				*entry = entry.saturating_add(bid.deposit);
			}
		}
		for (_, tender) in Tenders::<T>::iter() {
			if let Some((opener, deposit)) = tender.opener {
				let entry = deposits.entry(opener).or_default();
				*entry = entry.saturating_add(deposit);
			}
		}
		deposits.retain(|_, amount| !amount.is_zero());
		let held: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::TenderDeposit.into()).into_iter().collect();
		ensure!(held == deposits, "funds on hold for tenders differ from the deposits recorded");
		for (id, tender) in Tenders::<T>::iter() {
			let bids = Bids::<T>::iter_prefix(id).count() as u32;
			ensure!(bids == tender.bids, "a tender miscounts its bids");
			ensure!(bids <= T::MaxBids::get(), "a tender above MaxBids");
			ensure!(
				ListingTenders::<T>::get(tender.listing) == Some(id),
				"a tender lost its listing"
			);
		}
		for (_, id) in ListingTenders::<T>::iter() {
			ensure!(Tenders::<T>::contains_key(id), "a listing points to no tender");
		}
		Ok(())
	}
}
