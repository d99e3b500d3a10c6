//! The pallet's logic, one module per concern; dispatchables in `lib.rs` only check the origin
//! and call in here.

mod deadlines;
mod disputes;
mod purchase_orders;
mod replenisher;
mod rules;

use crate::{
	BalanceOf, Config, Deadlines, Error, Event, HoldReason, PartyOrders, PoOutcome, PoState,
	PurchaseOrderId, PurchaseOrderOf, PurchaseOrders, ReorderRules, Suppliers,
};
use commerce_primitives::{deadlines as queue, ListingProvider};
use frame_support::traits::{
	fungibles::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
	Consideration,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedMul, Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> crate::Pallet<T> {
	pub(crate) fn po(id: PurchaseOrderId) -> Result<PurchaseOrderOf<T>, DispatchError> {
		PurchaseOrders::<T>::get(id).ok_or_else(|| Error::<T>::PurchaseOrderNotFound.into())
	}

	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// `quantity * unit_price`, or `Overflow`.
	pub(crate) fn amount_of(
		quantity: u32,
		unit_price: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		unit_price.checked_mul(&quantity.into()).ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Move the purchase order's deadline entry to `at`.
	pub(crate) fn move_deadline(
		id: PurchaseOrderId,
		po: &mut PurchaseOrderOf<T>,
		at: BlockNumberFor<T>,
	) {
		queue::cancel::<Deadlines<T>, _, _>(po.deadline, id);
		queue::schedule::<Deadlines<T>, _, _>(at, id);
		po.deadline = at;
	}

	/// The earliest deadline of an accepted purchase order: its ship-by while units are
	/// unshipped, its receive-by while shipped units await receipt.
	pub(crate) fn accepted_deadline(
		po: &PurchaseOrderOf<T>,
		ship_by: BlockNumberFor<T>,
		receive_by: Option<BlockNumberFor<T>>,
	) -> BlockNumberFor<T> {
		let ship = (po.shipped < po.quantity).then_some(ship_by);
		match (ship, receive_by) {
			(Some(s), Some(r)) => s.min(r),
			(Some(s), None) => s,
			(None, Some(r)) => r,
			// Everything shipped and received: it closes before this is asked.
			(None, None) => ship_by,
		}
	}

	/// Pay `amount` of the purchase order's hold to its supplier.
	pub(crate) fn pay_supplier(
		po: &mut PurchaseOrderOf<T>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			po.currency.clone(),
			&HoldReason::PurchaseOrder.into(),
			&po.vendor,
			&po.supplier,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::SupplierCannotReceive)?;
		po.held = po.held.saturating_sub(amount);
		po.paid = po.paid.saturating_add(amount);
		Ok(())
	}

	/// Return `amount` of the purchase order's hold to its vendor.
	pub(crate) fn return_to_vendor(
		po: &mut PurchaseOrderOf<T>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(
			po.currency.clone(),
			&HoldReason::PurchaseOrder.into(),
			&po.vendor,
			amount,
			Precision::Exact,
		)?;
		po.held = po.held.saturating_sub(amount);
		Ok(())
	}

	/// Receive `quantity` shipped units: pay the supplier for them, add them to the listing's
	/// stock. Fails, changing nothing, if the supplier cannot be paid.
	pub(crate) fn receive_units(
		id: PurchaseOrderId,
		po: &mut PurchaseOrderOf<T>,
		quantity: u32,
		deemed: bool,
	) -> DispatchResult {
		let amount = Self::amount_of(quantity, po.unit_price)?;
		Self::pay_supplier(po, amount)?;
		po.received = po.received.saturating_add(quantity);
		let restocked = T::Listings::add_stock(po.listing, quantity).is_ok();
		Self::deposit_event(Event::PurchaseOrderReceived {
			purchase_order: id,
			listing: po.listing,
			quantity,
			paid: amount,
			restocked,
			batch: po.batch,
			deemed,
		});
		Ok(())
	}

	/// End a purchase order: return what is still held to the vendor, release the deposit,
	/// remove it and its index and deadline entries, free its rule, count it in the
	/// supplier's record.
	pub(crate) fn close(
		id: PurchaseOrderId,
		mut po: PurchaseOrderOf<T>,
		outcome: PoOutcome,
	) -> DispatchResult {
		let returned = po.held;
		Self::return_to_vendor(&mut po, returned)?;
		po.deposit.drop(&po.vendor)?;
		PurchaseOrders::<T>::remove(id);
		PartyOrders::<T>::remove(&po.vendor, id);
		PartyOrders::<T>::remove(&po.supplier, id);
		queue::cancel::<Deadlines<T>, _, _>(po.deadline, id);
		if po.by_rule {
			ReorderRules::<T>::mutate_extant(po.listing, |rule| {
				if rule.open == Some(id) {
					rule.open = None;
				}
			});
		}
		Suppliers::<T>::mutate(&po.supplier, |record| match outcome {
			PoOutcome::Cancelled => {},
			// Only a purchase order under a rule the supplier quoted for counts against it
			// when declined or left to expire: a vendor cannot spoil a supplier's record with
			// orders the supplier never asked for.
			PoOutcome::Declined if po.by_rule => record.declined.saturating_inc(),
			PoOutcome::Expired if po.by_rule => record.expired.saturating_inc(),
			PoOutcome::Declined | PoOutcome::Expired => {},
			PoOutcome::Completed
			| PoOutcome::ShortShipped
			| PoOutcome::Ruled
			| PoOutcome::DisputeLapsed => {
				record.closed.saturating_inc();
				record.units_ordered.saturating_accrue(po.ordered.into());
				record.units_shipped.saturating_accrue(po.shipped.into());
				if outcome == PoOutcome::Completed {
					record.in_full_on_time.saturating_inc();
				}
			},
		});
		Self::deposit_event(Event::PurchaseOrderClosed {
			purchase_order: id,
			outcome,
			paid: po.paid,
			returned,
		});
		Ok(())
	}

	/// `true` if the purchase order is accepted (shipping and receiving).
	pub(crate) fn is_accepted(po: &PurchaseOrderOf<T>) -> bool {
		matches!(po.state, PoState::Accepted { .. })
	}
}
