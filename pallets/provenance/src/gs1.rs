//! GS1 identification keys: validation, normalisation and the GS1 Digital Link path.
//!
//! - **GTIN** (Global Trade Item Number, application identifier `01`): 8, 12, 13 or 14 digits,
//!   the last a mod-10 check digit. Stored normalised to 14 digits (left-padded with zeros), the
//!   form GS1 Digital Link uses.
//! - **Batch/lot** (AI `10`) and **serial** (AI `21`): 1 to 20 characters of GS1's "AI encodable
//!   character set 82" (letters, digits and `!"%&'()*+,-./:;<=>?_`).
//! - **GLN** (Global Location Number, 13 digits) names read points and business locations;
//!   **SSCC** (Serial Shipping Container Code, AI `00`, 18 digits) names a shipment that batches
//!   are packed into. Both end in the same mod-10 check digit.
//! - **Digital Link path**: `/01/{gtin}/10/{lot}` and, for one item, `/21/{serial}` after it;
//!   what a QR code on the product carries after the resolver's domain. Characters outside
//!   `A-Z a-z 0-9 - . _` are percent-encoded (upper-case hex).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The longest batch/lot number or serial number GS1 allows (AIs 10 and 21).
pub const MAX_ATTRIBUTE_LEN: u32 = 20;

/// What is wrong with a GS1 key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gs1Error {
	/// A GTIN has 8, 12, 13 or 14 digits, a GLN 13, an SSCC 18.
	BadLength,
	/// Only the digits 0-9 are allowed in a GTIN, GLN or SSCC.
	NotDigits,
	/// The last digit is not the mod-10 check digit of the others.
	BadCheckDigit,
	/// A lot or serial number is empty or longer than 20 characters.
	BadAttributeLength,
	/// A lot or serial number holds a character outside GS1's character set 82.
	BadAttributeCharacter,
	/// The text is not a Digital Link path `/01/{gtin}/10/{lot}[/21/{serial}]`.
	NotADigitalLink,
}

/// The mod-10 check digit of GS1 keys over `digits` (the key without its check digit):
/// weights 3 and 1 alternate from the rightmost digit, which is weighted 3.
pub fn check_digit(digits: &[u8]) -> u8 {
	let sum: u32 = digits
		.iter()
		.rev()
		.enumerate()
		.map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
		.sum();
	((10 - sum % 10) % 10) as u8 + b'0'
}

fn numeric_key<const N: usize>(input: &[u8], lengths: &[usize]) -> Result<[u8; N], Gs1Error> {
	if !lengths.contains(&input.len()) {
		return Err(Gs1Error::BadLength);
	}
	if !input.iter().all(u8::is_ascii_digit) {
		return Err(Gs1Error::NotDigits);
	}
	let (body, check) = input.split_at(input.len() - 1);
	if check_digit(body) != check[0] {
		return Err(Gs1Error::BadCheckDigit);
	}
	let mut key = [b'0'; N];
	key[N - input.len()..].copy_from_slice(input);
	Ok(key)
}

/// A GTIN, normalised to 14 ASCII digits with a valid check digit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct Gtin(pub [u8; 14]);

impl Gtin {
	/// Validate a GTIN-8, -12, -13 or -14 given as ASCII digits.
	pub fn parse(input: &[u8]) -> Result<Self, Gs1Error> {
		numeric_key::<14>(input, &[8, 12, 13, 14]).map(Gtin)
	}

	/// Whether this GTIN is valid (a decoded value may not be).
	pub fn is_valid(&self) -> bool {
		Self::parse(&self.0).as_ref() == Ok(self)
	}

	/// Whether the GTIN starts with `prefix` (a GS1 company prefix as written in the 13-digit
	/// form, i.e. after the 14-digit form's indicator digit), or `prefix` is empty.
	pub fn has_company_prefix(&self, prefix: &[u8]) -> bool {
		self.0[1..].starts_with(prefix)
	}
}

/// A Global Location Number: 13 ASCII digits with a valid check digit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct Gln(pub [u8; 13]);

impl Gln {
	/// Validate a GLN given as 13 ASCII digits.
	pub fn parse(input: &[u8]) -> Result<Self, Gs1Error> {
		numeric_key::<13>(input, &[13]).map(Gln)
	}

	/// Whether this GLN is valid.
	pub fn is_valid(&self) -> bool {
		Self::parse(&self.0).is_ok()
	}
}

/// A Serial Shipping Container Code: 18 ASCII digits with a valid check digit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct Sscc(pub [u8; 18]);

impl Sscc {
	/// Validate an SSCC given as 18 ASCII digits.
	pub fn parse(input: &[u8]) -> Result<Self, Gs1Error> {
		numeric_key::<18>(input, &[18]).map(Sscc)
	}

	/// Whether this SSCC is valid.
	pub fn is_valid(&self) -> bool {
		Self::parse(&self.0).is_ok()
	}
}

/// Whether `c` is in GS1's AI encodable character set 82.
pub fn is_cs82(c: u8) -> bool {
	c.is_ascii_alphanumeric() || b"!\"%&'()*+,-./:;<=>?_".contains(&c)
}

/// A batch/lot or serial number: 1 to 20 characters of character set 82.
pub type Attribute = BoundedVec<u8, ConstU32<MAX_ATTRIBUTE_LEN>>;

/// Validate a lot or serial number.
pub fn parse_attribute(input: &[u8]) -> Result<Attribute, Gs1Error> {
	if input.is_empty() {
		return Err(Gs1Error::BadAttributeLength);
	}
	if !input.iter().all(|c| is_cs82(*c)) {
		return Err(Gs1Error::BadAttributeCharacter);
	}
	Attribute::try_from(input.to_vec()).map_err(|_| Gs1Error::BadAttributeLength)
}

/// The GS1 key of a batch (`serial: None`) or of one serialised item of a batch.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct BatchKey {
	/// The trade item.
	pub gtin: Gtin,
	/// Its batch/lot number (AI 10).
	pub lot: Attribute,
	/// One item's serial number (AI 21), if the key names an item.
	pub serial: Option<Attribute>,
}

/// The longest Digital Link path of a [`BatchKey`]: `/01/` + 14 + `/10/` + 20 characters
/// percent-encoded (3 bytes each) + `/21/` + the same.
pub const MAX_PATH_LEN: u32 = 4 + 14 + 4 + 60 + 4 + 60;

impl BatchKey {
	/// Validate the parts of a key.
	pub fn parse(gtin: &[u8], lot: &[u8], serial: Option<&[u8]>) -> Result<Self, Gs1Error> {
		Ok(BatchKey {
			gtin: Gtin::parse(gtin)?,
			lot: parse_attribute(lot)?,
			serial: serial.map(parse_attribute).transpose()?,
		})
	}

	/// Whether every part is valid (a decoded key may not be).
	pub fn is_valid(&self) -> bool {
		self.gtin.is_valid()
			&& parse_attribute(&self.lot).is_ok()
			&& self.serial.as_ref().is_none_or(|s| parse_attribute(s).is_ok())
	}

	/// The canonical GS1 Digital Link path: `/01/{gtin}/10/{lot}[/21/{serial}]`.
	pub fn digital_link_path(&self) -> Vec<u8> {
		let mut path = Vec::with_capacity(MAX_PATH_LEN as usize);
		path.extend_from_slice(b"/01/");
		path.extend_from_slice(&self.gtin.0);
		path.extend_from_slice(b"/10/");
		percent_encode(&self.lot, &mut path);
		if let Some(serial) = &self.serial {
			path.extend_from_slice(b"/21/");
			percent_encode(serial, &mut path);
		}
		path
	}

	/// The key a Digital Link names. Accepts a whole URI (`https://id.example.com/01/...`): the
	/// path is taken from the first `/01/`, a query (`?...`) or fragment (`#...`) is ignored,
	/// the GTIN may have 8 to 14 digits, and characters may be percent-encoded or not.
	pub fn from_digital_link(link: &[u8]) -> Result<Self, Gs1Error> {
		let start = link.windows(4).position(|w| w == b"/01/").ok_or(Gs1Error::NotADigitalLink)?;
		let end = link.iter().position(|c| *c == b'?' || *c == b'#').unwrap_or(link.len());
		if end < start {
			return Err(Gs1Error::NotADigitalLink);
		}
		let mut segments = link[start + 1..end].split(|c| *c == b'/');
		let mut next = || segments.next().ok_or(Gs1Error::NotADigitalLink);
		if next()? != b"01" {
			return Err(Gs1Error::NotADigitalLink);
		}
		let gtin = next()?;
		if next()? != b"10" {
			return Err(Gs1Error::NotADigitalLink);
		}
		let lot = percent_decode(next()?)?;
		let serial = match segments.next() {
			None => None,
			Some(b"21") => Some(percent_decode(segments.next().ok_or(Gs1Error::NotADigitalLink)?)?),
			Some(_) => return Err(Gs1Error::NotADigitalLink),
		};
		if segments.next().is_some() {
			return Err(Gs1Error::NotADigitalLink);
		}
		Self::parse(gtin, &lot, serial.as_deref())
	}
}

fn percent_encode(value: &[u8], out: &mut Vec<u8>) {
	const HEX: &[u8; 16] = b"0123456789ABCDEF";
	for &c in value {
		if c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c == b'_' {
			out.push(c);
		} else {
			out.extend_from_slice(&[b'%', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]]);
		}
	}
}

fn percent_decode(segment: &[u8]) -> Result<Vec<u8>, Gs1Error> {
	let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
	let mut out = Vec::with_capacity(segment.len());
	let mut i = 0;
	while i < segment.len() {
		if segment[i] == b'%' {
			let (hi, lo) = match (segment.get(i + 1), segment.get(i + 2)) {
				(Some(h), Some(l)) => (hex(*h), hex(*l)),
				_ => (None, None),
			};
			out.push(
				((hi.ok_or(Gs1Error::NotADigitalLink)?) << 4)
					| lo.ok_or(Gs1Error::NotADigitalLink)?,
			);
			i += 3;
		} else {
			out.push(segment[i]);
			i += 1;
		}
	}
	Ok(out)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn gtins_of_every_length_are_checked_and_padded() {
		// GS1's own examples: GTIN-13 4006381333931, GTIN-12 036000291452, GTIN-8 96385074.
		assert_eq!(Gtin::parse(b"4006381333931").unwrap().0, *b"04006381333931");
		assert_eq!(Gtin::parse(b"036000291452").unwrap().0, *b"00036000291452");
		assert_eq!(Gtin::parse(b"96385074").unwrap().0, *b"00000096385074");
		assert_eq!(Gtin::parse(b"09506000134352").unwrap().0, *b"09506000134352");
		assert_eq!(Gtin::parse(b"4006381333932"), Err(Gs1Error::BadCheckDigit));
		assert_eq!(Gtin::parse(b"400638133393"), Err(Gs1Error::BadCheckDigit));
		assert_eq!(Gtin::parse(b"40063813339"), Err(Gs1Error::BadLength));
		assert_eq!(Gtin::parse(b"040063813339310"), Err(Gs1Error::BadLength));
		assert_eq!(Gtin::parse(b"400638133393A"), Err(Gs1Error::NotDigits));
		assert!(!Gtin(*b"04006381333932").is_valid());
	}

	#[test]
	fn every_wrong_check_digit_is_caught() {
		for wrong in b'0'..=b'9' {
			let mut gtin = *b"4006381333931";
			gtin[12] = wrong;
			assert_eq!(Gtin::parse(&gtin).is_ok(), wrong == b'1');
		}
	}

	#[test]
	fn glns_and_ssccs_use_the_same_check_digit() {
		// GS1's GLN example 9501101020917.
		assert!(Gln::parse(b"9501101020917").is_ok());
		assert_eq!(Gln::parse(b"9501101020918"), Err(Gs1Error::BadCheckDigit));
		assert_eq!(Gln::parse(b"123"), Err(Gs1Error::BadLength));
		// GS1's SSCC example 106141411234567897.
		assert!(Sscc::parse(b"106141411234567897").is_ok());
		assert_eq!(Sscc::parse(b"106141411234567898"), Err(Gs1Error::BadCheckDigit));
	}

	#[test]
	fn lots_and_serials_are_character_set_82_and_at_most_20() {
		assert!(parse_attribute(b"LOT-2026/11.a_b").is_ok());
		assert!(parse_attribute(b"!\"%&'()*+,-./:;<=>?_").is_ok());
		assert_eq!(parse_attribute(b""), Err(Gs1Error::BadAttributeLength));
		assert_eq!(parse_attribute(&[b'A'; 21]), Err(Gs1Error::BadAttributeLength));
		assert!(parse_attribute(&[b'A'; 20]).is_ok());
		assert_eq!(parse_attribute(b"LOT 1"), Err(Gs1Error::BadAttributeCharacter));
		assert_eq!(parse_attribute(b"LOT#1"), Err(Gs1Error::BadAttributeCharacter));
		assert_eq!(parse_attribute("LOTé".as_bytes()), Err(Gs1Error::BadAttributeCharacter));
	}

	#[test]
	fn the_digital_link_path_round_trips() {
		let key = BatchKey::parse(b"4006381333931", b"AB/12%?", Some(b"S&1")).unwrap();
		let path = key.digital_link_path();
		assert_eq!(path, b"/01/04006381333931/10/AB%2F12%25%3F/21/S%261".to_vec());
		assert!(path.len() <= MAX_PATH_LEN as usize);
		assert_eq!(BatchKey::from_digital_link(&path), Ok(key.clone()));

		let longest = BatchKey::parse(b"4006381333931", &[b'%'; 20], Some(&[b'/'; 20])).unwrap();
		assert_eq!(longest.digital_link_path().len(), MAX_PATH_LEN as usize);
	}

	#[test]
	fn a_digital_link_is_read_from_a_whole_uri() {
		let key = BatchKey::parse(b"09506000134352", b"LOT7", None).unwrap();
		for link in [
			&b"https://id.gs1.org/01/09506000134352/10/LOT7"[..],
			b"https://example.com/01/9506000134352/10/LOT7?linkType=gs1:pip",
			b"/01/09506000134352/10/LOT7#history",
			b"/01/09506000134352/10/LO%54%37",
		] {
			assert_eq!(BatchKey::from_digital_link(link), Ok(key.clone()), "{:?}", link);
		}
	}

	#[test]
	fn malformed_digital_links_are_refused() {
		for (link, error) in [
			(&b"/01/09506000134352"[..], Gs1Error::NotADigitalLink),
			(b"/01/09506000134352/21/S1", Gs1Error::NotADigitalLink),
			(b"/01/09506000134352/10/LOT7/22/X", Gs1Error::NotADigitalLink),
			(b"/01/09506000134352/10/LOT7/21/S1/extra", Gs1Error::NotADigitalLink),
			(b"/01/09506000134352/10/LOT%7", Gs1Error::NotADigitalLink),
			(b"/01/09506000134353/10/LOT7", Gs1Error::BadCheckDigit),
			(b"/01/09506000134352/10/LOT%207", Gs1Error::BadAttributeCharacter),
			(b"https://example.com/?x=/01/09506000134352/10/LOT7", Gs1Error::NotADigitalLink),
			(b"", Gs1Error::NotADigitalLink),
		] {
			assert_eq!(BatchKey::from_digital_link(link), Err(error), "{:?}", link);
		}
	}

	#[test]
	fn company_prefixes_match_the_13_digit_form() {
		let gtin = Gtin::parse(b"4006381333931").unwrap();
		assert!(gtin.has_company_prefix(b"4006381"));
		assert!(gtin.has_company_prefix(b""));
		assert!(!gtin.has_company_prefix(b"4006382"));
	}
}
