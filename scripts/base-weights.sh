#!/usr/bin/env bash
# Measure what the runtime charges for a block and for an extrinsic as such, on this machine,
# and write them to runtime/src/weights/:
#   block_weights.rs      an empty block's execution          (`benchmark overhead`)
#   extrinsic_weights.rs  one extrinsic's base cost (a remark) (`benchmark overhead`)
#
#   scripts/base-weights.sh              # about 5 minutes here
#   MUL=1.5 scripts/base-weights.sh      # another safety margin
#
# Safety margin (the weights stay upper bounds): the figures are the average of REPEAT runs
# (100) multiplied by MUL (default 1.2: the run-to-run spread measured on this shared 2-core
# machine stays well inside it, docs/performance.md).
#
# The database weights (`benchmark storage`) are measured by scripts/db-weights.sh: the omni node
# runs that command only when built with `runtime-benchmarks`, which that script builds in a
# target directory of its own. The runtime keeps `frame-support`'s `RocksDbWeight` (25 µs a read,
# 100 µs a write) until their margin is settled (docs/performance.md).
#
# Uses `commerce-bench` (node/src/bin/commerce-bench.rs) and the runtime WASM of the release
# build (`./scripts/test.sh` builds both); compiles nothing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

MUL="${MUL:-1.2}"
REPEAT="${REPEAT:-100}"
OUT="$REPO_ROOT/runtime/src/weights"
BENCH_CLI="$CARGO_TARGET_DIR/release/commerce-bench"
WASM="$CARGO_TARGET_DIR/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm"
for f in "$BENCH_CLI" "$WASM"; do
	[ -f "$f" ] || { echo "no $f: build first (./scripts/test.sh)" >&2; exit 1; }
done

echo "==> benchmark overhead: an empty block, and a block full of remarks (x $MUL)"
"$BENCH_CLI" overhead --runtime "$WASM" --genesis-builder-preset development --repeat "$REPEAT" \
	--mul "$MUL" --weight-path "$OUT" 2>&1 | grep -E 'INFO|Error|error' | sed 's/^.*INFO //' | tail -n 40
rustfmt --edition 2021 --config-path "$REPO_ROOT/.rustfmt.toml" "$OUT/block_weights.rs" "$OUT/extrinsic_weights.rs"
echo "==> wrote $OUT/block_weights.rs and $OUT/extrinsic_weights.rs"
