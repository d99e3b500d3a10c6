use super::*;
use crate::{ActivePolicy, Credential, Credentials, Error};
use frame_support::BoundedVec;

fn credential(kind: u16, expires: u64) -> Credential<u64> {
	Credential { kind, issuer: [1; 32], hash: [2; 32], expires }
}

fn require(kinds: Vec<u16>) {
	let mut policy = policy();
	policy.required_credentials = BoundedVec::truncate_from(kinds);
	ActivePolicy::<Test>::put(policy);
}

fn may_sell(who: AccountId) -> bool {
	<Vendors as VendorRegistry<_>>::is_active_vendor(&who)
}

#[test]
fn an_expired_required_credential_stops_selling_until_renewed() {
	run(|| {
		require(vec![7]);
		assert!(!may_sell(VENDOR));
		assert_ok!(Vendors::issue_credential(signed(VETTING), VENDOR, credential(7, 20)));
		assert!(may_sell(VENDOR));
		assert_eq!(
			last_event(),
			Event::CredentialIssued { vendor: VENDOR, credential: credential(7, 20) }
		);
		run_to_block(20);
		assert!(!may_sell(VENDOR));
		// A renewal replaces the credential of the same kind.
		assert_ok!(Vendors::issue_credential(signed(VETTING), VENDOR, credential(7, 50)));
		assert_eq!(Credentials::<Test>::get(VENDOR).to_vec(), vec![credential(7, 50)]);
		assert!(may_sell(VENDOR));
	});
}

#[test]
fn revoking_a_required_credential_stops_selling() {
	run(|| {
		require(vec![7]);
		assert_ok!(Vendors::issue_credential(signed(VETTING), VENDOR, credential(7, 20)));
		assert_ok!(Vendors::revoke_credential(signed(VETTING), VENDOR, 7));
		assert!(!may_sell(VENDOR));
		assert_eq!(last_event(), Event::CredentialRevoked { vendor: VENDOR, kind: 7 });
		assert_noop!(
			Vendors::revoke_credential(signed(VETTING), VENDOR, 7),
			Error::<Test>::CredentialNotFound
		);
	});
}

#[test]
fn credentials_not_required_do_not_matter() {
	run(|| {
		require(vec![]);
		assert!(may_sell(VENDOR));
		ActivePolicy::<Test>::kill();
		assert!(may_sell(VENDOR));
	});
}

#[test]
fn bad_credentials_are_refused() {
	run(|| {
		assert_noop!(
			Vendors::issue_credential(signed(VETTING), VENDOR, credential(1, 1)),
			Error::<Test>::CredentialExpired
		);
		assert_noop!(
			Vendors::issue_credential(signed(VETTING), BUYER, credential(1, 9)),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Vendors::issue_credential(signed(VENDOR), VENDOR, credential(1, 9)),
			sp_runtime::DispatchError::BadOrigin
		);
		for kind in 0..MAX_CREDENTIALS as u16 {
			assert_ok!(Vendors::issue_credential(signed(VETTING), VENDOR, credential(kind, 9)));
		}
		assert_noop!(
			Vendors::issue_credential(signed(VETTING), VENDOR, credential(99, 9)),
			Error::<Test>::TooManyCredentials
		);
	});
}
