//! What escrow calls to open and settle a dispute on an order.

use crate::{BalanceOf, Config, Deadlines, Error, Event, OrderState, Orders, Pallet};
use commerce_primitives::{deadlines, OrderDisputes, OrderId, Outcome};
use frame_support::ensure;
use sp_runtime::DispatchResult;

const LOG_TARGET: &str = "runtime::orders";

impl<T: Config> OrderDisputes<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn open_dispute(id: OrderId, who: &T::AccountId) -> DispatchResult {
		let mut order = Self::order(id)?;
		ensure!(&order.buyer == who || &order.vendor == who, Error::<T>::NotAParty);
		ensure!(
			matches!(order.state, OrderState::Shipped { .. } | OrderState::Delivered { .. }),
			Error::<T>::InvalidState
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < order.deadline, Error::<T>::WindowClosed);
		// While disputed, escrow's ruling deadline applies instead of the order's.
		deadlines::cancel::<Deadlines<T>, _, _>(order.deadline, id);
		order.state = OrderState::Disputed;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::OrderDisputed { order: id, by: who.clone() });
		Ok(())
	}

	fn dispute_settled(id: OrderId, refunded: BalanceOf<T>, ruled: bool) {
		let Some(order) = Orders::<T>::get(id) else {
			log::error!(target: LOG_TARGET, "settled dispute for unknown order {id}");
			return;
		};
		let outcome = if ruled { Outcome::DisputeSettled } else { Outcome::DisputeLapsed };
		if let Err(err) = Self::close(id, order, outcome, refunded, false) {
			log::error!(target: LOG_TARGET, "closing settled order {id} failed: {err:?}");
		}
	}
}
