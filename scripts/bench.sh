#!/usr/bin/env bash
# Benchmark the commerce-chain pallets and write their weights.rs files.
#
#   scripts/bench.sh                 # all our pallets, 50 steps x 20 repeats
#   STEPS=2 REPEAT=1 scripts/bench.sh pallet_orders   # a quick smoke run of one pallet
#
# Builds commerce-node with the `runtime-benchmarks` feature and runs `commerce-node benchmark
# pallet` against the benchmarking runtime's WASM. Also prints
# `pallet_balances::transfer_keep_alive` measured the same way, for comparison.
#
# The benchmarking build has its own target directory ($BENCH_TARGET_DIR, default
# ~/.cache/commerce-chain/target-bench): in the shared one its feature set would replace the
# production node's artefacts, and the next test or dev build would rebuild them (~19 minutes
# here). The first run seeds it with a copy of the shared directory, so that only what the
# feature changes is compiled.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
PALLETS=("$@")
if [ ${#PALLETS[@]} -eq 0 ]; then
	PALLETS=(pallet_orders pallet_escrow pallet_vendors pallet_profit_sharing pallet_provenance pallet_council_root)
fi

BENCH_TARGET_DIR="${BENCH_TARGET_DIR:-$HOME/.cache/commerce-chain/target-bench}"
if [ ! -d "$BENCH_TARGET_DIR" ] && [ -d "$CARGO_TARGET_DIR/release" ]; then
	echo "==> seeding $BENCH_TARGET_DIR from $CARGO_TARGET_DIR (once)"
	mkdir -p "$BENCH_TARGET_DIR.tmp"
	cp -a "$CARGO_TARGET_DIR/." "$BENCH_TARGET_DIR.tmp/"
	mv "$BENCH_TARGET_DIR.tmp" "$BENCH_TARGET_DIR"
fi
export CARGO_TARGET_DIR="$BENCH_TARGET_DIR"

cargo build --locked --release -p commerce-node --features runtime-benchmarks
BENCH_NODE="$CARGO_TARGET_DIR/release/commerce-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm"

dir_of() {
	case "$1" in
		pallet_orders) echo pallets/orders ;;
		pallet_escrow) echo pallets/escrow ;;
		pallet_vendors) echo pallets/vendors ;;
		pallet_profit_sharing) echo pallets/profit-sharing ;;
		pallet_provenance) echo pallets/provenance ;;
		pallet_council_root) echo pallets/council-root ;;
		*) echo "unknown pallet $1" >&2; exit 1 ;;
	esac
}

for pallet in "${PALLETS[@]}"; do
	out="$(dir_of "$pallet")/src/weights.rs"
	echo "==> $pallet -> $out"
	"$BENCH_NODE" benchmark pallet \
		--runtime "$WASM" \
		--genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template scripts/frame-weight-template.hbs \
		--output "$out"
done

echo "==> pallet_balances::transfer_keep_alive, for comparison"
"$BENCH_NODE" benchmark pallet \
	--runtime "$WASM" \
	--genesis-builder-preset development \
	--pallet pallet_balances --extrinsic transfer_keep_alive \
	--steps "$STEPS" --repeat "$REPEAT" \
	--wasm-execution compiled
