//! The pallet's logic, by concern. Dispatchables in `lib.rs` only check the origin and call
//! these.

pub mod agreements;
mod claims;
mod queries;
pub(crate) mod split;
