//! The marketplace fee.

use crate::{Config, Error, Event, MarketplaceFee, Pallet};
use frame_support::{ensure, traits::Get};
use sp_runtime::{DispatchResult, Perbill};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_fee(fee: Perbill) -> DispatchResult {
		ensure!(fee <= T::MaxFee::get(), Error::<T>::FeeTooHigh);
		MarketplaceFee::<T>::put(fee);
		Self::deposit_event(Event::FeeSet { fee });
		Ok(())
	}
}
