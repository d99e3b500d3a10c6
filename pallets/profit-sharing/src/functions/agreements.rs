//! Agreements and their versions: proposal, consent, imposition, withdrawal, ending, closing.

use crate::{
	AgreementId, AgreementOf, Agreements, Config, Ending, Error, Event, Ledgers, LiveAgreement,
	NextAgreementId, Pallet, Payouts, Progress, Scope, TermsOf, Version, VersionIndex, VersionOf,
	VersionStatus, Versions,
};
use commerce_primitives::{ListingProvider, VendorRegistry};
use frame_support::{
	ensure,
	traits::{Consideration, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, Perbill,
};

/// Bit `i` set for each of `n` beneficiaries.
fn everyone(n: usize) -> u32 {
	if n >= 32 {
		u32::MAX
	} else {
		(1u32 << n).saturating_sub(1)
	}
}

impl<T: Config> Pallet<T> {
	/// Check `terms` for `vendor`: at least one beneficiary, none twice, neither the vendor
	/// nor the pot, every share above zero, all shares at most 100%.
	pub(crate) fn check_terms(vendor: &T::AccountId, terms: &TermsOf<T>) -> DispatchResult {
		ensure!(!terms.beneficiaries.is_empty(), Error::<T>::NoBeneficiaries);
		let pot = Self::pot();
		let mut total: u64 = 0;
		for (i, (who, share)) in terms.beneficiaries.iter().enumerate() {
			ensure!(who != vendor && who != &pot, Error::<T>::InvalidBeneficiary);
			ensure!(!share.is_zero(), Error::<T>::ZeroShare);
			ensure!(
				!terms.beneficiaries.iter().take(i).any(|(other, _)| other == who),
				Error::<T>::DuplicateBeneficiary
			);
			total = total.saturating_add(u64::from(share.deconstruct()));
		}
		ensure!(total <= u64::from(Perbill::one().deconstruct()), Error::<T>::SharesExceedWhole);
		Ok(())
	}

	/// Whether `agreement` has ended by `now` (its notice has run out).
	pub(crate) fn has_ended(agreement: &AgreementOf<T>) -> bool {
		agreement
			.ending
			.is_some_and(|ending| ending.at <= frame_system::Pallet::<T>::block_number())
	}

	fn vendors_agreement(
		vendor: &T::AccountId,
		id: AgreementId,
	) -> Result<AgreementOf<T>, Error<T>> {
		let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::AgreementNotFound)?;
		ensure!(&agreement.vendor == vendor, Error::<T>::NotVendor);
		Ok(agreement)
	}

	pub(crate) fn do_propose_agreement(
		vendor: T::AccountId,
		scope: Scope,
		terms: TermsOf<T>,
	) -> DispatchResult {
		ensure!(T::Vendors::is_active_vendor(&vendor), Error::<T>::NotActiveVendor);
		if let Scope::Listing(listing) = scope {
			let owner = T::Listings::terms(listing).map(|terms| terms.vendor);
			ensure!(owner.as_ref() == Some(&vendor), Error::<T>::NotYourListing);
		}
		if let Some(live) = LiveAgreement::<T>::get(&vendor, scope) {
			// An ended agreement that is not closed yet no longer holds the scope.
			let ended = Agreements::<T>::get(live).is_none_or(|a| Self::has_ended(&a));
			ensure!(ended, Error::<T>::ScopeTaken);
		}
		Self::check_terms(&vendor, &terms)?;
		let id = NextAgreementId::<T>::get();
		let next = id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let deposit = T::AgreementDeposit::new(&vendor, Self::agreement_footprint())?;
		let now = frame_system::Pallet::<T>::block_number();
		Versions::<T>::insert(
			id,
			0,
			Version {
				terms: terms.clone(),
				accepted: 0,
				status: VersionStatus::Proposed { at: now },
			},
		);
		Agreements::<T>::insert(
			id,
			AgreementOf::<T> {
				vendor: vendor.clone(),
				scope,
				current: None,
				pending: Some(0),
				next_version: 1,
				versions: 1,
				ending: None,
				open_orders: 0,
				progress: Progress::default(),
				deposit,
			},
		);
		LiveAgreement::<T>::insert(&vendor, scope, id);
		NextAgreementId::<T>::put(next);
		Self::deposit_event(Event::AgreementProposed { agreement: id, vendor, scope });
		Self::deposit_event(Event::VersionProposed { agreement: id, version: 0, terms });
		Ok(())
	}

	pub(crate) fn do_propose_change(
		vendor: T::AccountId,
		id: AgreementId,
		terms: TermsOf<T>,
	) -> DispatchResult {
		let mut agreement = Self::vendors_agreement(&vendor, id)?;
		ensure!(agreement.current.is_some(), Error::<T>::NotInForce);
		ensure!(agreement.ending.is_none(), Error::<T>::Ending);
		ensure!(agreement.pending.is_none(), Error::<T>::ProposalPending);
		ensure!(agreement.versions < T::MaxVersions::get(), Error::<T>::TooManyVersions);
		Self::check_terms(&vendor, &terms)?;
		let version = agreement.next_version;
		let next = version.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		Versions::<T>::insert(
			id,
			version,
			Version {
				terms: terms.clone(),
				accepted: 0,
				status: VersionStatus::Proposed { at: now },
			},
		);
		agreement.pending = Some(version);
		agreement.next_version = next;
		agreement.versions.saturating_inc();
		Agreements::<T>::insert(id, agreement);
		Self::deposit_event(Event::VersionProposed { agreement: id, version, terms });
		Ok(())
	}

	/// The agreement and the version waiting for consent, which must be `version`.
	fn proposed(
		id: AgreementId,
		version: VersionIndex,
	) -> Result<(AgreementOf<T>, VersionOf<T>), Error<T>> {
		let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::AgreementNotFound)?;
		ensure!(agreement.pending == Some(version), Error::<T>::NotProposed);
		let proposal = Versions::<T>::get(id, version).ok_or(Error::<T>::VersionNotFound)?;
		Ok((agreement, proposal))
	}

	pub(crate) fn do_accept(
		who: T::AccountId,
		id: AgreementId,
		version: VersionIndex,
	) -> DispatchResult {
		let (agreement, mut proposal) = Self::proposed(id, version)?;
		let index = proposal
			.terms
			.beneficiaries
			.iter()
			.position(|(beneficiary, _)| beneficiary == &who)
			.ok_or(Error::<T>::NotBeneficiary)?;
		let bit = 1u32 << index;
		ensure!(proposal.accepted & bit == 0, Error::<T>::AlreadyAccepted);
		proposal.accepted |= bit;
		let all = proposal.accepted == everyone(proposal.terms.beneficiaries.len());
		Self::deposit_event(Event::Accepted { agreement: id, version, beneficiary: who });
		if all {
			Self::activate(id, agreement, version, proposal, false);
		} else {
			Versions::<T>::insert(id, version, proposal);
		}
		Ok(())
	}

	pub(crate) fn do_impose(id: AgreementId, version: VersionIndex) -> DispatchResult {
		let (agreement, proposal) = Self::proposed(id, version)?;
		Self::activate(id, agreement, version, proposal, true);
		Ok(())
	}

	/// Put `version` in force: orders placed from now on settle by it.
	fn activate(
		id: AgreementId,
		mut agreement: AgreementOf<T>,
		version: VersionIndex,
		mut proposal: VersionOf<T>,
		imposed: bool,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(previous) = agreement.current {
			Versions::<T>::mutate_exists(id, previous, |old| {
				if let Some(old) = old {
					if let VersionStatus::Active { since } = old.status {
						old.status = VersionStatus::Superseded { since, until: now };
					}
				}
			});
		}
		proposal.status = VersionStatus::Active { since: now };
		Versions::<T>::insert(id, version, proposal);
		agreement.current = Some(version);
		agreement.pending = None;
		Agreements::<T>::insert(id, agreement);
		Self::deposit_event(Event::VersionActivated { agreement: id, version, imposed });
	}

	pub(crate) fn do_withdraw_proposal(vendor: T::AccountId, id: AgreementId) -> DispatchResult {
		let mut agreement = Self::vendors_agreement(&vendor, id)?;
		let version = agreement.pending.ok_or(Error::<T>::NoProposal)?;
		Versions::<T>::remove(id, version);
		Self::deposit_event(Event::ProposalWithdrawn { agreement: id, version });
		if agreement.current.is_none() {
			// Never in force: nothing refers to it.
			agreement.deposit.drop(&vendor)?;
			Agreements::<T>::remove(id);
			LiveAgreement::<T>::remove(&vendor, agreement.scope);
			return Ok(());
		}
		agreement.pending = None;
		agreement.versions.saturating_dec();
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}

	pub(crate) fn do_end_agreement(vendor: T::AccountId, id: AgreementId) -> DispatchResult {
		let mut agreement = Self::vendors_agreement(&vendor, id)?;
		ensure!(agreement.current.is_some(), Error::<T>::NotInForce);
		ensure!(agreement.ending.is_none(), Error::<T>::Ending);
		if let Some(version) = agreement.pending.take() {
			// A change can no longer take effect.
			Versions::<T>::remove(id, version);
			agreement.versions.saturating_dec();
			Self::deposit_event(Event::ProposalWithdrawn { agreement: id, version });
		}
		let at = frame_system::Pallet::<T>::block_number().saturating_add(T::NoticePeriod::get());
		agreement.ending = Some(Ending { at, consents: 0 });
		Agreements::<T>::insert(id, agreement);
		Self::deposit_event(Event::EndScheduled { agreement: id, at });
		Ok(())
	}

	pub(crate) fn do_consent_to_end(who: T::AccountId, id: AgreementId) -> DispatchResult {
		let mut agreement = Agreements::<T>::get(id).ok_or(Error::<T>::AgreementNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut ending = agreement.ending.ok_or(Error::<T>::NotEnded)?;
		ensure!(ending.at > now, Error::<T>::Ending);
		let current = agreement.current.ok_or(Error::<T>::NotInForce)?;
		let version = Versions::<T>::get(id, current).ok_or(Error::<T>::VersionNotFound)?;
		let index = version
			.terms
			.beneficiaries
			.iter()
			.position(|(beneficiary, _)| beneficiary == &who)
			.ok_or(Error::<T>::NotBeneficiary)?;
		let bit = 1u32 << index;
		ensure!(ending.consents & bit == 0, Error::<T>::AlreadyAccepted);
		ending.consents |= bit;
		Self::deposit_event(Event::EndConsented { agreement: id, beneficiary: who });
		if ending.consents == everyone(version.terms.beneficiaries.len()) {
			ending.at = now;
			Self::deposit_event(Event::EndScheduled { agreement: id, at: now });
		}
		agreement.ending = Some(ending);
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}

	pub(crate) fn do_close_agreement(id: AgreementId) -> DispatchResult {
		let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::AgreementNotFound)?;
		ensure!(Self::has_ended(&agreement), Error::<T>::NotEnded);
		ensure!(agreement.open_orders == 0, Error::<T>::OpenOrders);
		agreement.deposit.drop(&agreement.vendor)?;
		// At most `MaxVersions` versions, each with at most `MaxBeneficiaries` beneficiaries,
		// each with a ledger per currency it was paid in (the consortium accepts a handful).
		for stored in Versions::<T>::drain_prefix(id).map(|(_, version)| version) {
			for (beneficiary, _) in stored.terms.beneficiaries.iter() {
				let ledgers: alloc::vec::Vec<_> =
					Ledgers::<T>::iter_prefix((id, beneficiary)).collect();
				for (currency, mut ledger) in ledgers {
					// Set-aside shares stay claimable; what is owed back is written off.
					if ledger.claimable.is_zero() {
						Ledgers::<T>::remove((id, beneficiary, currency));
					} else if !ledger.owed.is_zero() {
						ledger.owed = Zero::zero();
						Ledgers::<T>::insert((id, beneficiary, currency), ledger);
					}
				}
			}
		}
		// One record per currency the agreement paid out in.
		let _ = Payouts::<T>::clear_prefix(id, u32::MAX, None);
		if LiveAgreement::<T>::get(&agreement.vendor, agreement.scope) == Some(id) {
			LiveAgreement::<T>::remove(&agreement.vendor, agreement.scope);
		}
		Agreements::<T>::remove(id);
		Self::deposit_event(Event::AgreementClosed { agreement: id });
		Ok(())
	}
}
