//! The pallets whose benchmarks the runtime exposes (`benchmark pallet`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_asset_tx_payment, AssetTxPayment]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_council_root, CouncilRoot]
	[pallet_orders, Orders]
	[pallet_escrow, Escrow]
	[pallet_vendors, Vendors]
	[pallet_profit_sharing, ProfitSharing]
	[pallet_provenance, Provenance]
	[pallet_replenishment, Replenishment]
);
