//! Reorder rules at work: the orders pallet reports each order that takes a listing's stock
//! down, and the listing's rule raises a purchase order when the stock reached its point.

use crate::{
	Config, Error, Event, Pallet, PurchaseOrderId, ReorderProblem, ReorderRuleOf, ReorderRules,
	WeightInfo,
};
use commerce_primitives::{ListingId, Replenisher};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::DispatchError;

impl<T: Config> Replenisher<T::AccountId> for Pallet<T> {
	fn stock_fell(listing: ListingId, vendor: &T::AccountId, stock: u32) -> Weight {
		let checked = T::DbWeight::get().reads(1);
		let Some(rule) = ReorderRules::<T>::get(listing) else { return checked };
		if rule.open.is_some() || stock > rule.reorder_point || &rule.vendor != vendor {
			return checked;
		}
		if let Err(problem) = Self::raise(listing, rule) {
			Self::deposit_event(Event::ReorderFailed { listing, problem });
		}
		T::WeightInfo::raise()
	}

	fn max_weight() -> Weight {
		T::WeightInfo::raise()
	}
}

impl<T: Config> Pallet<T> {
	/// Raise the purchase order of `listing`'s rule at the supplier's quote, or say why not.
	/// Changes nothing when it fails.
	pub(crate) fn raise(
		listing: ListingId,
		mut rule: ReorderRuleOf<T>,
	) -> Result<PurchaseOrderId, ReorderProblem> {
		let unit_price = rule.quote.ok_or(ReorderProblem::NoQuote)?;
		if unit_price > rule.max_unit_price {
			return Err(ReorderProblem::AboveCeiling);
		}
		frame_support::storage::with_storage_layer(|| {
			let id = Self::do_create_purchase_order(
				rule.vendor.clone(),
				rule.supplier.clone(),
				listing,
				rule.currency.clone(),
				rule.reorder_quantity,
				unit_price,
				rule.ship_window,
				true,
			)?;
			// The rule was read by the caller: write it back with its open purchase order.
			rule.open = Some(id);
			ReorderRules::<T>::insert(listing, &rule);
			Ok::<_, DispatchError>(id)
		})
		.map_err(|err| {
			if err == Error::<T>::BelowMinimumValue.into()
				|| err == Error::<T>::CurrencyNotAccepted.into()
				|| err == Error::<T>::Overflow.into()
			{
				ReorderProblem::BelowMinimum
			} else {
				ReorderProblem::CannotFund
			}
		})
	}
}
