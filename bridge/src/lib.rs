//! # commerce-bridge
//!
//! Delivers every commerce event of commerce-chain's finalized blocks, exactly once, to a
//! durable sink that off-chain services (inventory, shipping, accounting, ERP) consume.
//!
//! ## Overview
//!
//! The bridge follows the finalized chain through a node's RPC ([`follow`]), decodes the events
//! of the commerce pallets (orders, escrow, vendors, profit sharing, provenance) with the chain's
//! own metadata into a versioned JSON document ([`schema::CommerceEvent`], [`decode`]), and
//! hands each block's events to a sink ([`sink`]):
//!
//! - **SQLite outbox** (default, embedded): a block's events and the cursor move in one
//!   transaction.
//! - **NATS JetStream**: one subject per event kind, the message id `<block hash>:<event index>`,
//!   every publish acknowledged before the cursor moves.
//!
//! ## Terminology
//!
//! - **Cursor**: the last block whose events are all delivered; the bridge resumes after it.
//! - **Event id**: `<block hash>:<event index>`, unique on the chain; what sinks deduplicate on.
//! - **Kind**: `<pallet>.<Event>`, e.g. `orders.OrderPlaced`; the NATS subject's suffix.
//! - **Genesis check**: a sink remembers the chain it was started with and refuses another.
//!
//! ## Guarantees
//!
//! Only finalized blocks are read, in order, each block's events in chain order, and each block
//! must name the block before it as its parent (the cursor, across restarts): a node that serves
//! another history stops the bridge ([`follow::check_parent`]). A crash at any point re-reads at
//! most the block being delivered; what it had delivered is not delivered again (the outbox's
//! transaction; in NATS, the stream's last message and a publish chain that lets the server store
//! an event only right after the one before it, [`sink::nats`]). Plain `ws://` is accepted only
//! to this machine ([`endpoint`]). The operator guide and the event schema are in
//! `docs/integrations.md`.

pub mod consumer;
pub mod decode;
pub mod endpoint;
pub mod failpoint;
pub mod follow;
pub mod schema;
pub mod sink;
