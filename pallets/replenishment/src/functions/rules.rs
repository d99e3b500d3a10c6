//! Reorder rules: set, remove, and the supplier's quote.

use crate::{BalanceOf, Config, CurrencyOf, Error, Event, ReorderRule, ReorderRules};
use commerce_primitives::{AcceptedCurrencies, ListingId, ListingProvider};
use frame_support::{ensure, traits::Consideration};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> crate::Pallet<T> {
	pub(crate) fn do_set_reorder_rule(
		vendor: T::AccountId,
		listing: ListingId,
		supplier: T::AccountId,
		currency: CurrencyOf<T>,
		reorder_point: u32,
		reorder_quantity: u32,
		max_unit_price: BalanceOf<T>,
		ship_window: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(reorder_quantity > 0 && !max_unit_price.is_zero(), Error::<T>::Zero);
		ensure!(supplier != vendor, Error::<T>::SupplierIsVendor);
		Self::check_window(ship_window)?;
		let terms = T::Listings::terms(listing).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(terms.vendor == vendor, Error::<T>::NotTheVendor);
		ensure!(T::Currencies::is_accepted(&currency), Error::<T>::CurrencyNotAccepted);
		// A purchase order of the rule at its ceiling must be computable.
		Self::amount_of(reorder_quantity, max_unit_price)?;
		let (deposit, open) = match ReorderRules::<T>::get(listing) {
			Some(rule) => (rule.deposit, rule.open),
			None => (T::Deposit::new(&vendor, Self::rule_footprint())?, None),
		};
		ReorderRules::<T>::insert(
			listing,
			ReorderRule {
				vendor: vendor.clone(),
				supplier: supplier.clone(),
				currency: currency.clone(),
				reorder_point,
				reorder_quantity,
				max_unit_price,
				ship_window,
				quote: None,
				open,
				deposit,
			},
		);
		Self::deposit_event(Event::ReorderRuleSet {
			listing,
			vendor,
			supplier,
			currency,
			reorder_point,
			reorder_quantity,
			max_unit_price,
			ship_window,
		});
		Ok(())
	}

	pub(crate) fn do_remove_reorder_rule(who: T::AccountId, listing: ListingId) -> DispatchResult {
		let rule = ReorderRules::<T>::get(listing).ok_or(Error::<T>::NoRule)?;
		ensure!(rule.vendor == who, Error::<T>::NotTheVendor);
		rule.deposit.drop(&who)?;
		ReorderRules::<T>::remove(listing);
		Self::deposit_event(Event::ReorderRuleRemoved { listing });
		Ok(())
	}

	pub(crate) fn do_quote(
		who: T::AccountId,
		listing: ListingId,
		unit_price: Option<BalanceOf<T>>,
	) -> DispatchResult {
		let mut rule = ReorderRules::<T>::get(listing).ok_or(Error::<T>::NoRule)?;
		ensure!(rule.supplier == who, Error::<T>::NotTheSupplier);
		if let Some(price) = unit_price {
			ensure!(!price.is_zero(), Error::<T>::Zero);
			ensure!(price <= rule.max_unit_price, Error::<T>::AboveCeiling);
		}
		rule.quote = unit_price;
		ReorderRules::<T>::insert(listing, rule);
		Self::deposit_event(Event::Quoted { listing, supplier: who, unit_price });
		Ok(())
	}
}
