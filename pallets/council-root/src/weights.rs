//! Weights for `pallet_council_root`: NOT YET GENERATED. `scripts/bench.sh` overwrites this file
//! with measured figures; until then every call is weighed as one database read, a deliberate
//! over-estimate of a call that touches no storage of its own.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of `pallet_council_root`.
pub trait WeightInfo {
	fn dispatch_as_root() -> Weight;
}

/// Weights with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn dispatch_as_root() -> Weight {
		T::DbWeight::get().reads(1)
	}
}

impl WeightInfo for () {
	fn dispatch_as_root() -> Weight {
		RocksDbWeight::get().reads(1)
	}
}
