//! Disputes: either party takes an accepted purchase order to the arbitration panel, which
//! rules within `RulingWindow`; without a ruling the fallback split settles it.

use crate::{BalanceOf, Config, Error, Event, PoOutcome, PoState, PurchaseOrderId, Suppliers};
use commerce_primitives::ListingProvider;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> crate::Pallet<T> {
	pub(crate) fn do_dispute(who: T::AccountId, id: PurchaseOrderId) -> DispatchResult {
		let po = Self::po(id)?;
		ensure!(po.vendor == who || po.supplier == who, Error::<T>::NotAParty);
		ensure!(Self::is_accepted(&po), Error::<T>::InvalidState);
		Self::to_dispute(id, po, Some(who))
	}

	/// Put an accepted purchase order in dispute, `by` a party or by the chain (`None`).
	pub(crate) fn to_dispute(
		id: PurchaseOrderId,
		mut po: crate::PurchaseOrderOf<T>,
		by: Option<T::AccountId>,
	) -> DispatchResult {
		let rule_by = Self::now().saturating_add(T::RulingWindow::get());
		po.state = PoState::Disputed { rule_by };
		Self::move_deadline(id, &mut po, rule_by);
		Suppliers::<T>::mutate(&po.supplier, |record| record.disputed.saturating_inc());
		crate::PurchaseOrders::<T>::insert(id, po);
		Self::deposit_event(Event::PurchaseOrderDisputed { purchase_order: id, by, rule_by });
		Ok(())
	}

	pub(crate) fn do_rule(
		arbiter: Option<T::AccountId>,
		id: PurchaseOrderId,
		to_supplier: BalanceOf<T>,
		restock: u32,
	) -> DispatchResult {
		let mut po = Self::po(id)?;
		if let Some(arbiter) = arbiter {
			ensure!(arbiter != po.vendor && arbiter != po.supplier, Error::<T>::ArbiterIsParty);
		}
		ensure!(matches!(po.state, PoState::Disputed { .. }), Error::<T>::InvalidState);
		ensure!(
			to_supplier <= po.held && restock <= po.shipped.saturating_sub(po.received),
			Error::<T>::InvalidRuling
		);
		Self::pay_supplier(&mut po, to_supplier)?;
		if restock > 0 {
			po.received = po.received.saturating_add(restock);
			let restocked = T::Listings::add_stock(po.listing, restock).is_ok();
			Self::deposit_event(Event::PurchaseOrderReceived {
				purchase_order: id,
				listing: po.listing,
				quantity: restock,
				paid: to_supplier,
				restocked,
				batch: po.batch,
				deemed: true,
			});
		}
		Self::close(id, po, PoOutcome::Ruled)
	}

	/// Nobody ruled in time: the supplier gets `FallbackSupplierShare` of the price of the
	/// units it shipped and the vendor has not received (if it can receive it), the vendor
	/// the rest; nothing is restocked. Units never shipped are never paid for: a supplier
	/// that disputes instead of shipping gains nothing by the panel's silence.
	pub(crate) fn dispute_lapsed(
		id: PurchaseOrderId,
		mut po: crate::PurchaseOrderOf<T>,
	) -> DispatchResult {
		let pending = po.shipped.saturating_sub(po.received);
		let shipped_value = Self::amount_of(pending, po.unit_price)?.min(po.held);
		let share = T::FallbackSupplierShare::get().mul_floor(shipped_value);
		// A supplier that cannot receive its share leaves it to the vendor: the purchase order
		// ends either way.
		let _ = frame_support::storage::with_storage_layer(|| Self::pay_supplier(&mut po, share));
		Self::close(id, po, PoOutcome::DisputeLapsed)
	}
}
