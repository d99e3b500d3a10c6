//! The logic behind the calls, one file per feature.

mod claims;
mod deadlines;
mod disputes;
mod escrow;
mod fee;
