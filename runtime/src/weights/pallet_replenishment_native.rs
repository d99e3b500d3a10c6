//! Placeholder until `scripts/bench.sh` regenerates it.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::Weight};
use core::marker::PhantomData;

pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_replenishment::WeightInfo for WeightInfo<T> {
	fn set_reorder_rule() -> Weight { Weight::zero() }
	fn remove_reorder_rule() -> Weight { Weight::zero() }
	fn quote() -> Weight { Weight::zero() }
	fn create_purchase_order() -> Weight { Weight::zero() }
	fn cancel_purchase_order() -> Weight { Weight::zero() }
	fn accept_purchase_order() -> Weight { Weight::zero() }
	fn decline_purchase_order() -> Weight { Weight::zero() }
	fn ship_purchase_order() -> Weight { Weight::zero() }
	fn receive_purchase_order() -> Weight { Weight::zero() }
	fn dispute_purchase_order() -> Weight { Weight::zero() }
	fn rule_purchase_order() -> Weight { Weight::zero() }
	fn timeout() -> Weight { Weight::zero() }
	fn raise() -> Weight { Weight::zero() }
	fn on_idle(_n: u32, ) -> Weight { Weight::zero() }
}
