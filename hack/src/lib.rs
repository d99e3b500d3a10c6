//! `commerce-workspace-hack`: no code, only dependencies.
//!
//! Cargo unifies a dependency's features over the packages one command selects. The workspace
//! build selects everything; `scripts/test.sh`'s feature-set step (the runtime and pallets with
//! `runtime-benchmarks` and `try-runtime`) selects a few, so without this crate it would give
//! `syn`, `tokio`, `futures` and others fewer features and compile them, every proc macro and
//! everything built with those a second time. This crate depends on them with the features the
//! workspace build gives them, and the step selects it too. Generated: `scripts/workspace-hack.sh`
//! (`scripts/workspace-hack.py` explains the computation).
