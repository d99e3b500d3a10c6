//! The logic behind the calls, one file per feature.

mod deadlines;
mod disputes;
mod listings;
mod orders;
mod queries;

use crate::{BalanceOf, Config, Error, OrderOf, Orders};
use commerce_primitives::OrderId;
use frame_support::ensure;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedMul, Zero},
	DispatchError, Rounding, SaturatedConversion,
};

impl<T: Config> crate::Pallet<T> {
	/// The open order `id`, or `OrderNotFound`.
	pub(crate) fn order(id: OrderId) -> Result<OrderOf<T>, DispatchError> {
		Orders::<T>::get(id).ok_or_else(|| Error::<T>::OrderNotFound.into())
	}

	/// `quantity * unit_price`, or `Overflow`.
	pub(crate) fn total_of(
		quantity: u32,
		unit_price: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		let quantity: BalanceOf<T> = quantity.into();
		quantity.checked_mul(&unit_price).ok_or(Error::<T>::Overflow)
	}

	/// The native value of `amount` of `order`'s currency, at the rate fixed when the order was
	/// placed: `amount × value / total`, rounded down (exactly `amount` for the native token,
	/// whose value is its total).
	pub(crate) fn value_of(order: &OrderOf<T>, amount: BalanceOf<T>) -> BalanceOf<T> {
		multiply_by_rational_with_rounding(
			amount.saturated_into::<u128>(),
			order.value.saturated_into::<u128>(),
			order.total.saturated_into::<u128>(),
			Rounding::Down,
		)
		.map(BalanceOf::<T>::saturated_from)
		.unwrap_or_else(Zero::zero)
		.min(order.value)
	}

	/// Fail with `InvalidWindow` unless `window` is within `min..=MaxWindow`.
	pub(crate) fn ensure_window(
		window: frame_system::pallet_prelude::BlockNumberFor<T>,
		min: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		use frame_support::traits::Get;
		ensure!(window >= min && window <= T::MaxWindow::get(), Error::<T>::InvalidWindow);
		Ok(())
	}

	pub(crate) fn do_set_min_confirm_window(
		window: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> sp_runtime::DispatchResult {
		Self::ensure_window(window, sp_runtime::traits::One::one())?;
		crate::MinConfirmWindow::<T>::put(window);
		Self::deposit_event(crate::Event::MinConfirmWindowSet { window });
		Ok(())
	}
}
