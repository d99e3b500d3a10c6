//! `set_encryption_key`: the key buyers seal delivery addresses to.

use super::*;
use crate::{EncryptionKeys, Error};
use frame_support::BoundedVec;

const KEY: [u8; 32] = [0x42; 32];
const NEW_KEY: [u8; 32] = [0x43; 32];

#[test]
fn a_vendor_publishes_replaces_and_withdraws_its_key() {
	run(|| {
		assert_ok!(Vendors::set_encryption_key(signed(VENDOR), Some(KEY)));
		assert_eq!(EncryptionKeys::<Test>::get(VENDOR), Some(KEY));
		assert_eq!(last_event(), Event::EncryptionKeySet { vendor: VENDOR, key: Some(KEY) });
		assert_ok!(Vendors::set_encryption_key(signed(VENDOR), Some(NEW_KEY)));
		assert_eq!(EncryptionKeys::<Test>::get(VENDOR), Some(NEW_KEY));
		assert_ok!(Vendors::set_encryption_key(signed(VENDOR), None));
		assert_eq!(EncryptionKeys::<Test>::get(VENDOR), None);
		assert_eq!(last_event(), Event::EncryptionKeySet { vendor: VENDOR, key: None });
		// It costs nothing beyond the bond the vendor already holds.
		assert_eq!(free(VENDOR), INITIAL - BOND);
	});
}

#[test]
fn only_a_registered_vendor_has_a_key() {
	run(|| {
		assert_noop!(
			Vendors::set_encryption_key(signed(BUYER), Some(KEY)),
			Error::<Test>::NotRegistered
		);
		// An applicant may publish before approval, so buyers can seal from its first order.
		assert_ok!(Vendors::apply(signed(APPLICANT), BoundedVec::truncate_from(b"x".to_vec())));
		assert_ok!(Vendors::set_encryption_key(signed(APPLICANT), Some(KEY)));
		assert_eq!(EncryptionKeys::<Test>::get(APPLICANT), Some(KEY));
	});
}

#[test]
fn an_all_zero_key_is_refused() {
	run(|| {
		assert_ok!(Vendors::set_encryption_key(signed(VENDOR), Some(KEY)));
		assert_noop!(
			Vendors::set_encryption_key(signed(VENDOR), Some([0; 32])),
			Error::<Test>::InvalidEncryptionKey
		);
		assert_eq!(EncryptionKeys::<Test>::get(VENDOR), Some(KEY));
	});
}

#[test]
fn the_key_goes_with_the_vendor() {
	run(|| {
		// Rejected applicant.
		assert_ok!(Vendors::apply(signed(APPLICANT), BoundedVec::truncate_from(b"x".to_vec())));
		assert_ok!(Vendors::set_encryption_key(signed(APPLICANT), Some(KEY)));
		assert_ok!(Vendors::reject(signed(VETTING), APPLICANT));
		assert!(!EncryptionKeys::<Test>::contains_key(APPLICANT));
		// Retired vendor: the key stays while retiring (open orders may still need it).
		assert_ok!(Vendors::set_encryption_key(signed(VENDOR), Some(KEY)));
		assert_ok!(Vendors::retire(signed(VENDOR)));
		assert_eq!(EncryptionKeys::<Test>::get(VENDOR), Some(KEY));
		run_to_block(1 + UNBONDING);
		assert_ok!(Vendors::withdraw_bond(signed(VENDOR)));
		assert!(!EncryptionKeys::<Test>::contains_key(VENDOR));
	});
}
