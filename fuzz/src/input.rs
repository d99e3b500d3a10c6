//! The input format: a sequence of records, each a call signed by one of the fuzz accounts.
//!
//! ```text
//! record := flags:u8  origin:u8  len:u16(LE)  call:[u8; len]
//! ```
//!
//! - `flags` bit 0: start a new block before this record. Bits 1–4: when bit 0 is set, run that
//!   many empty blocks first (0–15), so that an input reaches deadlines counted in blocks
//!   (ship-by and confirm windows, tenders, KPI periods) in few records. Bits 5–7 are ignored.
//! - `origin`: the signer, modulo the number of fuzz accounts ([`crate::accounts`]).
//! - `call`: a SCALE-encoded `RuntimeCall`, decoded with `decode_with_depth_limit`
//!   ([`crate::MAX_CALL_DEPTH`]; bytes after the call are ignored). A record whose call does
//!   not decode, or is [`crate::forbidden`], is skipped, but still advances the blocks its
//!   flags ask for: a record with an empty call only advances.
//!
//! Block 1 is open when an input starts. A truncated last record (fewer bytes than its header
//! announces) is ignored. Records beyond [`crate::MAX_RECORDS`], or that would build more than
//! [`crate::MAX_BLOCKS`] blocks, are skipped.

/// Flag bit: start a new block before this record.
pub const ADVANCE: u8 = 1;
/// The most empty blocks a record may ask for before its own block.
pub const MAX_EXTRA_BLOCKS: u8 = 15;
/// Bytes of a record's header.
pub const HEADER_LEN: usize = 4;

/// One record of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
	/// Bit 0: new block; bits 1–4: empty blocks before it.
	pub flags: u8,
	/// The signer's index, modulo the number of fuzz accounts.
	pub origin: u8,
	/// The encoded call (at most `u16::MAX` bytes).
	pub call: Vec<u8>,
}

impl Record {
	/// A record in the current block.
	pub fn new(origin: u8, call: Vec<u8>) -> Self {
		Record { flags: 0, origin, call }
	}

	/// A record that starts a new block after `empty` empty blocks (at most
	/// [`MAX_EXTRA_BLOCKS`]).
	pub fn after_blocks(origin: u8, call: Vec<u8>, empty: u8) -> Self {
		Record { flags: ADVANCE | (empty.min(MAX_EXTRA_BLOCKS) << 1), origin, call }
	}

	/// How many blocks to close before this record: 0 (same block), or 1 plus the empty ones.
	pub fn blocks_to_advance(&self) -> u32 {
		if self.flags & ADVANCE == 0 {
			0
		} else {
			1 + u32::from((self.flags >> 1) & MAX_EXTRA_BLOCKS)
		}
	}
}

/// Split `data` into records (see the module documentation).
pub fn parse(data: &[u8]) -> Vec<Record> {
	let mut records = Vec::new();
	let mut rest = data;
	while rest.len() >= HEADER_LEN {
		let len = usize::from(u16::from_le_bytes([rest[2], rest[3]]));
		let Some(call) = rest.get(HEADER_LEN..HEADER_LEN + len) else { break };
		records.push(Record { flags: rest[0], origin: rest[1], call: call.to_vec() });
		rest = &rest[HEADER_LEN + len..];
	}
	records
}

/// The bytes of `records`; a call longer than `u16::MAX` bytes is cut to that length.
pub fn serialize(records: &[Record]) -> Vec<u8> {
	let mut out = Vec::new();
	for record in records {
		let call = &record.call[..record.call.len().min(usize::from(u16::MAX))];
		out.push(record.flags);
		out.push(record.origin);
		out.extend_from_slice(&(call.len() as u16).to_le_bytes());
		out.extend_from_slice(call);
	}
	out
}

/// Lower-case hex of `bytes`, for reports.
pub fn to_hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of a hex string (whitespace and a leading `0x` ignored), or `None`.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
	let clean: String = text.split_whitespace().collect();
	let clean = clean.strip_prefix("0x").unwrap_or(&clean);
	if !clean.len().is_multiple_of(2) {
		return None;
	}
	(0..clean.len()).step_by(2).map(|i| u8::from_str_radix(clean.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn records_round_trip_and_a_truncated_tail_is_ignored() {
		let records = vec![
			Record::new(3, vec![1, 2, 3]),
			Record::after_blocks(200, vec![], 4),
			Record::after_blocks(1, vec![9; 300], 99),
		];
		let bytes = serialize(&records);
		let mut expected = records.clone();
		expected[2].flags = ADVANCE | (MAX_EXTRA_BLOCKS << 1);
		assert_eq!(parse(&bytes), expected);
		assert_eq!(expected[1].blocks_to_advance(), 5);
		assert_eq!(expected[2].blocks_to_advance(), 16);
		assert_eq!(parse(&bytes[..bytes.len() - 1]), expected[..2].to_vec());
		assert_eq!(from_hex(&to_hex(&bytes)), Some(bytes));
	}
}
