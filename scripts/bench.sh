#!/usr/bin/env bash
# Benchmark the commerce-chain pallets and write their weights.rs files.
#
#   scripts/bench.sh                 # all our pallets, 50 steps x 20 repeats
#   STEPS=2 REPEAT=1 scripts/bench.sh pallet_orders   # a quick smoke run of one pallet
#
# Two builds, neither of them a node with the `runtime-benchmarks` feature (that feature reaches
# sp-runtime and recompiles nearly the node's whole graph, most of an hour here):
# - `commerce-bench` (node/src/bin/commerce-bench.rs), the benchmarking CLI alone, comes from the
#   shared build with the production feature set: `./scripts/test.sh` already built it;
# - the runtime WASM with `runtime-benchmarks`, built in its own target directory
#   ($BENCH_TARGET_DIR, default ~/.cache/commerce-chain/target-bench) by the same command as the
#   shared build plus `WASM_BUILD_CARGO_ARGS`, which gives the feature to the WASM alone: the
#   native graph is unchanged, so a directory seeded with a copy of the shared one (done once)
#   recompiles only the WASM and what embeds it.
# The commerce pallets that move an order's money (orders, escrow, profit sharing,
# replenishment) run twice:
# on the `development` preset, paying in USDC (their weights.rs), and on the `benchmark-native`
# preset, paying in CMRC (runtime/src/weights/<pallet>_native.rs); the runtime charges the
# larger of the two per call and dimension (`weights::Larger`). `pallet_asset_tx_payment` (fees
# paid in an asset) writes runtime/src/weights/pallet_asset_tx_payment.rs.
# Also prints `pallet_balances::transfer_keep_alive` measured the same way, for comparison.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
PALLETS=("$@")
if [ ${#PALLETS[@]} -eq 0 ]; then
	PALLETS=(pallet_orders pallet_escrow pallet_vendors pallet_profit_sharing pallet_provenance pallet_council_root
		pallet_replenishment pallet_asset_tx_payment)
fi

build_workspace
BENCH_CLI="$CARGO_TARGET_DIR/release/commerce-bench"

BENCH_TARGET_DIR="${BENCH_TARGET_DIR:-$HOME/.cache/commerce-chain/target-bench}"
seed_target_dir "$BENCH_TARGET_DIR"
# `wasm-project` is the name substrate-wasm-builder gives the runtime in the WASM's own manifest.
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" \
	WASM_BUILD_CARGO_ARGS="--features wasm-project/runtime-benchmarks" build_workspace
WASM="$BENCH_TARGET_DIR/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm"

dir_of() {
	case "$1" in
		pallet_orders) echo pallets/orders ;;
		pallet_escrow) echo pallets/escrow ;;
		pallet_vendors) echo pallets/vendors ;;
		pallet_profit_sharing) echo pallets/profit-sharing ;;
		pallet_provenance) echo pallets/provenance ;;
		pallet_replenishment) echo pallets/replenishment ;;
		pallet_council_root) echo pallets/council-root ;;
		*) echo "unknown pallet $1" >&2; exit 1 ;;
	esac
}

# bench PALLET PRESET OUTPUT [TEMPLATE]: benchmark every call of PALLET on PRESET's genesis.
bench() {
	echo "==> $1 ($2) -> $3"
	"$BENCH_CLI" pallet \
		--runtime "$WASM" \
		--genesis-builder-preset "$2" \
		--pallet "$1" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		${4:+--template "$4"} \
		--output "$3"
}

for pallet in "${PALLETS[@]}"; do
	case "$pallet" in
		pallet_asset_tx_payment)
			# Not ours: the CLI's default template, a runtime-side WeightInfo.
			bench "$pallet" development "runtime/src/weights/$pallet.rs"
			continue
			;;
	esac
	bench "$pallet" development "$(dir_of "$pallet")/src/weights.rs" scripts/frame-weight-template.hbs
	case "$pallet" in
		pallet_orders | pallet_escrow | pallet_profit_sharing | pallet_replenishment)
			bench "$pallet" benchmark-native "runtime/src/weights/${pallet}_native.rs"
			;;
	esac
done

echo "==> pallet_balances::transfer_keep_alive, for comparison"
"$BENCH_CLI" pallet \
	--runtime "$WASM" \
	--genesis-builder-preset development \
	--pallet pallet_balances --extrinsic transfer_keep_alive \
	--steps "$STEPS" --repeat "$REPEAT" \
	--wasm-execution compiled
