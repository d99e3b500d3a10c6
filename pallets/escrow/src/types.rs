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

/// A payout that could not be deposited when its escrow was settled (the payee had no account
/// and the amount was below the currency's minimum balance, or the payee was blocked or frozen
/// in the asset). It stays on hold on the buyer's account, under the escrow's hold reason,
/// until it is claimed for the payee or, after `expires`, forfeited.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct UnclaimedPayout<AccountId, CurrencyId, Balance, BlockNumber> {
	/// Whose account holds it.
	pub buyer: AccountId,
	/// The escrow's currency.
	pub currency: CurrencyId,
	/// The amount owed to the payee.
	pub amount: Balance,
	/// From this block on it may be forfeited if still unclaimed.
	pub expires: BlockNumber,
}
