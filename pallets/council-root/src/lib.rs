//! # Council root
//!
//! ## Overview
//! commerce-chain has no sudo key. Root-only operations (a runtime upgrade through
//! `System::authorize_upgrade`, the set of collator invulnerables, XCM administration) are
//! reached only through this pallet, whose single call dispatches an inner call with the `Root`
//! origin when the caller satisfies [`Config::RootOrigin`]. The runtime sets that origin to an
//! approved motion of the consortium council (at least two thirds of its members).
//!
//! ## Terminology
//! - **Motion**: a proposal of `pallet_collective`; once approved it is dispatched with the
//!   collective's origin, which this pallet checks.
//! - **Inner call**: the call dispatched with the `Root` origin.
//!
//! ## Interface
//! - [`Pallet::dispatch_as_root`]: dispatch an inner call as `Root`. Emits
//!   [`Event::RootDispatched`] with the inner call's result, whether it succeeded or not: the
//!   motion itself succeeds once it has been authorised.
//!
//! ## Implementation notes
//! The call's weight is the benchmarked overhead plus the inner call's declared weight; the
//! actual weight refunds what the inner call did not use. The inner call bypasses the runtime's
//! call filter, as root calls do.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Dispatchable, DispatchResult};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The calls that may be dispatched as root.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ From<frame_system::Call<Self>>;

		/// The origin allowed to dispatch as root: in the runtime, two thirds of the council.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An inner call was dispatched with the `Root` origin; `result` is its outcome.
		RootDispatched {
			/// The inner call's result.
			result: DispatchResult,
		},
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` with the `Root` origin.
		///
		/// The origin must satisfy [`Config::RootOrigin`] (an approved council motion), else the
		/// call fails with `BadOrigin` and nothing is dispatched.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			Ok(Self::do_dispatch_as_root(*call))
		}
	}

	impl<T: Config> Pallet<T> {
		/// Dispatch `call` as root, emit its result and return the actual weight used.
		pub(crate) fn do_dispatch_as_root(call: <T as Config>::RuntimeCall) -> PostDispatchInfo {
			let declared = call.get_dispatch_info().call_weight;
			let outcome = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let inner_weight = match &outcome {
				Ok(post) => post.actual_weight,
				Err(err) => err.post_info.actual_weight,
			}
			.unwrap_or(declared);
			Self::deposit_event(Event::RootDispatched {
				result: outcome.map(|_| ()).map_err(|e| e.error),
			});
			Some(T::WeightInfo::dispatch_as_root().saturating_add(inner_weight)).into()
		}
	}
}
