//! The records the orders pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commerce_primitives::ListingId;
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;

/// A 32-byte reference to off-chain data: a shipment's tracking number hashed, a content hash.
pub type Reference = [u8; 32];

/// Goods a vendor offers.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxMetadataLen))]
pub struct Listing<AccountId, CurrencyId, Balance, BlockNumber, MaxMetadataLen: Get<u32>, Ticket> {
	/// Who sells, and receives the payment of its orders.
	pub vendor: AccountId,
	/// What the listing is priced and paid in: fixed when it is created.
	pub currency: CurrencyId,
	/// The price of one unit, in `currency`.
	pub unit_price: Balance,
	/// Units available to new orders.
	pub stock: u32,
	/// Units taken by orders that are paid but not yet shipped.
	pub reserved: u32,
	/// Where the product is described off chain: a URI or a content hash.
	pub metadata: BoundedVec<u8, MaxMetadataLen>,
	/// Blocks the vendor has to ship an order after it is placed.
	pub ship_window: BlockNumber,
	/// Blocks the buyer has to confirm delivery or dispute, after shipment or after an
	/// attested delivery.
	pub confirm_window: BlockNumber,
	/// The storage deposit held from the vendor while the listing exists.
	pub deposit: Ticket,
}

/// Where an open order stands. Terminal outcomes are not stored: the order is removed and
/// `OrderClosed` carries the outcome.
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
pub enum OrderState {
	/// Placed; the payment is in escrow and the units are reserved. Next: shipped, or
	/// cancelled (by the buyer, or at the ship-by deadline), or refunded by the vendor.
	Paid,
	/// Shipped with a tracking reference. Next: completed (the buyer confirms, or the
	/// confirm-by deadline passes), delivered (an oracle attests), disputed, or refunded.
	Shipped {
		/// The shipment's tracking reference.
		tracking: Reference,
	},
	/// An authorized delivery oracle attested delivery. Next: completed (the buyer confirms,
	/// or the confirm-by deadline passes), disputed, or refunded.
	Delivered {
		/// The shipment's tracking reference.
		tracking: Reference,
	},
	/// The buyer or the vendor opened a dispute in escrow. Next: settled by a ruling or by the
	/// ruling deadline's fallback.
	Disputed,
}

/// An open order.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Order<AccountId, CurrencyId, Balance, BlockNumber, Deposit = Balance> {
	/// The listing ordered from.
	pub listing: ListingId,
	/// Who pays.
	pub buyer: AccountId,
	/// Who is paid.
	pub vendor: AccountId,
	/// Units ordered.
	pub quantity: u32,
	/// The currency of every amount of the order: its listing's.
	pub currency: CurrencyId,
	/// The unit price paid.
	pub unit_price: Balance,
	/// `quantity * unit_price`: the amount paid into escrow.
	pub total: Balance,
	/// What `total` was worth in the native token when the order was placed: the value its
	/// reports to the observers (the vendors' KPIs) carry, at that fixed rate.
	pub value: Balance,
	/// What the vendor has returned to the buyer so far by partial refunds; escrow holds
	/// `total - refunded`.
	pub refunded: Balance,
	/// Where the order stands.
	pub state: OrderState,
	/// The block at which the order times out: ship-by while paid, confirm-by once shipped
	/// or delivered. Not used while disputed (escrow's ruling deadline applies).
	pub deadline: BlockNumber,
	/// The buyer's confirmation window: the listing's when the order was placed, or the
	/// minimum confirm window if that was longer.
	pub confirm_window: BlockNumber,
	/// The storage deposit held from the buyer while the order is open, in the order's
	/// currency (orders stored before storage version 2 hold it in the native token, the
	/// currency every order then had).
	pub deposit: Deposit,
}
