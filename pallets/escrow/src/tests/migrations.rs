//! The migration to storage version 1: escrows of version 0 were held in the native token and
//! become escrows in it; the held funds stay where they are.

use super::*;
use crate::migrations::v1::{self, OldEscrow};
use codec::Encode;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Rewrite escrow `order` as version 0 encoded it (no currency).
fn downgrade(order: OrderId) {
	let escrow = Escrows::<Test>::get(order).expect("an escrow");
	let old = OldEscrow { buyer: escrow.buyer, vendor: escrow.vendor, amount: escrow.amount };
	frame_support::storage::unhashed::put_raw(
		&Escrows::<Test>::hashed_key_for(order),
		&old.encode(),
	);
}

#[test]
fn version_0_escrows_become_native_escrows_and_still_pay_out() {
	run(|| {
		set_fee(10);
		hold(1);
		hold(2);
		let before: Vec<_> = (1..=2).map(|order| Escrows::<Test>::get(order).unwrap()).collect();
		(1..=2).for_each(downgrade);
		StorageVersion::new(0).put::<Escrow>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Escrow::on_chain_storage_version(), 1);
		for (order, escrow) in (1..=2).zip(&before) {
			assert_eq!(Escrows::<Test>::get(order).as_ref(), Some(escrow), "escrow {order}");
			assert_eq!(escrow.currency, CMRC);
		}
		// A second run changes nothing: the version guards it.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Escrows::<Test>::get(1).as_ref(), Some(&before[0]));
		// A migrated escrow pays out from the hold it always had.
		assert_ok!(Escrow::release(1));
		assert_eq!(free(VENDOR), INITIAL + 900);
		assert_eq!(escrow_held(BUYER), AMOUNT);
	});
}
