//! Orders: place, cancel, ship, confirm, attest, refund, and closing an order.

use crate::{
	AccountOrders, BalanceOf, Config, Deadlines, Error, Event, Listings, MinConfirmWindow,
	NextOrderId, Order, OrderOf, OrderState, Orders, Pallet, Reference, SealedDeliveries,
	SealedDeliveryOf,
};
use commerce_primitives::{
	currency::CurrencyDeposit, deadlines, AcceptedCurrencies, Escrow, ListingId, OrderId,
	OrderObserver, OrderReport, Outcome, Replenisher, VendorRegistry,
};
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_place_order(
		buyer: T::AccountId,
		listing_id: ListingId,
		quantity: u32,
		max_unit_price: BalanceOf<T>,
		currency: T::CurrencyId,
		delivery: Option<SealedDeliveryOf<T>>,
	) -> Result<(OrderId, frame_support::weights::Weight), DispatchError> {
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(delivery.as_ref().is_none_or(|d| !d.is_empty()), Error::<T>::EmptyDelivery);
		let mut listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.currency == currency, Error::<T>::WrongCurrency);
		ensure!(listing.vendor != buyer, Error::<T>::CannotBuyOwnListing);
		ensure!(T::VendorRegistry::is_active_vendor(&listing.vendor), Error::<T>::VendorNotActive);
		ensure!(listing.unit_price <= max_unit_price, Error::<T>::PriceAboveMaximum);
		ensure!(listing.stock >= quantity, Error::<T>::InsufficientStock);
		let total = Self::total_of(quantity, listing.unit_price)?;
		// The order's value in the native token, at today's rate, fixed for its life. A
		// currency whose rate the consortium withdrew takes no new orders.
		let value =
			T::Currencies::native_value(&currency, total).ok_or(Error::<T>::CurrencyNotAccepted)?;
		let reserved = listing.reserved.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		let id = NextOrderId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let ship_by = now.saturating_add(listing.ship_window);

		// Every step below either succeeds or fails the dispatch, which rolls back all of them:
		// units are never reserved without the payment held, nor the payment without the units.
		T::Escrow::hold(id, &buyer, &listing.vendor, currency.clone(), total)?;
		let footprint = match &delivery {
			Some(sealed) => Self::sealed_order_footprint(sealed.len()),
			None => Self::order_footprint(),
		};
		let deposit = T::OrderDeposit::hold(&buyer, &currency, footprint)?;
		deadlines::schedule::<Deadlines<T>, _, _>(ship_by, id);
		listing.stock = listing.stock.saturating_sub(quantity);
		listing.reserved = reserved;
		let vendor = listing.vendor.clone();
		let unit_price = listing.unit_price;
		let confirm_window = listing.confirm_window.max(MinConfirmWindow::<T>::get());
		let stock = listing.stock;
		Listings::<T>::insert(listing_id, listing);
		NextOrderId::<T>::put(next);
		AccountOrders::<T>::insert(&buyer, id, ());
		AccountOrders::<T>::insert(&vendor, id, ());
		T::Observer::order_placed(&vendor, id, listing_id, quantity, total, value);
		Orders::<T>::insert(
			id,
			Order {
				listing: listing_id,
				buyer: buyer.clone(),
				vendor: vendor.clone(),
				quantity,
				currency: currency.clone(),
				unit_price,
				total,
				value,
				refunded: Zero::zero(),
				state: OrderState::Paid,
				deadline: ship_by,
				confirm_window,
				deposit,
			},
		);
		Self::deposit_event(Event::OrderPlaced {
			order: id,
			listing: listing_id,
			buyer,
			vendor: vendor.clone(),
			quantity,
			currency,
			unit_price,
			total,
			ship_by,
		});
		if let Some(sealed) = delivery {
			let bytes = sealed.len() as u32;
			SealedDeliveries::<T>::insert(id, sealed);
			Self::deposit_event(Event::DeliverySealed { order: id, bytes });
		}
		// Last, so that a purchase order it raises follows the order in the events.
		let replenished = T::Replenisher::stock_fell(listing_id, &vendor, stock);
		Ok((id, replenished))
	}

	pub(crate) fn do_cancel_order(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.buyer == who, Error::<T>::NotTheBuyer);
		ensure!(order.state == OrderState::Paid, Error::<T>::InvalidState);
		let received = T::Escrow::settle(id, order.total)?;
		Self::close(id, order, Outcome::CancelledByBuyer, received, true)
	}

	pub(crate) fn do_ship_order(
		who: T::AccountId,
		id: OrderId,
		tracking: Reference,
	) -> DispatchResult {
		let mut order = Self::order(id)?;
		ensure!(order.vendor == who, Error::<T>::NotTheVendor);
		ensure!(order.state == OrderState::Paid, Error::<T>::InvalidState);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < order.deadline, Error::<T>::WindowClosed);
		let confirm_by = now.saturating_add(order.confirm_window);
		Self::move_deadline(id, &mut order, confirm_by);
		Listings::<T>::mutate(order.listing, |listing| {
			if let Some(listing) = listing {
				listing.reserved = listing.reserved.saturating_sub(order.quantity);
			}
		});
		order.state = OrderState::Shipped { tracking };
		Self::deposit_event(Event::OrderShipped {
			order: id,
			listing: order.listing,
			quantity: order.quantity,
			tracking,
			confirm_by,
		});
		Orders::<T>::insert(id, order);
		Ok(())
	}

	pub(crate) fn do_confirm_delivery(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.buyer == who, Error::<T>::NotTheBuyer);
		ensure!(
			matches!(order.state, OrderState::Shipped { .. } | OrderState::Delivered { .. }),
			Error::<T>::InvalidState
		);
		let received = T::Escrow::release(id)?;
		Self::close(id, order, Outcome::Completed, received, false)
	}

	pub(crate) fn do_attest_delivery(id: OrderId) -> DispatchResult {
		let mut order = Self::order(id)?;
		let OrderState::Shipped { tracking } = order.state else {
			return Err(Error::<T>::InvalidState.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		// Once the confirm-by deadline has passed the order is due to complete: an attestation
		// must not reopen the window.
		ensure!(now < order.deadline, Error::<T>::WindowClosed);
		let confirm_by = now.saturating_add(order.confirm_window);
		Self::move_deadline(id, &mut order, confirm_by);
		order.state = OrderState::Delivered { tracking };
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::DeliveryAttested { order: id, confirm_by });
		Ok(())
	}

	pub(crate) fn do_refund_order(
		who: T::AccountId,
		id: OrderId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut order = Self::order(id)?;
		ensure!(order.vendor == who, Error::<T>::NotTheVendor);
		let remaining = order.total.saturating_sub(order.refunded);
		ensure!(!amount.is_zero() && amount <= remaining, Error::<T>::InvalidRefund);
		match order.state {
			OrderState::Paid => {
				ensure!(amount == order.total, Error::<T>::PartialRefundBeforeShipment);
				let received = T::Escrow::settle(id, amount)?;
				Self::close(id, order, Outcome::Refunded, received, true)
			},
			OrderState::Shipped { .. } | OrderState::Delivered { .. } if amount == remaining => {
				let received = T::Escrow::settle(id, amount)?;
				Self::close(id, order, Outcome::Refunded, received, false)
			},
			OrderState::Shipped { .. } | OrderState::Delivered { .. } => {
				// Only the refunded part leaves escrow; the order keeps its state and deadline.
				T::Escrow::refund(id, amount)?;
				order.refunded = order.refunded.saturating_add(amount);
				let refunded = order.refunded;
				Orders::<T>::insert(id, order);
				Self::deposit_event(Event::OrderPartiallyRefunded {
					order: id,
					amount,
					refunded,
					remaining: remaining.saturating_sub(amount),
				});
				Ok(())
			},
			OrderState::Disputed => Err(Error::<T>::InvalidState.into()),
		}
	}

	/// Move `order`'s deadline entry to `to` (the caller stores the order).
	pub(crate) fn move_deadline(id: OrderId, order: &mut OrderOf<T>, to: BlockNumberFor<T>) {
		deadlines::cancel::<Deadlines<T>, _, _>(order.deadline, id);
		deadlines::schedule::<Deadlines<T>, _, _>(to, id);
		order.deadline = to;
	}

	/// End an order whose escrow is already paid out, `received` of that payout to the buyer:
	/// return the units to stock if `restock`, return the buyer's deposit, drop the indexes and
	/// the deadline entry.
	pub(crate) fn close(
		id: OrderId,
		order: OrderOf<T>,
		outcome: Outcome,
		received: BalanceOf<T>,
		restock: bool,
	) -> DispatchResult {
		let mut restocked = 0;
		if restock {
			Listings::<T>::mutate(order.listing, |listing| {
				if let Some(listing) = listing {
					listing.reserved = listing.reserved.saturating_sub(order.quantity);
					listing.stock = listing.stock.saturating_add(order.quantity);
					restocked = order.quantity;
				}
			});
		}
		// The observers hear native values, at the order's own rate.
		let partially_refunded = Self::value_of(&order, order.refunded);
		let refunded_at_close = Self::value_of(&order, received);
		T::OrderDeposit::release(&order.buyer, &order.currency, order.deposit)?;
		deadlines::cancel::<Deadlines<T>, _, _>(order.deadline, id);
		Orders::<T>::remove(id);
		// Erase the delivery address with the order: nothing of it outlives the order.
		SealedDeliveries::<T>::remove(id);
		AccountOrders::<T>::remove(&order.buyer, id);
		AccountOrders::<T>::remove(&order.vendor, id);
		T::Observer::order_closed(&OrderReport {
			order: id,
			vendor: order.vendor.clone(),
			buyer: order.buyer.clone(),
			outcome,
			total: order.value,
			partially_refunded,
			refunded_at_close,
			shipped: order.state != OrderState::Paid,
		});
		Self::deposit_event(Event::OrderClosed {
			order: id,
			listing: order.listing,
			buyer: order.buyer,
			vendor: order.vendor,
			outcome,
			refunded: order.refunded.saturating_add(received),
			restocked,
		});
		Ok(())
	}
}
