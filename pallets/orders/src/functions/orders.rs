//! Orders: place, cancel, ship, confirm, attest, refund, and closing an order.

use crate::{
	AccountOrders, BalanceOf, Config, Deadlines, Error, Event, Listings, NextOrderId, Order,
	OrderOf, OrderState, Orders, Pallet, Reference,
};
use commerce_primitives::{
	deadlines::{self, Slot},
	Escrow, ListingId, OrderId, Outcome,
};
use frame_support::{ensure, traits::Consideration};
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
	) -> Result<(OrderId, u32), DispatchError> {
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		let mut listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.vendor != buyer, Error::<T>::CannotBuyOwnListing);
		ensure!(listing.unit_price <= max_unit_price, Error::<T>::PriceAboveMaximum);
		ensure!(listing.stock >= quantity, Error::<T>::InsufficientStock);
		let total = Self::total_of(quantity, listing.unit_price)?;
		let reserved = listing.reserved.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		let id = NextOrderId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();

		// Every step below either succeeds or fails the dispatch, which rolls back all of them:
		// units are never reserved without the payment held, nor the payment without the units.
		let Slot { block: ship_by, spilled } =
			Self::schedule_deadline(now.saturating_add(listing.ship_window), id)?;
		T::Escrow::hold(id, &buyer, &listing.vendor, total)?;
		let deposit = T::OrderDeposit::new(&buyer, Self::order_footprint())?;
		listing.stock = listing.stock.saturating_sub(quantity);
		listing.reserved = reserved;
		let vendor = listing.vendor.clone();
		let unit_price = listing.unit_price;
		let confirm_window = listing.confirm_window;
		Listings::<T>::insert(listing_id, listing);
		NextOrderId::<T>::put(next);
		AccountOrders::<T>::insert(&buyer, id, ());
		AccountOrders::<T>::insert(&vendor, id, ());
		Orders::<T>::insert(
			id,
			Order {
				listing: listing_id,
				buyer: buyer.clone(),
				vendor: vendor.clone(),
				quantity,
				unit_price,
				total,
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
			vendor,
			quantity,
			unit_price,
			total,
			ship_by,
		});
		Ok((id, spilled))
	}

	pub(crate) fn do_cancel_order(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.buyer == who, Error::<T>::NotTheBuyer);
		ensure!(order.state == OrderState::Paid, Error::<T>::InvalidState);
		T::Escrow::settle(id, order.total)?;
		Self::close(id, order, Outcome::CancelledByBuyer, true)
	}

	pub(crate) fn do_ship_order(
		who: T::AccountId,
		id: OrderId,
		tracking: Reference,
	) -> Result<u32, DispatchError> {
		let mut order = Self::order(id)?;
		ensure!(order.vendor == who, Error::<T>::NotTheVendor);
		ensure!(order.state == OrderState::Paid, Error::<T>::InvalidState);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < order.deadline, Error::<T>::WindowClosed);
		let Slot { block: confirm_by, spilled } =
			Self::schedule_deadline(now.saturating_add(order.confirm_window), id)?;
		Listings::<T>::mutate(order.listing, |listing| {
			if let Some(listing) = listing {
				listing.reserved = listing.reserved.saturating_sub(order.quantity);
			}
		});
		order.state = OrderState::Shipped { tracking };
		order.deadline = confirm_by;
		Self::deposit_event(Event::OrderShipped {
			order: id,
			listing: order.listing,
			quantity: order.quantity,
			tracking,
			confirm_by,
		});
		Orders::<T>::insert(id, order);
		Ok(spilled)
	}

	pub(crate) fn do_confirm_delivery(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.buyer == who, Error::<T>::NotTheBuyer);
		ensure!(
			matches!(order.state, OrderState::Shipped { .. } | OrderState::Delivered { .. }),
			Error::<T>::InvalidState
		);
		T::Escrow::release(id)?;
		Self::close(id, order, Outcome::Completed, false)
	}

	pub(crate) fn do_attest_delivery(id: OrderId) -> Result<u32, DispatchError> {
		let mut order = Self::order(id)?;
		let OrderState::Shipped { tracking } = order.state else {
			return Err(Error::<T>::InvalidState.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		let Slot { block: confirm_by, spilled } =
			Self::schedule_deadline(now.saturating_add(order.confirm_window), id)?;
		order.state = OrderState::Delivered { tracking };
		order.deadline = confirm_by;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::DeliveryAttested { order: id, confirm_by });
		Ok(spilled)
	}

	pub(crate) fn do_refund_order(
		who: T::AccountId,
		id: OrderId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let order = Self::order(id)?;
		ensure!(order.vendor == who, Error::<T>::NotTheVendor);
		ensure!(!amount.is_zero() && amount <= order.total, Error::<T>::InvalidRefund);
		let restock = match order.state {
			OrderState::Paid => {
				ensure!(amount == order.total, Error::<T>::PartialRefundBeforeShipment);
				true
			},
			OrderState::Shipped { .. } | OrderState::Delivered { .. } => false,
			OrderState::Disputed => return Err(Error::<T>::InvalidState.into()),
		};
		T::Escrow::settle(id, amount)?;
		Self::close_with(id, order, Outcome::Refunded, amount, restock)
	}

	/// Put `id` in the deadline queue at `at` (or a little later if that block is full).
	pub(crate) fn schedule_deadline(
		at: BlockNumberFor<T>,
		id: OrderId,
	) -> Result<Slot<BlockNumberFor<T>>, Error<T>> {
		deadlines::schedule::<Deadlines<T>, _, _, _>(at, id).ok_or(Error::<T>::DeadlineQueueFull)
	}

	/// End an order whose escrow is already paid out: the whole total was refunded if
	/// `restock` (a cancellation), else nothing was.
	pub(crate) fn close(
		id: OrderId,
		order: OrderOf<T>,
		outcome: Outcome,
		restock: bool,
	) -> DispatchResult {
		let refunded = if restock { order.total } else { Zero::zero() };
		Self::close_with(id, order, outcome, refunded, restock)
	}

	/// End an order whose escrow is already paid out, `refunded` of it to the buyer: return the
	/// units to stock if `restock`, return the buyer's deposit, drop the indexes.
	pub(crate) fn close_with(
		id: OrderId,
		order: OrderOf<T>,
		outcome: Outcome,
		refunded: BalanceOf<T>,
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
		order.deposit.drop(&order.buyer)?;
		Orders::<T>::remove(id);
		AccountOrders::<T>::remove(&order.buyer, id);
		AccountOrders::<T>::remove(&order.vendor, id);
		Self::deposit_event(Event::OrderClosed {
			order: id,
			listing: order.listing,
			buyer: order.buyer,
			vendor: order.vendor,
			outcome,
			refunded,
			restocked,
		});
		Ok(())
	}
}
