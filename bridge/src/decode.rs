//! From a block's SCALE events to [`CommerceEvent`] documents, using the chain's metadata.
//!
//! Decoding is driven by the metadata's type registry, not by Rust types compiled into the
//! bridge, so a runtime upgrade that adds events or fields needs no new bridge. Types map to JSON
//! as `docs/integrations.md` describes: accounts as SS58, 128-bit integers (balances) as
//! decimal strings, byte strings as `0x` hex, `Option` as the value or `null`, enums as their
//! variant name (no fields) or `{ "Variant": fields }`.

use crate::schema::{
	snake_case, BlockEvents, BlockId, CommerceEvent, COMMERCE_PALLETS, SCHEMA_VERSION,
};
use anyhow::{anyhow, Context as _, Result};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use serde_json::{Map, Value as Json};
use subxt::{
	events::{Event, Events, Phase},
	ext::scale_value::{Composite, Primitive, Value, ValueDef},
	utils::AccountId32,
	Metadata, SubstrateConfig,
};

/// The commerce events of a block, in the order the chain emitted them.
pub fn block_events(
	metadata: &Metadata,
	events: &Events<SubstrateConfig>,
	number: u64,
	hash: &str,
) -> Result<BlockEvents> {
	let mut out = Vec::new();
	for event in events.iter() {
		let event = event.with_context(|| format!("decoding the events of block #{number}"))?;
		if !COMMERCE_PALLETS.contains(&event.pallet_name()) {
			continue;
		}
		out.push(
			commerce_event(metadata, &event, number, hash)
				.with_context(|| format!("decoding event {} of block #{number}", event.index()))?,
		);
	}
	Ok(BlockEvents { block: BlockId { number, hash: hash.to_owned() }, events: out })
}

fn commerce_event(
	metadata: &Metadata,
	event: &Event<'_, SubstrateConfig>,
	number: u64,
	hash: &str,
) -> Result<CommerceEvent> {
	let types = metadata.types();
	let variant = metadata
		.pallet_by_name(event.pallet_name())
		.and_then(|pallet| pallet.event_variant_by_index(event.event_index()))
		.ok_or_else(|| {
			anyhow!("{}.{} is not in the metadata", event.pallet_name(), event.event_name())
		})?;

	let mut fields = Map::new();
	let mut parties = std::collections::BTreeMap::new();
	let mut amounts = std::collections::BTreeMap::new();
	let mut bytes = event.field_bytes();
	for (position, field) in variant.fields.iter().enumerate() {
		let name = field.name.clone().unwrap_or_else(|| position.to_string());
		let value = subxt::ext::scale_value::scale::decode_as_type(&mut bytes, field.ty.id, types)
			.map_err(|e| anyhow!("field {name}: {e}"))?;
		let json = to_json(&value, types);
		let type_name = field.type_name.as_deref().unwrap_or_default();
		if type_name.contains("AccountId") {
			if let Json::String(account) = &json {
				parties.insert(name.clone(), account.clone());
			}
		}
		if type_name.contains("Balance") {
			if let Json::String(amount) = &json {
				amounts.insert(name.clone(), amount.clone());
			}
		}
		fields.insert(name, json);
	}

	let id_field = |key: &str| fields.get(key).and_then(Json::as_u64);
	Ok(CommerceEvent {
		schema: SCHEMA_VERSION,
		id: CommerceEvent::id_of(hash, event.index()),
		kind: format!("{}.{}", snake_case(event.pallet_name()), event.event_name()),
		block: BlockId { number, hash: hash.to_owned() },
		event_index: event.index(),
		extrinsic_index: match event.phase() {
			Phase::ApplyExtrinsic(index) => Some(index),
			_ => None,
		},
		order: id_field("order"),
		listing: id_field("listing"),
		parties,
		amounts,
		currency: fields.get("currency").cloned(),
		fields,
	})
}

/// A decoded value as JSON, using the type each value was decoded from (its context).
pub fn to_json(value: &Value<u32>, types: &PortableRegistry) -> Json {
	let ty = types.resolve(value.context);
	if let Some(ty) = ty {
		if ty.path.segments.last().map(String::as_str) == Some("AccountId32") {
			if let Some(bytes) = byte_string(value, types) {
				if let Ok(raw) = <[u8; 32]>::try_from(bytes.as_slice()) {
					return Json::String(AccountId32(raw).to_string());
				}
			}
		}
		if is_u8_collection(&ty.type_def, types) {
			if let Some(bytes) = byte_string(value, types) {
				return Json::String(hex(&bytes));
			}
		}
	}
	match &value.value {
		ValueDef::Composite(composite) => composite_json(composite, types),
		ValueDef::Variant(variant) => {
			let is_option =
				ty.is_some_and(|t| t.path.segments.last().map(String::as_str) == Some("Option"));
			if is_option {
				return match variant.name.as_str() {
					"None" => Json::Null,
					_ => composite_json(&variant.values, types),
				};
			}
			if variant.values.is_empty() {
				Json::String(variant.name.clone())
			} else {
				let mut map = Map::new();
				map.insert(variant.name.clone(), composite_json(&variant.values, types));
				Json::Object(map)
			}
		},
		ValueDef::BitSequence(bits) => Json::Array(bits.iter().map(Json::Bool).collect()),
		ValueDef::Primitive(primitive) => {
			primitive_json(primitive, is_wide(ty.map(|t| &t.type_def), types))
		},
	}
}

/// Named fields become an object; a single unnamed field (a newtype) is unwrapped; several
/// unnamed fields become an array.
fn composite_json(composite: &Composite<u32>, types: &PortableRegistry) -> Json {
	match composite {
		Composite::Named(fields) => Json::Object(
			fields.iter().map(|(name, value)| (name.clone(), to_json(value, types))).collect(),
		),
		Composite::Unnamed(values) if values.len() == 1 => to_json(&values[0], types),
		Composite::Unnamed(values) => {
			Json::Array(values.iter().map(|v| to_json(v, types)).collect())
		},
	}
}

/// 128-bit and wider integers as decimal strings (JSON numbers lose precision past 2^53 in most
/// consumers; a balance of 9,008 units already passes it); narrower ones as numbers.
fn primitive_json(primitive: &Primitive, wide: bool) -> Json {
	match primitive {
		Primitive::Bool(b) => Json::Bool(*b),
		Primitive::Char(c) => Json::String(c.to_string()),
		Primitive::String(s) => Json::String(s.clone()),
		Primitive::U128(n) if !wide && *n <= u64::MAX as u128 => Json::from(*n as u64),
		Primitive::U128(n) => Json::String(n.to_string()),
		Primitive::I128(n) if !wide && i64::try_from(*n).is_ok() => Json::from(*n as i64),
		Primitive::I128(n) => Json::String(n.to_string()),
		Primitive::U256(bytes) | Primitive::I256(bytes) => Json::String(hex(bytes)),
	}
}

/// Is the type a 128-bit or wider integer (also in `Compact`)?
fn is_wide(type_def: Option<&TypeDef<PortableForm>>, types: &PortableRegistry) -> bool {
	match type_def {
		Some(TypeDef::Primitive(p)) => matches!(
			p,
			TypeDefPrimitive::U128
				| TypeDefPrimitive::I128
				| TypeDefPrimitive::U256
				| TypeDefPrimitive::I256
		),
		Some(TypeDef::Compact(compact)) => {
			is_wide(types.resolve(compact.type_param.id).map(|t| &t.type_def), types)
		},
		_ => false,
	}
}

fn is_u8(id: u32, types: &PortableRegistry) -> bool {
	matches!(types.resolve(id).map(|t| &t.type_def), Some(TypeDef::Primitive(TypeDefPrimitive::U8)))
}

fn is_u8_collection(type_def: &TypeDef<PortableForm>, types: &PortableRegistry) -> bool {
	match type_def {
		TypeDef::Sequence(seq) => is_u8(seq.type_param.id, types),
		TypeDef::Array(array) => is_u8(array.type_param.id, types),
		// A newtype around bytes (`BoundedVec<u8, _>`, `H256`).
		TypeDef::Composite(composite) if composite.fields.len() == 1 => types
			.resolve(composite.fields[0].ty.id)
			.is_some_and(|inner| is_u8_collection(&inner.type_def, types)),
		_ => false,
	}
}

/// The bytes of a value made only of `u8`s (through newtypes and arrays); `None` otherwise.
fn byte_string(value: &Value<u32>, types: &PortableRegistry) -> Option<Vec<u8>> {
	let mut out = Vec::new();
	collect_bytes(value, types, &mut out).then_some(out)
}

fn collect_bytes(value: &Value<u32>, types: &PortableRegistry, out: &mut Vec<u8>) -> bool {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) if is_u8(value.context, types) => {
			out.push(*n as u8);
			true
		},
		ValueDef::Composite(composite) => composite.values().all(|v| collect_bytes(v, types, out)),
		_ => false,
	}
}

pub fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + bytes.len() * 2);
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

#[cfg(test)]
mod tests {
	use super::*;
	use scale_info::{MetaType, Registry, TypeInfo};

	/// A registry holding `T`, and `T`'s id in it.
	fn registry_of<T: TypeInfo + 'static>() -> (PortableRegistry, u32) {
		let mut registry = Registry::new();
		let id = registry.register_type(&MetaType::new::<T>()).id;
		(registry.into(), id)
	}

	fn json_of<T: TypeInfo + codec::Encode + 'static>(value: T) -> Json {
		let (types, id) = registry_of::<T>();
		let bytes = value.encode();
		let decoded =
			subxt::ext::scale_value::scale::decode_as_type(&mut &bytes[..], id, &types).unwrap();
		to_json(&decoded, &types)
	}

	// Shapes like the runtime's, with the same type paths where the mapping depends on them.
	mod sp_core {
		pub mod crypto {
			#[derive(codec::Encode, scale_info::TypeInfo)]
			pub struct AccountId32(pub [u8; 32]);
		}
	}

	#[derive(codec::Encode, scale_info::TypeInfo)]
	enum Outcome {
		Completed,
		Refunded { amount: u128 },
	}

	#[derive(codec::Encode, scale_info::TypeInfo)]
	struct Bounded(Vec<u8>);

	#[test]
	fn accounts_become_ss58() {
		let alice = [
			0xd4, 0x35, 0x93, 0xc7, 0x15, 0xfd, 0xd3, 0x1c, 0x61, 0x14, 0x1a, 0xbd, 0x04, 0xa9,
			0x9f, 0xd6, 0x82, 0x2c, 0x85, 0x58, 0x85, 0x4c, 0xcd, 0xe3, 0x9a, 0x56, 0x84, 0xe7,
			0xa5, 0x6d, 0xa2, 0x7d,
		];
		assert_eq!(
			json_of(sp_core::crypto::AccountId32(alice)),
			Json::String("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".into())
		);
	}

	#[test]
	fn wide_integers_are_strings_and_narrow_ones_numbers() {
		assert_eq!(
			json_of(1_000_000_000_000_000_000u128),
			Json::String("1000000000000000000".into())
		);
		assert_eq!(json_of(5u128), Json::String("5".into()));
		assert_eq!(json_of(7u64), Json::from(7u64));
		assert_eq!(json_of(u64::MAX), Json::from(u64::MAX));
		assert_eq!(json_of(3u32), Json::from(3u32));
	}

	#[test]
	fn bytes_are_hex_and_options_are_value_or_null() {
		assert_eq!(json_of(Bounded(b"ok".to_vec())), Json::String("0x6f6b".into()));
		assert_eq!(json_of([1u8, 2, 3]), Json::String("0x010203".into()));
		assert_eq!(json_of(Some(4u32)), Json::from(4u32));
		assert_eq!(json_of(None::<u32>), Json::Null);
		assert_eq!(json_of(vec![300u16, 2]), serde_json::json!([300, 2]));
	}

	#[test]
	fn enums_are_names_or_objects() {
		assert_eq!(json_of(Outcome::Completed), Json::String("Completed".into()));
		assert_eq!(
			json_of(Outcome::Refunded { amount: 9 }),
			serde_json::json!({ "Refunded": { "amount": "9" } })
		);
	}
}
