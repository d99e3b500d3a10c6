//! # commerce-primitives
//!
//! The vocabulary the commerce pallets share. A pallet states what it needs from another as one
//! of these traits; the runtime wires the real pallets together, and each pallet's tests use
//! mocks. No pallet depends on another pallet's crate.
//!
//! | trait | provided by | used by | for |
//! |-------|-------------|---------|-----|
//! | [`VendorRegistry`] | vendors (later); [`AnyAccount`] until then | orders | may this account sell? |
//! | [`Escrow`] | escrow | orders | hold, release and refund an order's payment |
//! | [`OrderDisputes`] | orders | escrow | open and settle a dispute on an order |
//! | [`PayoutSplitter`] | profit sharing (later); [`AllToVendor`] until then | escrow | who receives a release |
//!
//! [`deadlines`] holds the bounded per-block deadline queue both pallets use, and
//! [`runtime_api`] the runtime API dapps call.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod deadlines;
pub mod runtime_api;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::DispatchResult, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::traits::Get;

/// Identifies an order. Assigned sequentially by the orders pallet.
pub type OrderId = u64;
/// Identifies a listing. Assigned sequentially by the orders pallet.
pub type ListingId = u64;

/// Whether an account may act as a vendor (create listings).
pub trait VendorRegistry<AccountId> {
	/// `true` if `who` may list goods now.
	fn is_active_vendor(who: &AccountId) -> bool;
}

/// The registry used until the vendors pallet exists: every signed account may sell.
pub struct AnyAccount;
impl<AccountId> VendorRegistry<AccountId> for AnyAccount {
	fn is_active_vendor(_: &AccountId) -> bool {
		true
	}
}

/// The money side of an order: the buyer's payment is held from placement until the order ends.
///
/// Every function either succeeds completely or changes nothing.
pub trait Escrow<AccountId, Balance> {
	/// Hold `amount` of `buyer`'s funds for `order`, to be paid to `vendor` on release.
	fn hold(
		order: OrderId,
		buyer: &AccountId,
		vendor: &AccountId,
		amount: Balance,
	) -> DispatchResult;

	/// Pay the whole escrow of `order` to its vendor (less the marketplace fee) and close it.
	fn release(order: OrderId) -> DispatchResult;

	/// Return `to_buyer` of the escrow to the buyer, pay the rest to the vendor (less the
	/// marketplace fee on that part) and close it. `to_buyer` equal to the escrowed amount is a
	/// full refund.
	fn settle(order: OrderId, to_buyer: Balance) -> DispatchResult;

	/// The amount held for `order`, if it has an open escrow.
	fn escrowed(order: OrderId) -> Option<Balance>;
}

/// What escrow needs from the orders pallet to run a dispute.
pub trait OrderDisputes<AccountId, Balance> {
	/// `who` opens a dispute on `order`: check that `who` is its buyer or vendor and that the
	/// order may be disputed now, and mark it disputed. Fails without changing anything
	/// otherwise.
	fn open_dispute(order: OrderId, who: &AccountId) -> DispatchResult;

	/// The dispute on `order` was settled (the escrow already paid out, `refunded` of it to the
	/// buyer): end the order.
	fn dispute_settled(order: OrderId, refunded: Balance);
}

/// The accounts a release is paid to.
pub type Payees<AccountId, Balance, MaxPayees> = BoundedVec<(AccountId, Balance), MaxPayees>;

/// Splits a vendor's payout among beneficiaries (suppliers in a profit-sharing agreement).
pub trait PayoutSplitter<AccountId, Balance> {
	/// The largest number of payees a split returns.
	type MaxPayees: Get<u32>;

	/// Who receives `amount` released to `vendor` for `order`. The amounts must add up to
	/// `amount`; escrow pays everything to the vendor when they do not.
	fn split(
		order: OrderId,
		vendor: &AccountId,
		amount: Balance,
	) -> Payees<AccountId, Balance, Self::MaxPayees>;
}

/// The splitter used until profit sharing exists: the vendor receives everything.
pub struct AllToVendor;
impl<AccountId: Clone, Balance> PayoutSplitter<AccountId, Balance> for AllToVendor {
	type MaxPayees = frame_support::traits::ConstU32<1>;

	fn split(
		_: OrderId,
		vendor: &AccountId,
		amount: Balance,
	) -> Payees<AccountId, Balance, Self::MaxPayees> {
		BoundedVec::truncate_from(alloc::vec![(vendor.clone(), amount)])
	}
}

/// How an order ended. Carried by the orders pallet's `OrderClosed` event.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Outcome {
	/// Delivered and paid to the vendor.
	Completed,
	/// Cancelled by the buyer before shipment; paid back in full.
	CancelledByBuyer,
	/// Not shipped in time; paid back in full.
	ShippingDeadlineMissed,
	/// The vendor refunded the buyer, fully or partly.
	Refunded,
	/// A dispute was settled by a ruling or by the ruling deadline's fallback.
	DisputeSettled,
}
