//! The event document every sink delivers: a stable JSON shape with a version field.
//!
//! One [`CommerceEvent`] per event of a commerce pallet in a finalized block. Its `id`,
//! `<block hash>:<event index>`, names it uniquely and is what sinks deduplicate on (the SQLite
//! outbox's unique key, the NATS message id). `docs/integrations.md` documents every field.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the document's shape. A field added keeps the version; a field renamed,
/// removed or given another meaning raises it.
pub const SCHEMA_VERSION: u32 = 1;

/// The runtime pallets whose events the bridge delivers, by their names in the metadata.
pub const COMMERCE_PALLETS: &[&str] =
	&["Orders", "Escrow", "Vendors", "ProfitSharing", "Provenance", "Replenishment"];

/// One commerce event of a finalized block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommerceEvent {
	/// [`SCHEMA_VERSION`] of this document.
	pub schema: u32,
	/// `<block hash>:<event index>`: unique on the chain, stable across re-deliveries.
	pub id: String,
	/// `<pallet>.<Event>`, the pallet in snake case: `orders.OrderPlaced`, `profit_sharing.Split`.
	pub kind: String,
	/// The finalized block the event is in.
	pub block: BlockId,
	/// The event's position among all events of its block (`System.Events` index).
	pub event_index: u32,
	/// The extrinsic that emitted it; `None` for events of block initialization/finalization
	/// (hooks: timeouts, KPI periods).
	pub extrinsic_index: Option<u32>,
	/// The order the event is about, when it has an `order` field.
	pub order: Option<u64>,
	/// The listing the event is about, when it has a `listing` field.
	pub listing: Option<u64>,
	/// Every account-typed field, by field name, as SS58 (prefix 42).
	pub parties: BTreeMap<String, String>,
	/// Every balance-typed field, by field name, in the smallest unit of [`Self::currency`]
	/// (planck for CMRC) as a decimal string.
	pub amounts: BTreeMap<String, String>,
	/// The currency of `amounts`, when the event has a `currency` field: `"Native"` for CMRC,
	/// `{ "WithId": id }` for an asset (its symbol and decimals are `assets.metadata(id)`).
	/// `None` for an event without one, whose amounts are CMRC. Absent from documents written
	/// before it existed (a field added keeps the schema version).
	#[serde(default)]
	pub currency: Option<serde_json::Value>,
	/// All fields of the event, decoded from the chain's metadata (see the integration guide
	/// for how types map to JSON).
	pub fields: serde_json::Map<String, serde_json::Value>,
}

/// A block by number and hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockId {
	pub number: u64,
	/// `0x`-prefixed hex.
	pub hash: String,
}

/// The commerce events of one finalized block: the unit every sink delivers atomically.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockEvents {
	pub block: BlockId,
	pub events: Vec<CommerceEvent>,
}

impl CommerceEvent {
	/// The document's `id` for an event at `event_index` of the block with `block_hash`.
	pub fn id_of(block_hash: &str, event_index: u32) -> String {
		format!("{block_hash}:{event_index}")
	}

	/// The NATS subject the event is published on: `<prefix>.<kind>`.
	pub fn subject(&self, prefix: &str) -> String {
		format!("{prefix}.{}", self.kind)
	}

	/// An `orders.OrderPlaced` document at `index` of `block`, for tests.
	#[cfg(test)]
	pub(crate) fn sample(block: &BlockId, index: u32, order: Option<u64>) -> Self {
		Self {
			schema: SCHEMA_VERSION,
			id: Self::id_of(&block.hash, index),
			kind: "orders.OrderPlaced".into(),
			block: block.clone(),
			event_index: index,
			extrinsic_index: Some(1),
			order,
			listing: Some(0),
			parties: BTreeMap::new(),
			amounts: BTreeMap::new(),
			currency: None,
			fields: serde_json::Map::new(),
		}
	}
}

/// `ProfitSharing` → `profit_sharing`.
pub fn snake_case(name: &str) -> String {
	let mut out = String::with_capacity(name.len() + 4);
	for (i, c) in name.chars().enumerate() {
		if c.is_ascii_uppercase() {
			if i > 0 {
				out.push('_');
			}
			out.push(c.to_ascii_lowercase());
		} else {
			out.push(c);
		}
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pallet_names_become_snake_case_kinds() {
		assert_eq!(snake_case("Orders"), "orders");
		assert_eq!(snake_case("ProfitSharing"), "profit_sharing");
	}

	#[test]
	fn subject_and_id_follow_the_documented_shape() {
		let event = CommerceEvent::sample(&BlockId { number: 7, hash: "0xab".into() }, 3, Some(0));
		assert_eq!(event.id, "0xab:3");
		assert_eq!(event.subject("commerce"), "commerce.orders.OrderPlaced");
		let json = serde_json::to_value(&event).unwrap();
		assert_eq!(json["schema"], 1);
		assert_eq!(json["block"]["number"], 7);
		let back: CommerceEvent = serde_json::from_value(json).unwrap();
		assert_eq!(back, event);
	}
}
