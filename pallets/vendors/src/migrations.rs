//! Storage migrations.

/// Version 1 (the second security review): KPIs carry the value of each kind of order (rates
/// are weighted by value) and the sample; a probation counts its cure's sample; a replacement
/// tender records its opener's deposit.
///
/// - `Performance`: each period keeps its counts; its values and sample start at zero (such a
///   period has too small a sample to be judged, and its rates read as perfect).
/// - `Vendors`: a vendor on probation keeps its cure's end and breach; its sample starts at
///   zero, so a cure running across the upgrade must be proven on orders after it.
/// - `Tenders`: tenders opened before the upgrade took no deposit (`opener: None`).
pub mod v1 {
	use crate::{Config, Pallet, Performance, PeriodIndex, Tenders, VendorRecord, Vendors};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The KPIs of one period as version 0 stored them.
	#[derive(Encode, Decode)]
	pub struct OldPeriodKpis<Balance> {
		period: PeriodIndex,
		closed: u32,
		buyer_cancelled: u32,
		shipped_on_time: u32,
		missed_deadlines: u32,
		vendor_cancelled: u32,
		refunded: u32,
		refund_amount: Balance,
		disputes: u32,
		disputes_lost: u32,
		perfect: u32,
	}

	/// A vendor's standing as version 0 stored it.
	#[derive(Encode, Decode)]
	pub enum OldVendorStatus<BlockNumber> {
		/// See [`crate::VendorStatus::Applied`].
		Applied,
		/// See [`crate::VendorStatus::Active`].
		Active,
		/// See [`crate::VendorStatus::Probation`], without the sample.
		Probation {
			/// The cure's end.
			ends: BlockNumber,
			/// Whether a judged period breached the policy.
			breached: bool,
		},
		/// See [`crate::VendorStatus::Suspended`].
		Suspended,
		/// See [`crate::VendorStatus::Retiring`].
		Retiring {
			/// The first block `withdraw_bond` may be called.
			unbonds_at: BlockNumber,
		},
	}

	/// A vendor record as version 0 stored it.
	#[derive(Encode, Decode)]
	pub struct OldVendorRecord<Balance, BlockNumber, MaxProfileLen: Get<u32>> {
		status: OldVendorStatus<BlockNumber>,
		bond: Balance,
		profile: BoundedVec<u8, MaxProfileLen>,
		warned: bool,
		failed_cures: u32,
		open_orders: u32,
		next_evaluation: PeriodIndex,
	}

	/// A tender as version 0 stored it.
	#[derive(Encode, Decode)]
	pub struct OldTender<Balance, BlockNumber> {
		listing: commerce_primitives::ListingId,
		quantity: u32,
		max_ship_window: BlockNumber,
		reference_price: Balance,
		commit_end: BlockNumber,
		reveal_end: BlockNumber,
		rules: crate::TenderRules,
		bids: u32,
	}

	fn status<B>(old: OldVendorStatus<B>) -> crate::VendorStatus<B> {
		use crate::VendorStatus as New;
		match old {
			OldVendorStatus::Applied => New::Applied,
			OldVendorStatus::Active => New::Active,
			OldVendorStatus::Probation { ends, breached } => {
				New::Probation { ends, breached, sampled: 0 }
			},
			OldVendorStatus::Suspended => New::Suspended,
			OldVendorStatus::Retiring { unbonds_at } => New::Retiring { unbonds_at },
		}
	}

	/// The translation from version 0, without the version check (see [`MigrateToV1`]).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut entries: u64 = 0;
			Vendors::<T>::translate::<
				OldVendorRecord<crate::BalanceOf<T>, BlockNumberFor<T>, T::MaxProfileLen>,
				_,
			>(|_, old| {
				entries.saturating_inc();
				Some(VendorRecord {
					status: status(old.status),
					bond: old.bond,
					profile: old.profile,
					warned: old.warned,
					failed_cures: old.failed_cures,
					open_orders: old.open_orders,
					next_evaluation: old.next_evaluation,
				})
			});
			Performance::<T>::translate::<
				BoundedVec<OldPeriodKpis<crate::BalanceOf<T>>, T::MaxPeriods>,
				_,
			>(|_, old| {
				entries.saturating_inc();
				let ring = old.into_iter().map(|o| {
					let mut kpis = crate::PeriodKpis::new(o.period);
					kpis.closed = o.closed;
					kpis.buyer_cancelled = o.buyer_cancelled;
					kpis.shipped_on_time = o.shipped_on_time;
					kpis.missed_deadlines = o.missed_deadlines;
					kpis.vendor_cancelled = o.vendor_cancelled;
					kpis.refunded = o.refunded;
					kpis.refund_amount = o.refund_amount;
					kpis.disputes = o.disputes;
					kpis.disputes_lost = o.disputes_lost;
					kpis.perfect = o.perfect;
					kpis
				});
				Some(BoundedVec::truncate_from(ring.collect()))
			});
			Tenders::<T>::translate::<OldTender<crate::BalanceOf<T>, BlockNumberFor<T>>, _>(
				|_, old| {
					entries.saturating_inc();
					Some(crate::Tender {
						listing: old.listing,
						opener: None,
						quantity: old.quantity,
						max_ship_window: old.max_ship_window,
						reference_price: old.reference_price,
						commit_end: old.commit_end,
						reveal_end: old.reveal_end,
						rules: old.rules,
						bids: old.bids,
					})
				},
			);
			T::DbWeight::get().reads_writes(entries, entries)
		}
	}

	/// Version 0 to 1, run once (the storage version guards it).
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	use sp_runtime::Saturating;
}
