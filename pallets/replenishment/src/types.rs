//! The records the replenishment pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commerce_primitives::ListingId;
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// Identifies a purchase order. Assigned sequentially.
pub type PurchaseOrderId = u64;

/// Identifies a batch in the provenance pallet.
pub type BatchId = u64;

/// Where an open purchase order stands. Terminal outcomes are not stored: the purchase order
/// is removed and `PurchaseOrderClosed` carries the outcome.
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
pub enum PoState<BlockNumber> {
	/// Raised; the amount is held from the vendor. Next: accepted or declined by the supplier,
	/// cancelled by the vendor, or expired at `accept_by`.
	Requested {
		/// The supplier must accept by this block.
		accept_by: BlockNumber,
	},
	/// The supplier accepted. It ships in one or more parts until `ship_by`; the vendor
	/// receives what was shipped, and pays for it, until `receive_by`.
	Accepted {
		/// Units not shipped by this block are dropped from the order and their amount
		/// returned to the vendor.
		ship_by: BlockNumber,
		/// Shipped units not received by this block are deemed received (paid and restocked).
		/// `None` while nothing shipped awaits receipt.
		receive_by: Option<BlockNumber>,
	},
	/// The vendor or the supplier disputed it (or the supplier could not be paid for a
	/// receipt). The arbitration panel rules by `rule_by`; else the fallback split applies.
	Disputed {
		/// Without a ruling by this block, the fallback split settles it.
		rule_by: BlockNumber,
	},
}

/// An open purchase order: `quantity` units for a listing, from a supplier, at `unit_price`.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct PurchaseOrder<AccountId, CurrencyId, Balance, BlockNumber, Ticket> {
	/// Who buys and pays: the listing's vendor.
	pub vendor: AccountId,
	/// Who ships and is paid.
	pub supplier: AccountId,
	/// The listing the units restock.
	pub listing: ListingId,
	/// What it is priced and paid in.
	pub currency: CurrencyId,
	/// The price of one unit, fixed when the purchase order is raised.
	pub unit_price: Balance,
	/// Units ordered when it was raised.
	pub ordered: u32,
	/// Units it is for now: `ordered`, or what was shipped by `ship_by` once that passed.
	pub quantity: u32,
	/// Units the supplier shipped so far.
	pub shipped: u32,
	/// Units the vendor received (and paid for) so far.
	pub received: u32,
	/// What is still held from the vendor for it: `(quantity - received) * unit_price`
	/// outside a dispute.
	pub held: Balance,
	/// Paid to the supplier so far.
	pub paid: Balance,
	/// Blocks the supplier has to ship, counted from its acceptance.
	pub ship_window: BlockNumber,
	/// Where it stands.
	pub state: PoState<BlockNumber>,
	/// The block of its deadline entry (the earliest of its state's deadlines).
	pub deadline: BlockNumber,
	/// The provenance batch of the last shipment, if the goods are traced.
	pub batch: Option<BatchId>,
	/// Raised by the listing's reorder rule (`true`) or by the vendor by hand.
	pub by_rule: bool,
	/// The storage deposit held from the vendor while it is open (native token).
	pub deposit: Ticket,
}

/// A listing's reorder rule: when an order takes its stock to `reorder_point` or below and no
/// purchase order of the rule is open, the chain raises one for `reorder_quantity` units to
/// `supplier` at the supplier's quote.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct ReorderRule<AccountId, CurrencyId, Balance, BlockNumber, Ticket> {
	/// The listing's vendor, who pays.
	pub vendor: AccountId,
	/// Who is ordered from.
	pub supplier: AccountId,
	/// What purchase orders of the rule are priced and paid in.
	pub currency: CurrencyId,
	/// Reorder when an order leaves this many units or fewer in stock.
	pub reorder_point: u32,
	/// Units each purchase order asks for.
	pub reorder_quantity: u32,
	/// The most the vendor pays a unit.
	pub max_unit_price: Balance,
	/// Blocks the supplier has to ship, from its acceptance.
	pub ship_window: BlockNumber,
	/// The supplier's unit price: `None` until the supplier accepts to supply under the rule.
	pub quote: Option<Balance>,
	/// The purchase order of the rule that is open, if any: at most one at a time.
	pub open: Option<PurchaseOrderId>,
	/// The storage deposit held from the vendor while the rule exists (native token).
	pub deposit: Ticket,
}

/// How a purchase order ended. Carried by `PurchaseOrderClosed`.
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
pub enum PoOutcome {
	/// Every unit ordered was shipped in time and received.
	Completed,
	/// The ship-by deadline passed with units unshipped: what was shipped was received and
	/// paid, the rest returned to the vendor (possibly everything).
	ShortShipped,
	/// The vendor withdrew it before the supplier accepted.
	Cancelled,
	/// The supplier declined it.
	Declined,
	/// The supplier did not accept it in time.
	Expired,
	/// The arbitration panel ruled a dispute.
	Ruled,
	/// Nobody ruled a dispute in time: the fallback split settled it.
	DisputeLapsed,
}

/// Why a reorder rule did not raise a purchase order when the stock reached its point.
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
pub enum ReorderProblem {
	/// The supplier has not quoted a price (not accepted to supply under the rule).
	NoQuote,
	/// The supplier's quote is above the rule's ceiling.
	AboveCeiling,
	/// The purchase order would be worth less than the minimum, or its currency has no rate.
	BelowMinimum,
	/// The vendor cannot pay the amount or the deposit.
	CannotFund,
}

/// What a supplier's purchase orders came to: the counts its KPIs are computed from.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct SupplierRecord {
	/// Purchase orders it received.
	pub requested: u32,
	/// Purchase orders it accepted.
	pub accepted: u32,
	/// Purchase orders raised by a rule it quoted for that it declined.
	pub declined: u32,
	/// Purchase orders raised by a rule it quoted for that it let expire without an answer.
	pub expired: u32,
	/// Accepted purchase orders that ended.
	pub closed: u32,
	/// Accepted purchase orders that ended with every unit shipped by the ship-by deadline.
	pub in_full_on_time: u32,
	/// Purchase orders that went to a dispute.
	pub disputed: u32,
	/// Units ordered in the accepted purchase orders that ended.
	pub units_ordered: u64,
	/// Units shipped in time in those purchase orders.
	pub units_shipped: u64,
}

/// A supplier's record with its rates, as the runtime API returns it.
#[derive(Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo)]
pub struct SupplierPerformance {
	/// The counts.
	pub record: SupplierRecord,
	/// `in_full_on_time / closed`: accepted purchase orders shipped whole and in time.
	/// `None` before any ended.
	pub on_time_in_full: Option<Permill>,
	/// `units_shipped / units_ordered`: the fill rate. `None` before any ended.
	pub fill_rate: Option<Permill>,
	/// `accepted / (accepted + declined + expired)`: how often it takes what it is asked.
	/// `None` before any was answered or expired.
	pub acceptance: Option<Permill>,
}

impl SupplierRecord {
	/// The record with its rates.
	pub fn performance(self) -> SupplierPerformance {
		let rate = |part: u64, whole: u64| (whole > 0).then(|| Permill::from_rational(part, whole));
		let answered = u64::from(self.accepted)
			.saturating_add(self.declined.into())
			.saturating_add(self.expired.into());
		SupplierPerformance {
			record: self,
			on_time_in_full: rate(self.in_full_on_time.into(), self.closed.into()),
			fill_rate: rate(self.units_shipped, self.units_ordered),
			acceptance: rate(self.accepted.into(), answered),
		}
	}
}
