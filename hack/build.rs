//! Empty: the crate's `[build-dependencies]` are host-side features to unify (proc macros'
//! `syn` and the like), and cargo compiles build-dependencies only for a build script.
fn main() {}
