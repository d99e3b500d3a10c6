//! The pallet's logic: attesters, batches and events (custody in [`custody`], queries in
//! [`queries`]).

mod custody;
pub mod queries;

use crate::{
	gs1::BatchKey, pallet::*, AttesterOf, BatchListOf, BatchOf, BatchStatus, BizStep,
	CompanyPrefix, DetailsOf, EventId, EventKind, EventOf, PageShare, Roles,
};
use commerce_primitives::OrderId;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{Consideration, Footprint, UnixTime},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult};

/// An event about to be recorded.
pub(crate) struct NewEvent<T: Config> {
	pub kind: EventKind<T::MaxInputs>,
	pub biz_step: BizStep,
	pub details: DetailsOf<T>,
	pub to: Option<T::AccountId>,
	pub receives: Option<EventId>,
	pub order: Option<OrderId>,
	pub corrects: Option<(EventId, crate::ErrorReason)>,
}

impl<T: Config> NewEvent<T> {
	pub(crate) fn new(
		kind: EventKind<T::MaxInputs>,
		biz_step: BizStep,
		details: DetailsOf<T>,
	) -> Self {
		NewEvent { kind, biz_step, details, to: None, receives: None, order: None, corrects: None }
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_attester(
		who: T::AccountId,
		roles: Roles,
		prefixes: BoundedVec<CompanyPrefix, T::MaxPrefixes>,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(roles.is_valid(), Error::<T>::BadRoles);
		for prefix in prefixes.iter() {
			ensure!(
				(6..=12).contains(&prefix.len()) && prefix.iter().all(u8::is_ascii_digit),
				Error::<T>::BadCompanyPrefix
			);
		}
		ensure!(expires_at > frame_system::Pallet::<T>::block_number(), Error::<T>::ExpiryInPast);
		Attesters::<T>::insert(&who, AttesterOf::<T> { roles, prefixes, expires_at });
		Self::deposit_event(Event::AttesterRegistered { who, roles, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke_attester(who: T::AccountId) -> DispatchResult {
		ensure!(Attesters::<T>::take(&who).is_some(), Error::<T>::NotAttester);
		Self::deposit_event(Event::AttesterRevoked { who });
		Ok(())
	}

	/// The caller's registration, if it is current and holds one of `roles`.
	pub(crate) fn attester(
		who: &T::AccountId,
		roles: Roles,
	) -> Result<AttesterOf<T>, DispatchError> {
		let attester = Attesters::<T>::get(who).ok_or(Error::<T>::NotAttester)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() < attester.expires_at,
			Error::<T>::AttesterExpired
		);
		ensure!(attester.roles.intersects(roles), Error::<T>::RoleNotAllowed);
		Ok(attester)
	}

	/// Whether `attester` may speak for goods with `key`'s GTIN.
	pub(crate) fn ensure_in_scope(attester: &AttesterOf<T>, key: &BatchKey) -> DispatchResult {
		ensure!(
			attester.prefixes.is_empty()
				|| attester.prefixes.iter().any(|p| key.gtin.has_company_prefix(p)),
			Error::<T>::OutsideScope
		);
		Ok(())
	}

	/// The declared details are plausible: not dated further ahead than clocks drift, and
	/// every GLN valid.
	pub(crate) fn check_details(details: &DetailsOf<T>) -> DispatchResult {
		let now = T::UnixTime::now().as_millis();
		let latest = now.saturating_add(u128::from(T::MaxClockDrift::get()));
		ensure!(u128::from(details.event_time) <= latest, Error::<T>::EventInFuture);
		for gln in details.read_point.iter().chain(details.biz_location.iter()) {
			ensure!(gln.is_valid(), Error::<T>::BadCheckDigit);
		}
		Ok(())
	}

	/// A batch that is held (not in transit, not consumed) by `who`.
	pub(crate) fn held_by(
		who: &T::AccountId,
		id: crate::BatchId,
	) -> Result<BatchOf<T>, DispatchError> {
		let batch = Batches::<T>::get(id).ok_or(Error::<T>::BatchNotFound)?;
		match batch.status {
			BatchStatus::Consumed => return Err(Error::<T>::Consumed.into()),
			BatchStatus::InTransit { .. } => return Err(Error::<T>::InTransit.into()),
			BatchStatus::Held => (),
		}
		ensure!(&batch.custodian == who, Error::<T>::NotCustodian);
		Ok(batch)
	}

	/// The storage one event takes: its record, one history entry per batch, and `records`
	/// index records it writes first (a party's share of a history's page, a shipment's link
	/// to its order).
	pub(crate) fn event_footprint(batches: u32, records: u32) -> Footprint {
		let history_entry = 8 + 4 + 8;
		// The larger of the two index records: a share, keyed by batch and party.
		let record = (8usize)
			.saturating_add(T::AccountId::max_encoded_len())
			.saturating_add(PageShare::max_encoded_len());
		Footprint::from_parts(
			1usize.saturating_add(batches as usize).saturating_add(records as usize),
			EventOf::<T>::max_encoded_len()
				.saturating_add(history_entry.saturating_mul(batches as usize))
				.saturating_add(record.saturating_mul(records as usize)),
		)
	}

	/// Whether an event by `attester` on `batch` is an observation: recorded by a party other
	/// than its custodian of the time. A receipt is not: it makes its attester the custodian.
	pub(crate) fn is_observation(
		attester: &T::AccountId,
		batch: &BatchOf<T>,
		receives: Option<EventId>,
	) -> bool {
		&batch.custodian != attester && receives.is_none()
	}

	/// The places an event needs in a batch's history: its own, and the one kept for the
	/// completion (receipt or cancellation) of a shipment — the one it makes, or the pending
	/// one it does not complete.
	pub(crate) fn places_needed(batch: &BatchOf<T>, event: &NewEvent<T>) -> u32 {
		let ships = event.biz_step == BizStep::Shipping && event.corrects.is_none();
		let completes = event.receives.is_some()
			|| matches!(
				(batch.status, event.corrects),
				(BatchStatus::InTransit { to_event }, Some((erroneous, _))) if to_event == erroneous
			);
		let pending = matches!(batch.status, BatchStatus::InTransit { .. });
		if ships || (pending && !completes) {
			2
		} else {
			1
		}
	}

	/// The storage one batch takes: its record, its key's index and its deposit record.
	pub(crate) fn batch_footprint() -> Footprint {
		Footprint::from_parts(
			3,
			BatchOf::<T>::max_encoded_len()
				.saturating_add(BatchKey::max_encoded_len())
				.saturating_add(T::AccountId::max_encoded_len()),
		)
	}

	/// Record `event` by `attester` on the histories of `batches` (which the caller checked
	/// and passes as read), holding its deposit. On each batch it is an observation if
	/// `attester` is not the custodian (see [`Self::is_observation`]), and then takes from the
	/// attester's share of the page. Checks every history's room and share first, so that
	/// nothing is written unless everything fits. A shipment against an order is linked to it
	/// here ([`OrdersOfBatch`]).
	pub(crate) fn record_event(
		attester: &T::AccountId,
		batches: alloc::vec::Vec<(crate::BatchId, BatchOf<T>)>,
		event: NewEvent<T>,
	) -> Result<EventId, DispatchError> {
		Self::check_details(&event.details)?;
		let page_size = T::MaxEventsPerBatch::get();
		let half = page_size / 2;
		// Each batch with the attester's new share of the page, if the event is an observation.
		let mut shares: alloc::vec::Vec<Option<PageShare>> =
			alloc::vec::Vec::with_capacity(batches.len());
		let mut records: u32 = 0;
		for (batch_id, batch) in batches.iter() {
			let needed = Self::places_needed(batch, &event);
			ensure!(batch.events.checked_add(needed).is_some(), Error::<T>::HistoryFull);
			if !Self::is_observation(attester, batch, event.receives) {
				shares.push(None);
				continue;
			}
			let page = batch.events / page_size;
			let share = ObserverShares::<T>::get(batch_id, attester);
			if share.is_none() {
				records.saturating_inc();
			}
			let taken = share.filter(|s| s.page == page).map_or(0, |s| s.taken);
			ensure!(taken < half, Error::<T>::ObservationsFull);
			shares.push(Some(PageShare { page, taken: taken.saturating_add(1) }));
		}
		let order_link = match (event.biz_step, event.corrects, event.order) {
			(BizStep::Shipping, None, Some(order)) => Some(order),
			_ => None,
		};
		if order_link.is_some() {
			records.saturating_inc();
		}
		let id = NextEventId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let count = batches.len() as u32;
		let deposit = T::EventDeposit::new(attester, Self::event_footprint(count, records))?;
		let list: BatchListOf<T> = batches
			.iter()
			.map(|(id, _)| *id)
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::NoBatches)?;
		let first = *list.first().ok_or(Error::<T>::NoBatches)?;
		let biz_step = event.biz_step;
		for ((batch_id, mut batch), share) in batches.into_iter().zip(shares) {
			History::<T>::insert(batch_id, batch.events, id);
			// Checked above: the event's places fit.
			batch.events.saturating_inc();
			if let Some(share) = share {
				batch.observations.saturating_inc();
				ObserverShares::<T>::insert(batch_id, attester, share);
			}
			if let Some(order) = order_link {
				OrdersOfBatch::<T>::insert(batch_id, order, ());
			}
			Batches::<T>::insert(batch_id, batch);
		}
		Events::<T>::insert(
			id,
			EventOf::<T> {
				batch: first,
				kind: event.kind,
				biz_step,
				details: event.details,
				to: event.to,
				receives: event.receives,
				order: event.order,
				corrects: event.corrects,
				attester: attester.clone(),
				recorded_at: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		NextEventId::<T>::put(next);
		Self::deposit_event(Event::Recorded {
			event: id,
			biz_step,
			batches: list,
			attester: attester.clone(),
		});
		Ok(id)
	}

	/// A new batch with `key`, made and held by `producer`, with its deposit held. The caller
	/// records its first event next.
	pub(crate) fn create_batch(
		producer: &T::AccountId,
		key: BatchKey,
	) -> Result<(crate::BatchId, BatchOf<T>), DispatchError> {
		ensure!(!BatchByKey::<T>::contains_key(&key), Error::<T>::BatchExists);
		let id = NextBatchId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::BatchDeposit::new(producer, Self::batch_footprint())?;
		let batch = BatchOf::<T> {
			key: key.clone(),
			producer: producer.clone(),
			custodian: producer.clone(),
			status: BatchStatus::Held,
			events: 0,
			observations: 0,
		};
		BatchByKey::<T>::insert(&key, id);
		BatchDeposits::<T>::insert(id, (producer.clone(), deposit));
		NextBatchId::<T>::put(next);
		Self::deposit_event(Event::BatchCreated { batch: id, key, producer: producer.clone() });
		Ok((id, batch))
	}

	pub(crate) fn do_commission(
		who: T::AccountId,
		key: BatchKey,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let attester = Self::attester(&who, Roles::PRODUCER)?;
		Self::ensure_in_scope(&attester, &key)?;
		// `record_event` checks the details; the call is transactional, so a refused event
		// leaves no batch behind.
		let (id, batch) = Self::create_batch(&who, key)?;
		Self::record_event(
			&who,
			alloc::vec![(id, batch)],
			NewEvent::new(EventKind::Commission, BizStep::Commissioning, details),
		)?;
		Ok(())
	}

	pub(crate) fn do_record(
		who: T::AccountId,
		id: crate::BatchId,
		biz_step: BizStep,
		details: DetailsOf<T>,
	) -> DispatchResult {
		let batch = Batches::<T>::get(id).ok_or(Error::<T>::BatchNotFound)?;
		ensure!(batch.status != BatchStatus::Consumed, Error::<T>::Consumed);
		// The custodian stores, sells, inspects and reports on the goods it holds; an inspector
		// inspects and reports on goods it does not hold (an observation, limited to its share
		// of each page of the history).
		let (roles, by_custodian) = match biz_step {
			BizStep::Storing | BizStep::RetailSelling => (Roles::CUSTODY, true),
			BizStep::Inspecting | BizStep::SensorReporting if batch.custodian == who => {
				(Roles::ALL, true)
			},
			BizStep::Inspecting | BizStep::SensorReporting => (Roles::INSPECTOR, false),
			_ => return Err(Error::<T>::WrongBizStep.into()),
		};
		if by_custodian {
			ensure!(batch.custodian == who, Error::<T>::NotCustodian);
			ensure!(batch.status == BatchStatus::Held, Error::<T>::InTransit);
		}
		let attester = Self::attester(&who, roles)?;
		Self::ensure_in_scope(&attester, &batch.key)?;
		Self::record_event(
			&who,
			alloc::vec![(id, batch)],
			NewEvent::new(EventKind::Observe, biz_step, details),
		)?;
		Ok(())
	}
}

/// Custody of batches for the replenishment pallet's shipments.
impl<T: Config> commerce_primitives::BatchCustody<T::AccountId> for Pallet<T> {
	fn custodian(batch: u64) -> Option<T::AccountId> {
		Batches::<T>::get(batch).map(|batch| batch.custodian)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_batch(custodian: &T::AccountId) -> u64 {
		crate::benchmarking::batch_held_by::<T>(custodian)
	}
}
