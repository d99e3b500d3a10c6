//! Block, extrinsic and database weights of the runtime.
//!
//! The block and extrinsic base weights are measured on this project's collator machine kind
//! by `scripts/base-weights.sh` (`commerce-bench overhead`: an empty block; a `system.remark`
//! with every transaction extension), the average of 100 runs times 1.2 (docs/performance.md).
//! The database weights are still `frame-support`'s `RocksDbWeight` (25 µs a read, 100 µs a
//! write, Parity's reference figures): `benchmark storage` needs a node compiled with
//! `runtime-benchmarks` (see that script). Rerun it on the consortium's collator hardware
//! before a production launch. Pallet call weights live with each pallet (`weights.rs`),
//! produced by `scripts/bench.sh`.

/// An empty block's execution, from `benchmark overhead`.
#[allow(clippy::all)]
pub mod block_weights;
/// One extrinsic's base cost, from `benchmark overhead`.
#[allow(clippy::all)]
pub mod extrinsic_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use frame_support::weights::constants::RocksDbWeight;

use frame_support::weights::Weight;

/// `pallet_asset_tx_payment` (fees paid in an asset), from `scripts/bench.sh`.
#[allow(clippy::all)]
pub mod pallet_asset_tx_payment;
/// The escrow pallet paying in CMRC, from `scripts/bench.sh` (see [`Larger`]).
#[allow(clippy::all)]
pub mod pallet_escrow_native;
/// The orders pallet paying in CMRC, from `scripts/bench.sh` (see [`Larger`]).
#[allow(clippy::all)]
pub mod pallet_orders_native;
/// The profit-sharing pallet paying in CMRC, from `scripts/bench.sh` (see [`Larger`]).
#[allow(clippy::all)]
pub mod pallet_profit_sharing_native;
/// The replenishment pallet paying in CMRC, from `scripts/bench.sh` (see [`Larger`]).
#[allow(clippy::all)]
pub mod pallet_replenishment_native;

/// The larger of two measurements of every call, per dimension (time, proof size): the weights
/// of a commerce pallet measured paying in USDC (`A`, the pallet's `weights.rs`) and paying in
/// CMRC (`B`, `<pallet>_native.rs` here), both from `scripts/bench.sh`. Which currency costs
/// more differs per call and per dimension, so neither run alone is an upper bound for both.
pub struct Larger<A, B>(core::marker::PhantomData<(A, B)>);

/// Implement a pallet's `WeightInfo` for [`Larger`]: each function the larger of `A`'s and
/// `B`'s, for the same arguments.
macro_rules! larger {
	($trait:path { $($f:ident($($arg:ident),*)),* $(,)? }) => {
		impl<A: $trait, B: $trait> $trait for Larger<A, B> {
			$(fn $f($($arg: u32),*) -> Weight { A::$f($($arg),*).max(B::$f($($arg),*)) })*
		}
	};
}

larger!(pallet_orders::WeightInfo {
	create_listing(),
	update_listing(),
	delist(),
	place_order(),
	place_sealed_order(),
	cancel_order(),
	ship_order(),
	confirm_delivery(),
	attest_delivery(),
	refund_order(),
	process_overdue_unshipped(),
	process_overdue_unconfirmed(),
	on_idle_unshipped(n),
	on_idle_unconfirmed(n),
	set_min_confirm_window(),
});

larger!(pallet_escrow::WeightInfo {
	set_fee(),
	open_dispute(),
	submit_evidence(),
	rule(),
	resolve_overdue_dispute(),
	on_idle_disputes(n),
	claim_payout(),
	forfeit_payout(),
});

larger!(pallet_profit_sharing::WeightInfo {
	propose_agreement(b),
	propose_change(b),
	accept(),
	impose(),
	withdraw_proposal(),
	end_agreement(),
	consent_to_end(),
	close_agreement(),
	claim(),
	refund_sale(b),
	on_idle_sales(n),
	payout(b),
});

larger!(pallet_replenishment::WeightInfo {
	set_reorder_rule(),
	remove_reorder_rule(),
	quote(),
	create_purchase_order(),
	cancel_purchase_order(),
	accept_purchase_order(),
	decline_purchase_order(),
	ship_purchase_order(),
	receive_purchase_order(),
	dispute_purchase_order(),
	rule_purchase_order(),
	timeout(),
	raise(),
	on_idle(n),
});
