//! The migrations: to storage version 1 (a sale of version 0 is credited what its split gave
//! each beneficiary) and to version 2 (everything stored is in the native token: totals split
//! into progress and payouts, ledgers keyed by currency, placements and sales with values).

use super::*;
use crate::migrations::{
	v1::{self, OldSale, V1Sale},
	v2::{self, V1Agreement, V1Ledgers, V1Placement, V1Totals},
};
use codec::Encode;
use frame_support::{
	storage::unhashed::put_raw,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

const THREE_WAY: &[(AccountId, Perbill)] =
	&[(SUPPLIER, Perbill::from_percent(30)), (SUPPLIER2, Perbill::from_percent(20))];

/// Rewrite every record as storage version 1 encoded it (the native token only).
fn downgrade_to_v1() {
	for (id, agreement) in Agreements::<Test>::iter().collect::<Vec<_>>() {
		let t = crate::Payouts::<Test>::take(id, CMRC).unwrap_or_default();
		let old = V1Agreement {
			vendor: agreement.vendor,
			scope: agreement.scope,
			current: agreement.current,
			pending: agreement.pending,
			next_version: agreement.next_version,
			versions: agreement.versions,
			ending: agreement.ending,
			open_orders: agreement.open_orders,
			totals: V1Totals {
				released: t.released,
				refunded: t.refunded,
				units: agreement.progress.units,
				to_vendor: t.to_vendor,
				to_beneficiaries: t.to_beneficiaries,
				claimable: t.claimable,
			},
			deposit: agreement.deposit,
		};
		put_raw(&Agreements::<Test>::hashed_key_for(id), &old.encode());
	}
	assert_eq!(crate::Payouts::<Test>::iter().count(), 0, "only native payouts before v2");
	for ((id, who, currency), ledger) in Ledgers::<Test>::drain().collect::<Vec<_>>() {
		assert_eq!(currency, CMRC);
		V1Ledgers::<Test>::insert(id, who, ledger);
	}
	for (order, p) in Placements::<Test>::iter().collect::<Vec<_>>() {
		let old = V1Placement {
			agreement: p.agreement,
			version: p.version,
			quantity: p.quantity,
			beneficiaries: p.beneficiaries,
		};
		put_raw(&Placements::<Test>::hashed_key_for(order), &old.encode());
	}
	for (order, sale) in Sales::<Test>::iter().collect::<Vec<_>>() {
		let old = V1Sale::<_, _, _, _, frame_support::traits::ConstU32<MAX_BENEFICIARIES>> {
			agreement: sale.agreement,
			version: sale.version,
			vendor: sale.vendor,
			buyer: sale.buyer,
			amount: sale.amount,
			shared: sale.shared,
			credited: sale.credited,
			refunded: sale.refunded,
			until: sale.until,
			deposit: sale.deposit,
		};
		put_raw(&Sales::<Test>::hashed_key_for(order), &old.encode());
	}
	StorageVersion::new(1).put::<ProfitSharing>();
}

/// Rewrite sale `order`, stored as version 1 encodes it, as version 0 did (no `credited`).
fn downgrade_sale_to_v0(order: u64) {
	let sale = v1::Sales::<Test>::get(order).expect("a version 1 sale");
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
	put_raw(&Sales::<Test>::hashed_key_for(order), &old.encode());
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
		downgrade_to_v1();
		(1..=3).for_each(downgrade_sale_to_v0);
		StorageVersion::new(0).put::<ProfitSharing>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(ProfitSharing::on_chain_storage_version(), 1);
		for (order, before) in (1..=3).zip(&recorded) {
			let sale = v1::Sales::<Test>::get(order).expect("translated");
			assert_eq!(sale.credited, before.credited, "sale {order}");
			assert_eq!((sale.amount, sale.shared), (before.amount, before.shared));
		}
		// A second run changes nothing: the version guards it.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(v1::Sales::<Test>::get(3).unwrap().credited, recorded[2].credited);

		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		for (order, before) in (1..=3).zip(&recorded) {
			assert_eq!(Sales::<Test>::get(order).as_ref(), Some(before), "sale {order}");
		}
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
		downgrade_to_v1();
		downgrade_sale_to_v0(1);
		let version = Versions::<Test>::take(0, 0).expect("version 0");
		StorageVersion::new(0).put::<ProfitSharing>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		let sale = v1::Sales::<Test>::get(1).expect("translated");
		assert!(sale.credited.is_empty());
		assert_eq!((sale.amount, sale.shared), (500, 500));
		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		// The agreement's invariants need its version back.
		Versions::<Test>::insert(0, 0, version);
	});
}

#[test]
fn version_1_records_move_to_the_native_token_unchanged() {
	run(|| {
		// Paid, set aside, refunded and owed: every record and total has something in it.
		let id = agreement(
			&[(SUPPLIER, Perbill::from_percent(30)), (NOBODY, Perbill::from_percent(1))],
			Threshold::Revenue(100),
		);
		sell(1, 2, 600);
		sell(2, 1, 400);
		assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), 2, 100));
		place(3, VENDOR, LISTING, 4);
		let agreements: Vec<_> = Agreements::<Test>::iter().collect();
		let ledgers: Vec<_> = Ledgers::<Test>::iter().collect();
		let payouts: Vec<_> = crate::Payouts::<Test>::iter().collect();
		let sales: Vec<_> = Sales::<Test>::iter().collect();
		let placement = Placements::<Test>::get(3).unwrap();
		assert!(ledger(id, NOBODY).claimable > 0 && ledger(id, SUPPLIER).owed > 0);
		assert_eq!(progress(id).refunded, 100);
		downgrade_to_v1();

		v2::MigrateToV2::<Test>::on_runtime_upgrade();

		assert_eq!(ProfitSharing::on_chain_storage_version(), 2);
		assert_eq!(Agreements::<Test>::iter().collect::<Vec<_>>(), agreements);
		assert_eq!(Ledgers::<Test>::iter().collect::<Vec<_>>(), ledgers);
		assert_eq!(crate::Payouts::<Test>::iter().collect::<Vec<_>>(), payouts);
		assert_eq!(Sales::<Test>::iter().collect::<Vec<_>>(), sales);
		// The open order counts its amounts as their own value, as the native token does.
		let migrated = Placements::<Test>::get(3).unwrap();
		assert_eq!((migrated.total, migrated.value), (0, 0));
		assert_eq!((migrated.agreement, migrated.quantity), (placement.agreement, 4));
		pay(3, BUYER, VENDOR, 1_000);
		assert_eq!(ProfitSharing::progress(id), Some((1_900, 7)));
		// A second run changes nothing: the version guards it.
		let after: Vec<_> = Agreements::<Test>::iter().collect();
		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Agreements::<Test>::iter().collect::<Vec<_>>(), after);
	});
}
