//! The records the escrow pallet stores.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A 32-byte reference to off-chain evidence (a document's hash).
pub type Evidence = [u8; 32];

/// The payment of one order, on hold on the buyer's account.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct EscrowRecord<AccountId, CurrencyId, Balance> {
	/// Whose funds are held, and who is refunded.
	pub buyer: AccountId,
	/// Who is paid on release.
	pub vendor: AccountId,
	/// What is held and paid: the order's currency.
	pub currency: CurrencyId,
	/// The amount held, in `currency`.
	pub amount: Balance,
}

/// An open dispute on an order.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Dispute<AccountId, BlockNumber> {
	/// The party that opened it.
	pub opened_by: AccountId,
	/// The buyer's latest evidence.
	pub buyer_evidence: Option<Evidence>,
	/// The vendor's latest evidence.
	pub vendor_evidence: Option<Evidence>,
	/// Without a ruling by this block, the fallback split applies.
	pub rule_by: BlockNumber,
}
