//! Reads for the runtime API.

use crate::{
	AgreementId, AgreementOf, Agreements, BalanceOf, Config, CurrencyOf, Ledger, Ledgers, Pallet,
	Payouts, PlacementOf, Placements, Totals, VersionIndex, VersionOf, Versions,
};
use commerce_primitives::{ListingId, OrderId};

impl<T: Config> Pallet<T> {
	/// An agreement.
	pub fn agreement(id: AgreementId) -> Option<AgreementOf<T>> {
		Agreements::<T>::get(id)
	}

	/// An agreement's versions, oldest first (at most `MaxVersions`).
	pub fn versions(id: AgreementId) -> alloc::vec::Vec<(VersionIndex, VersionOf<T>)> {
		let mut versions: alloc::vec::Vec<_> = Versions::<T>::iter_prefix(id).collect();
		versions.sort_by_key(|(index, _)| *index);
		versions
	}

	/// What counts toward an agreement's threshold: the value (in the native token) of the
	/// revenue released net of refunds, and units sold.
	pub fn progress(id: AgreementId) -> Option<(BalanceOf<T>, u64)> {
		use sp_runtime::traits::Saturating;
		Agreements::<T>::get(id)
			.map(|a| (a.progress.released.saturating_sub(a.progress.refunded), a.progress.units))
	}

	/// What `who` received, can claim and owes back under an agreement, per currency (at
	/// most one entry per currency the consortium accepted).
	pub fn ledgers(
		id: AgreementId,
		who: T::AccountId,
	) -> alloc::vec::Vec<(CurrencyOf<T>, Ledger<BalanceOf<T>>)> {
		Ledgers::<T>::iter_prefix((id, who)).collect()
	}

	/// What an agreement paid out, per currency.
	pub fn payouts(id: AgreementId) -> alloc::vec::Vec<(CurrencyOf<T>, Totals<BalanceOf<T>>)> {
		Payouts::<T>::iter_prefix(id).collect()
	}

	/// The agreement a new order of `vendor` from `listing` would settle by.
	pub fn agreement_for(vendor: T::AccountId, listing: ListingId) -> Option<AgreementId> {
		Self::covering(&vendor, listing)
	}

	/// The agreement and version an open order settles by.
	pub fn placement(order: OrderId) -> Option<PlacementOf<T>> {
		Placements::<T>::get(order)
	}
}
