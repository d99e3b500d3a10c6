//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	AgreementId, Agreements, BalanceOf, Config, CurrencyOf, HoldReason, Ledgers, LiveAgreement,
	Pallet, Payouts, Placements, SaleExpiries, Sales, Versions,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::{Decode, Encode};
use commerce_primitives::{accrue as add, currency::CurrencyHoldersOf, DepositAmount};
use frame_support::{
	ensure,
	traits::{fungibles::Inspect, Get},
};
use sp_runtime::{
	traits::{One, Saturating},
	TryRuntimeError,
};

/// A `(currency, account)` or `(agreement, currency)` pair as a map key: currencies need not
/// be ordered, their encodings are.
fn key<A: Encode, B: Encode>(a: &A, b: &B) -> Vec<u8> {
	(a, b).encode()
}

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Per agreement and currency: `to_vendor + to_beneficiaries + claimable == released`
	///    (every unit released is accounted for), `refunded <= released`; its ledgers in that
	///    currency add up to `to_beneficiaries` (`received`) and `claimable`. No totals of an
	///    agreement that is gone. Per agreement, the value refunded is at most the value
	///    released.
	/// 2. Per currency, every ledger's claimable, closed agreements' included, adds up to the
	///    funds on hold in the pot under [`HoldReason::Unclaimed`]; nobody else holds for that
	///    reason.
	/// 3. The funds on hold for agreement and sale deposits are exactly the deposits of the
	///    stored agreements and sales, account by account, in the native token.
	/// 4. Each agreement's `open_orders` is the number of order placements that name it; its
	///    current and pending versions are stored, at most `MaxVersions`; the live-agreement
	///    index points to agreements of that vendor and scope.
	/// 5. Each sale has refunded at most its amount, shared at most its amount, and is in the
	///    expiry queue; it records a credit for at most the beneficiaries of its version (while
	///    that version is stored).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut received: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
		let mut claimable: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
		let pot = Self::pot();
		let mut unclaimed: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
		for ((id, _, currency), ledger) in Ledgers::<T>::iter() {
			add(&mut received, key(&id, &currency), ledger.received);
			add(&mut claimable, key(&id, &currency), ledger.claimable);
			add(&mut unclaimed, key(&currency, &pot), ledger.claimable);
		}
		for (id, currency, t) in Payouts::<T>::iter() {
			ensure!(
				Agreements::<T>::contains_key(id),
				"payout totals of an agreement that is gone"
			);
			ensure!(
				t.to_vendor.saturating_add(t.to_beneficiaries).saturating_add(t.claimable)
					== t.released,
				"an agreement's payouts do not add up to what was released"
			);
			ensure!(t.refunded <= t.released, "refunded more than released");
			let k = key(&id, &currency);
			ensure!(
				received.get(&k).copied().unwrap_or_default() == t.to_beneficiaries,
				"ledgers' receipts differ from the agreement's total to beneficiaries"
			);
			ensure!(
				claimable.remove(&k).unwrap_or_default() == t.claimable,
				"ledgers' claimables differ from the agreement's"
			);
		}
		// Claimables of agreements without totals in their currency: only closed agreements'.
		for k in claimable.keys() {
			let id = AgreementId::decode(&mut &k[..]).map_err(|_| "an undecodable key")?;
			ensure!(!Agreements::<T>::contains_key(id), "a claimable the agreement does not count");
		}
		let mut open: BTreeMap<AgreementId, u32> = BTreeMap::new();
		for (_, placement) in Placements::<T>::iter() {
			let count = open.entry(placement.agreement).or_default();
			*count = count.saturating_add(1);
		}
		let native = T::NativeCurrency::get();
		let mut deposits: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
		for (id, agreement) in Agreements::<T>::iter() {
			let p = agreement.progress;
			ensure!(p.refunded <= p.released, "refunded more value than released");
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
			add(&mut deposits, key(&native, &agreement.vendor), agreement.deposit.deposit_amount());
		}
		for (vendor, scope, id) in LiveAgreement::<T>::iter() {
			let agreement = Agreements::<T>::get(id).ok_or("a live agreement that is gone")?;
			ensure!(
				agreement.vendor == vendor && agreement.scope == scope,
				"a live agreement under another vendor or scope"
			);
		}
		ensure!(
			Self::held(HoldReason::AgreementDeposit) == deposits,
			"agreement deposits differ from their holds"
		);

		let mut sale_deposits: BTreeMap<Vec<u8>, BalanceOf<T>> = BTreeMap::new();
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
			add(&mut sale_deposits, key(&native, &sale.vendor), sale.deposit.deposit_amount());
		}
		ensure!(
			Self::held(HoldReason::SaleDeposit) == sale_deposits,
			"sale deposits differ from their holds"
		);

		ensure!(
			Self::held(HoldReason::Unclaimed) == unclaimed,
			"claimable shares differ from the pot's hold"
		);
		ensure!(
			T::Currency::balance(native.clone(), &pot) >= T::Currency::minimum_balance(native),
			"the pot is below the existential deposit"
		);
		Ok(())
	}

	/// Every hold for `reason`, by `(currency, account)`.
	fn held(reason: HoldReason) -> BTreeMap<Vec<u8>, BalanceOf<T>> {
		let mut held = BTreeMap::new();
		for (currency, who, amount) in T::Holders::holders(&reason.into()) {
			add::<_, BalanceOf<T>>(&mut held, key::<CurrencyOf<T>, _>(&currency, &who), amount);
		}
		held
	}
}
