//! Credentials, and whether a vendor may take orders now.

use crate::{
	ActivePolicy, Config, CredentialOf, Credentials, Error, Event, Pallet, VendorStatus, Vendors,
};
use commerce_primitives::VendorRegistry;
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_issue_credential(
		who: T::AccountId,
		credential: CredentialOf<T>,
	) -> DispatchResult {
		let vendor = Self::vendor(&who)?;
		ensure!(!matches!(vendor.status, VendorStatus::Retiring { .. }), Error::<T>::InvalidStatus);
		ensure!(
			credential.expires > frame_system::Pallet::<T>::block_number(),
			Error::<T>::CredentialExpired
		);
		Credentials::<T>::try_mutate(&who, |held| -> DispatchResult {
			match held.iter_mut().find(|c| c.kind == credential.kind) {
				Some(existing) => *existing = credential,
				None => held.try_push(credential).map_err(|_| Error::<T>::TooManyCredentials)?,
			}
			Ok(())
		})?;
		Self::deposit_event(Event::CredentialIssued { vendor: who, credential });
		Ok(())
	}

	pub(crate) fn do_revoke_credential(
		who: T::AccountId,
		kind: crate::CredentialKind,
	) -> DispatchResult {
		Self::vendor(&who)?;
		Credentials::<T>::try_mutate(&who, |held| -> DispatchResult {
			let at =
				held.iter().position(|c| c.kind == kind).ok_or(Error::<T>::CredentialNotFound)?;
			held.remove(at);
			Ok(())
		})?;
		Self::deposit_event(Event::CredentialRevoked { vendor: who, kind });
		Ok(())
	}

	/// Whether every credential kind the policy requires is held by `who`, unexpired.
	pub fn has_required_credentials(who: &T::AccountId) -> bool {
		let Some(policy) = ActivePolicy::<T>::get() else { return true };
		if policy.required_credentials.is_empty() {
			return true;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let held = Credentials::<T>::get(who);
		policy
			.required_credentials
			.iter()
			.all(|kind| held.iter().any(|c| c.kind == *kind && c.expires > now))
	}
}

/// Active and probationary vendors holding the required credentials may list and take orders.
impl<T: Config> VendorRegistry<T::AccountId> for Pallet<T> {
	fn is_active_vendor(who: &T::AccountId) -> bool {
		Vendors::<T>::get(who).is_some_and(|vendor| {
			matches!(vendor.status, VendorStatus::Active | VendorStatus::Probation { .. })
		}) && Self::has_required_credentials(who)
	}

	fn may_change_listing(vendor: &T::AccountId, listing: commerce_primitives::ListingId) -> bool {
		!crate::ListingTenders::<T>::contains_key(listing)
			&& Vendors::<T>::get(vendor)
				.is_none_or(|record| record.status != VendorStatus::Suspended)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_active_vendor(who: &T::AccountId) {
		use sp_runtime::traits::{Bounded, Get};
		let profile = frame_support::BoundedVec::truncate_from(alloc::vec![
			7u8;
			T::MaxProfileLen::get() as usize
		]);
		Self::do_apply(who.clone(), profile).expect("a funded account applies");
		Self::do_approve(who.clone()).expect("an applicant is approved");
		if let Some(policy) = ActivePolicy::<T>::get() {
			for kind in policy.required_credentials {
				let forever = frame_system::pallet_prelude::BlockNumberFor::<T>::max_value();
				let credential =
					crate::Credential { kind, issuer: [0; 32], hash: [0; 32], expires: forever };
				Self::do_issue_credential(who.clone(), credential).expect("room for credentials");
			}
		}
	}
}
