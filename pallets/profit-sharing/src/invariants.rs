//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	AgreementId, Agreements, BalanceOf, Config, HoldReason, Ledgers, LiveAgreement, Pallet,
	Placements, SaleExpiries, Sales, Versions,
};
use alloc::collections::btree_map::BTreeMap;
use commerce_primitives::{accrue as add, DepositAmount, HoldersOf};
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use sp_runtime::{
	traits::{One, Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Per agreement: `to_vendor + to_beneficiaries + claimable == released` (every planck
	///    released is accounted for), `refunded <= released`; its ledgers' `received` add up
	///    to `to_beneficiaries` and their `claimable` to `claimable`.
	/// 2. Every ledger's claimable, closed agreements' included, adds up to the funds on hold
	///    in the pot under [`HoldReason::Unclaimed`]; nobody else holds for that reason.
	/// 3. The funds on hold for agreement and sale deposits are exactly the deposits of the
	///    stored agreements and sales, account by account.
	/// 4. Each agreement's `open_orders` is the number of order placements that name it; its
	///    current and pending versions are stored, at most `MaxVersions`; the live-agreement
	///    index points to agreements of that vendor and scope.
	/// 5. Each sale has refunded at most its amount, shared at most its amount, and is in the
	///    expiry queue; it records a credit for at most the beneficiaries of its version (while
	///    that version is stored).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut received: BTreeMap<AgreementId, BalanceOf<T>> = BTreeMap::new();
		let mut claimable: BTreeMap<AgreementId, BalanceOf<T>> = BTreeMap::new();
		let mut all_claimable = BalanceOf::<T>::zero();
		for (id, _, ledger) in Ledgers::<T>::iter() {
			add(&mut received, id, ledger.received);
			add(&mut claimable, id, ledger.claimable);
			all_claimable.saturating_accrue(ledger.claimable);
		}
		let mut open: BTreeMap<AgreementId, u32> = BTreeMap::new();
		for (_, placement) in Placements::<T>::iter() {
			let count = open.entry(placement.agreement).or_default();
			*count = count.saturating_add(1);
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, agreement) in Agreements::<T>::iter() {
			let t = agreement.totals;
			ensure!(
				t.to_vendor.saturating_add(t.to_beneficiaries).saturating_add(t.claimable)
					== t.released,
				"an agreement's payouts do not add up to what was released"
			);
			ensure!(t.refunded <= t.released, "refunded more than released");
			ensure!(
				received.get(&id).copied().unwrap_or_default() == t.to_beneficiaries,
				"ledgers' receipts differ from the agreement's total to beneficiaries"
			);
			ensure!(
				claimable.get(&id).copied().unwrap_or_default() == t.claimable,
				"ledgers' claimables differ from the agreement's"
			);
			ensure!(
				open.get(&id).copied().unwrap_or_default() == agreement.open_orders,
				"open orders differ from the placements naming the agreement"
			);
			let stored = Versions::<T>::iter_prefix(id).count() as u32;
			ensure!(stored == agreement.versions, "the version count differs from the versions");
			ensure!(stored <= T::MaxVersions::get(), "too many versions");
			for version in agreement.current.iter().chain(agreement.pending.iter()) {
				ensure!(*version < agreement.next_version, "a version beyond the count");
				ensure!(Versions::<T>::contains_key(id, version), "a missing version");
			}
			add(&mut deposits, agreement.vendor.clone(), agreement.deposit.deposit_amount());
		}
		for (vendor, scope, id) in LiveAgreement::<T>::iter() {
			let agreement = Agreements::<T>::get(id).ok_or("a live agreement that is gone")?;
			ensure!(
				agreement.vendor == vendor && agreement.scope == scope,
				"a live agreement under another vendor or scope"
			);
		}
		let held_deposits: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::AgreementDeposit.into()).into_iter().collect();
		ensure!(held_deposits == deposits, "agreement deposits differ from their holds");

		let mut sale_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (order, sale) in Sales::<T>::iter() {
			ensure!(sale.refunded <= sale.amount, "a sale refunded beyond its amount");
			ensure!(sale.shared <= sale.amount, "a sale shared beyond its amount");
			ensure!(
				SaleExpiries::<T>::contains_key(sale.until.saturating_add(One::one()), order),
				"a sale without its expiry"
			);
			if let Some(version) = Versions::<T>::get(sale.agreement, sale.version) {
				ensure!(
					sale.credited.len() <= version.terms.beneficiaries.len(),
					"a sale credits more beneficiaries than its version has"
				);
			}
			add(&mut sale_deposits, sale.vendor.clone(), sale.deposit.deposit_amount());
		}
		let held_sales: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::SaleDeposit.into()).into_iter().collect();
		ensure!(held_sales == sale_deposits, "sale deposits differ from their holds");

		let pot = Self::pot();
		let mut unclaimed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		add(&mut unclaimed, pot.clone(), all_claimable);
		let held: BTreeMap<T::AccountId, BalanceOf<T>> =
			T::Holders::holders(&HoldReason::Unclaimed.into()).into_iter().collect();
		ensure!(held == unclaimed, "claimable shares differ from the pot's hold");
		ensure!(
			T::Currency::balance(&pot) >= T::Currency::minimum_balance(),
			"the pot is below the existential deposit"
		);
		Ok(())
	}
}
