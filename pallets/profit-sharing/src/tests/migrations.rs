//! The migration to storage version 1: a sale of version 0 is credited what its split gave
//! each beneficiary, so its refunds claw back as a sale recorded today would.

use super::*;
use crate::migrations::v1::{self, OldSale};
use codec::Encode;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

const THREE_WAY: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

/// Rewrite sale `order` as version 0 encoded it (no `credited`).
fn downgrade(order: u64) {
	let sale = Sales::<Test>::get(order).expect("a sale");
	let old = OldSale {
		agreement: sale.agreement,
		version: sale.version,
		vendor: sale.vendor,
		buyer: sale.buyer,
		amount: sale.amount,
		shared: sale.shared,
		refunded: sale.refunded,
		until: sale.until,
		deposit: sale.deposit,
	};
	frame_support::storage::unhashed::put_raw(&Sales::<Test>::hashed_key_for(order), &old.encode());
}

#[test]
fn version_0_sales_are_credited_what_their_split_gave_each_beneficiary() {
	run(|| {
		// Threshold 1,000: order 1 (600) shares nothing, order 2 (700) shares 300, order 3
		// (333) shares all of it, in odd amounts that round down.
		agreement(THREE_WAY, Threshold::Revenue(1_000));
		sell(1, 1, 600);
		sell(2, 1, 700);
		sell(3, 1, 333);
		let recorded: Vec<_> = (1..=3).map(|order| Sales::<Test>::get(order).unwrap()).collect();
		assert_eq!(recorded[1].credited.to_vec(), vec![90, 60]);
		assert_eq!(recorded[2].credited.to_vec(), vec![99, 66]);
		(1..=3).for_each(downgrade);
		StorageVersion::new(0).put::<ProfitSharing>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(ProfitSharing::on_chain_storage_version(), 1);
		for (order, before) in (1..=3).zip(&recorded) {
			assert_eq!(Sales::<Test>::get(order).as_ref(), Some(before), "sale {order}");
		}
		// A second run changes nothing: the version guards it.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Sales::<Test>::get(3).as_ref(), Some(&recorded[2]));
		// A refund of a migrated sale claws back at most what it credited.
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 3, 333));
		assert_eq!(ledger(0, SUPPLIER).owed, 99);
		assert_eq!(ledger(0, SUPPLIER2).owed, 66);
	});
}

#[test]
fn a_version_0_sale_whose_version_is_gone_credits_nobody() {
	run(|| {
		agreement(THREE_WAY, Threshold::Revenue(0));
		sell(1, 1, 500);
		downgrade(1);
		let version = Versions::<Test>::take(0, 0).expect("version 0");
		StorageVersion::new(0).put::<ProfitSharing>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		let sale = Sales::<Test>::get(1).expect("translated");
		assert!(sale.credited.is_empty());
		assert_eq!((sale.amount, sale.shared), (500, 500));
		// The agreement's invariants need its version back.
		Versions::<Test>::insert(0, 0, version);
	});
}
