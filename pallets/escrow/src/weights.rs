//! Weights for `pallet_escrow`: NOT YET GENERATED. `scripts/bench.sh` overwrites this file with
//! measured figures; until then every call is weighed as one database read.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of `pallet_escrow`.
pub trait WeightInfo {
	fn set_fee() -> Weight;
	fn open_dispute() -> Weight;
	fn submit_evidence() -> Weight;
	fn rule() -> Weight;
	fn resolve_overdue_dispute() -> Weight;
	fn on_idle_disputes(n: u32) -> Weight;
}

/// Weights with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_fee() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn open_dispute() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn submit_evidence() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn rule() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn resolve_overdue_dispute() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn on_idle_disputes(_n: u32) -> Weight {
		T::DbWeight::get().reads(1)
	}
}

impl WeightInfo for () {
	fn set_fee() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn open_dispute() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn submit_evidence() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn rule() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn resolve_overdue_dispute() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn on_idle_disputes(_n: u32) -> Weight {
		RocksDbWeight::get().reads(1)
	}
}
