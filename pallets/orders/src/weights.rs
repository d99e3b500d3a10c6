//! Weights for `pallet_orders`: NOT YET GENERATED. `scripts/bench.sh` overwrites this file with
//! measured figures; until then every call is weighed as one database read.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of `pallet_orders`.
pub trait WeightInfo {
	fn create_listing() -> Weight;
	fn update_listing() -> Weight;
	fn delist() -> Weight;
	fn place_order() -> Weight;
	fn cancel_order() -> Weight;
	fn ship_order() -> Weight;
	fn confirm_delivery() -> Weight;
	fn attest_delivery() -> Weight;
	fn refund_order() -> Weight;
	fn process_overdue() -> Weight;
	fn on_idle_deadlines(n: u32) -> Weight;
}

/// Weights with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_listing() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn update_listing() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn delist() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn place_order() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn cancel_order() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn ship_order() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn confirm_delivery() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn attest_delivery() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn refund_order() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn process_overdue() -> Weight {
		T::DbWeight::get().reads(1)
	}
	fn on_idle_deadlines(_n: u32) -> Weight {
		T::DbWeight::get().reads(1)
	}
}

impl WeightInfo for () {
	fn create_listing() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn update_listing() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn delist() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn place_order() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn cancel_order() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn ship_order() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn confirm_delivery() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn attest_delivery() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn refund_order() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn process_overdue() -> Weight {
		RocksDbWeight::get().reads(1)
	}
	fn on_idle_deadlines(_n: u32) -> Weight {
		RocksDbWeight::get().reads(1)
	}
}
