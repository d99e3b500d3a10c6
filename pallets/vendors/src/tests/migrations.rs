//! The migration to storage version 1: records of version 0 read as before, with the new
//! fields at their neutral values.

use super::*;
use crate::{migrations::v1, Performance, Tenders};
use codec::Encode;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Version 0's encodings, written under the keys of version 1's maps.
#[test]
fn version_0_records_are_translated() {
	run(|| {
		// A vendor on probation, as version 0 encoded its record: status (variant 2: ends,
		// breached), bond, profile, warned, failed cures, open orders, next evaluation.
		let record = (2u8, 40u64, true, BOND, Vec::<u8>::new(), true, 1u32, 3u32, 0u32);
		frame_support::storage::unhashed::put_raw(
			&VendorsStorage::<Test>::hashed_key_for(VENDOR),
			&record.encode(),
		);
		// One period of KPIs: period, closed, buyer cancelled, shipped on time, missed, vendor
		// cancelled, refunded, refund amount, disputes, disputes lost, perfect.
		let kpis = vec![(0u32, 5u32, 1u32, 3u32, 1u32, 0u32, 1u32, 70u64, 1u32, 1u32, 2u32)];
		frame_support::storage::unhashed::put_raw(
			&Performance::<Test>::hashed_key_for(VENDOR),
			&kpis.encode(),
		);
		// A tender: listing, quantity, window, price, commit end, reveal end, rules, bids.
		let tender = (7u64, 30u32, 20u64, 100u64, 6u64, 11u64, tender_rules(), 0u32);
		frame_support::storage::unhashed::put_raw(
			&Tenders::<Test>::hashed_key_for(0),
			&tender.encode(),
		);
		crate::ListingTenders::<Test>::insert(7, 0);
		StorageVersion::new(0).put::<Vendors>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Vendors::on_chain_storage_version(), 1);
		let vendor = VendorsStorage::<Test>::get(VENDOR).expect("translated");
		assert_eq!(vendor.status, VendorStatus::Probation { ends: 40, breached: true, sampled: 0 });
		assert_eq!((vendor.bond, vendor.warned, vendor.failed_cures), (BOND, true, 1));
		assert_eq!((vendor.open_orders, vendor.next_evaluation), (3, 0));
		let ring = Performance::<Test>::get(VENDOR);
		assert_eq!(ring.len(), 1);
		assert_eq!((ring[0].period, ring[0].closed, ring[0].perfect), (0, 5, 2));
		assert_eq!((ring[0].refund_amount, ring[0].sampled, ring[0].eligible_value), (70, 0, 0));
		let tender = Tenders::<Test>::get(0).expect("translated");
		assert_eq!((tender.listing, tender.quantity, tender.opener), (7, 30, None));
		// A second run changes nothing: the version guards it.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(VendorsStorage::<Test>::get(VENDOR).map(|v| v.encode()), Some(vendor.encode()));
	});
}
