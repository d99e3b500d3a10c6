//! Purchase orders: raise, cancel, accept, decline, ship, receive.

use crate::{
	BalanceOf, BatchId, Config, CurrencyOf, Error, Event, HoldReason, PartyOrders, PoOutcome,
	PoState, PurchaseOrder, PurchaseOrderId, PurchaseOrders, Suppliers,
};
use commerce_primitives::{
	deadlines as queue, AcceptedCurrencies, BatchCustody, ListingId, ListingProvider,
};
use frame_support::{
	ensure,
	traits::{fungibles::MutateHold, Consideration, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> crate::Pallet<T> {
	/// Check a ship window: `1..=MaxShipWindow`.
	pub(crate) fn check_window(window: BlockNumberFor<T>) -> DispatchResult {
		ensure!(
			window >= One::one() && window <= T::MaxShipWindow::get(),
			Error::<T>::InvalidWindow
		);
		Ok(())
	}

	pub(crate) fn do_create_purchase_order(
		vendor: T::AccountId,
		supplier: T::AccountId,
		listing: ListingId,
		currency: CurrencyOf<T>,
		quantity: u32,
		unit_price: BalanceOf<T>,
		ship_window: BlockNumberFor<T>,
		by_rule: bool,
	) -> Result<PurchaseOrderId, DispatchError> {
		ensure!(quantity > 0 && !unit_price.is_zero(), Error::<T>::Zero);
		ensure!(supplier != vendor, Error::<T>::SupplierIsVendor);
		Self::check_window(ship_window)?;
		let terms = T::Listings::terms(listing).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(terms.vendor == vendor, Error::<T>::NotTheVendor);
		let total = Self::amount_of(quantity, unit_price)?;
		let value =
			T::Currencies::native_value(&currency, total).ok_or(Error::<T>::CurrencyNotAccepted)?;
		ensure!(value >= T::MinOrderValue::get(), Error::<T>::BelowMinimumValue);
		let id = crate::NextPurchaseOrderId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		T::Currency::hold(currency.clone(), &HoldReason::PurchaseOrder.into(), &vendor, total)?;
		let deposit = T::Deposit::new(&vendor, Self::purchase_order_footprint())?;
		let accept_by = Self::now().saturating_add(T::AcceptWindow::get());
		queue::schedule::<crate::Deadlines<T>, _, _>(accept_by, id);
		crate::NextPurchaseOrderId::<T>::put(next);
		PartyOrders::<T>::insert(&vendor, id, ());
		PartyOrders::<T>::insert(&supplier, id, ());
		Suppliers::<T>::mutate(&supplier, |record| record.requested.saturating_inc());
		PurchaseOrders::<T>::insert(
			id,
			PurchaseOrder {
				vendor: vendor.clone(),
				supplier: supplier.clone(),
				listing,
				currency: currency.clone(),
				unit_price,
				ordered: quantity,
				quantity,
				shipped: 0,
				received: 0,
				held: total,
				paid: Zero::zero(),
				ship_window,
				state: PoState::Requested { accept_by },
				deadline: accept_by,
				batch: None,
				by_rule,
				deposit,
			},
		);
		Self::deposit_event(Event::PurchaseOrderRaised {
			purchase_order: id,
			listing,
			vendor,
			supplier,
			currency,
			quantity,
			unit_price,
			total,
			accept_by,
			by_rule,
		});
		Ok(id)
	}

	pub(crate) fn do_cancel(who: T::AccountId, id: PurchaseOrderId) -> DispatchResult {
		let po = Self::po(id)?;
		ensure!(po.vendor == who, Error::<T>::NotTheVendor);
		ensure!(matches!(po.state, PoState::Requested { .. }), Error::<T>::InvalidState);
		Self::close(id, po, PoOutcome::Cancelled)
	}

	pub(crate) fn do_accept(who: T::AccountId, id: PurchaseOrderId) -> DispatchResult {
		let mut po = Self::po(id)?;
		ensure!(po.supplier == who, Error::<T>::NotTheSupplier);
		let PoState::Requested { accept_by } = po.state else {
			return Err(Error::<T>::InvalidState.into());
		};
		let now = Self::now();
		ensure!(now < accept_by, Error::<T>::WindowClosed);
		let ship_by = now.saturating_add(po.ship_window);
		po.state = PoState::Accepted { ship_by, receive_by: None };
		Self::move_deadline(id, &mut po, ship_by);
		PurchaseOrders::<T>::insert(id, po);
		Suppliers::<T>::mutate(&who, |record| record.accepted.saturating_inc());
		Self::deposit_event(Event::PurchaseOrderAccepted { purchase_order: id, ship_by });
		Ok(())
	}

	pub(crate) fn do_decline(who: T::AccountId, id: PurchaseOrderId) -> DispatchResult {
		let po = Self::po(id)?;
		ensure!(po.supplier == who, Error::<T>::NotTheSupplier);
		ensure!(matches!(po.state, PoState::Requested { .. }), Error::<T>::InvalidState);
		Self::close(id, po, PoOutcome::Declined)
	}

	pub(crate) fn do_ship(
		who: T::AccountId,
		id: PurchaseOrderId,
		quantity: u32,
		batch: Option<BatchId>,
	) -> DispatchResult {
		let mut po = Self::po(id)?;
		ensure!(po.supplier == who, Error::<T>::NotTheSupplier);
		let PoState::Accepted { ship_by, .. } = po.state else {
			return Err(Error::<T>::InvalidState.into());
		};
		ensure!(quantity > 0, Error::<T>::Zero);
		let now = Self::now();
		ensure!(now < ship_by, Error::<T>::WindowClosed);
		let shipped = po.shipped.checked_add(quantity).ok_or(Error::<T>::TooMany)?;
		ensure!(shipped <= po.quantity, Error::<T>::TooMany);
		if let Some(batch) = batch {
			let custodian = T::Batches::custodian(batch).ok_or(Error::<T>::BatchNotHeld)?;
			ensure!(custodian == po.supplier || custodian == po.vendor, Error::<T>::BatchNotHeld);
		}
		po.shipped = shipped;
		if batch.is_some() {
			po.batch = batch;
		}
		let receive_by = now.saturating_add(T::ReceiveWindow::get());
		po.state = PoState::Accepted { ship_by, receive_by: Some(receive_by) };
		let deadline = Self::accepted_deadline(&po, ship_by, Some(receive_by));
		Self::move_deadline(id, &mut po, deadline);
		PurchaseOrders::<T>::insert(id, po);
		Self::deposit_event(Event::PurchaseOrderShipped {
			purchase_order: id,
			quantity,
			shipped,
			batch,
			receive_by,
		});
		Ok(())
	}

	pub(crate) fn do_receive(
		who: T::AccountId,
		id: PurchaseOrderId,
		quantity: u32,
	) -> DispatchResult {
		let mut po = Self::po(id)?;
		ensure!(po.vendor == who, Error::<T>::NotTheVendor);
		let PoState::Accepted { ship_by, receive_by } = po.state else {
			return Err(Error::<T>::InvalidState.into());
		};
		ensure!(quantity > 0, Error::<T>::Zero);
		ensure!(quantity <= po.shipped.saturating_sub(po.received), Error::<T>::TooMany);
		Self::receive_units(id, &mut po, quantity, false)?;
		Self::after_receipt(id, po, ship_by, receive_by)
	}

	/// After a receipt: close the purchase order when every unit it is for was received, or
	/// store it with its next deadline.
	pub(crate) fn after_receipt(
		id: PurchaseOrderId,
		mut po: crate::PurchaseOrderOf<T>,
		ship_by: BlockNumberFor<T>,
		receive_by: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		if po.received == po.quantity {
			let outcome = if po.quantity == po.ordered {
				PoOutcome::Completed
			} else {
				PoOutcome::ShortShipped
			};
			return Self::close(id, po, outcome);
		}
		let receive_by = receive_by.filter(|_| po.received < po.shipped);
		po.state = PoState::Accepted { ship_by, receive_by };
		let deadline = Self::accepted_deadline(&po, ship_by, receive_by);
		Self::move_deadline(id, &mut po, deadline);
		PurchaseOrders::<T>::insert(id, po);
		Ok(())
	}
}
