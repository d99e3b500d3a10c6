#!/usr/bin/env bash
# Measure the database weights on a commerce state and write runtime/src/weights/rocksdb_weights.rs
# (`benchmark storage`, RocksDB, the node's default database).
#
#   scripts/db-weights.sh                 # build once (most of an hour), populate, measure
#   MUL=1.5 METRIC=p99 BATCH_SIZE=5000 scripts/db-weights.sh
#
# 1. `commerce-node` with `runtime-benchmarks`, built in its own target directory
#    ($STORAGE_TARGET_DIR, default ~/.cache/commerce-chain/target-storage; seeded once with a copy
#    of the shared one, so crates the feature does not reach are not compiled again). Only that
#    feature gives the node the database handles the benchmark needs (`sc-client-db`'s
#    `expose_db`), and it reaches `sp-runtime`, hence its own directory.
# 2. A dev node on a kept base path, filled by tests/e2e/load/populate.mjs (1,000 vendors, 5,000
#    listings, 5,000 open orders), then stopped.
# 3. `benchmark storage` on that database: every key read, then written in batches, METRIC
#    (default average) times MUL (default 1.2, as scripts/base-weights.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

MUL="${MUL:-1.2}"
METRIC="${METRIC:-average}"
# Keys written per commit: the write cost per key includes its share of the commit and the new
# state root. A block of `place_order` writes about 7,500 keys; 1,000 a batch charges each key
# more of that fixed cost (an upper bound). The default, 100,000, exceeds the 35,187 keys of the
# populated state and measures nothing.
BATCH_SIZE="${BATCH_SIZE:-1000}"
STORAGE_TARGET_DIR="${STORAGE_TARGET_DIR:-$HOME/.cache/commerce-chain/target-storage}"
STATE_DIR="${STATE_DIR:-$HOME/.cache/commerce-chain/storage-state}"
OUT="$REPO_ROOT/runtime/src/weights"

seed_target_dir "$STORAGE_TARGET_DIR"
echo "==> commerce-node with runtime-benchmarks in $STORAGE_TARGET_DIR"
CARGO_TARGET_DIR="$STORAGE_TARGET_DIR" cargo build --locked --release -p commerce-node --features runtime-benchmarks
NODE="$STORAGE_TARGET_DIR/release/commerce-node"

if [ ! -f "$STATE_DIR/populated" ]; then
	echo "==> a dev node filled with a commerce state in $STATE_DIR"
	rm -rf "$STATE_DIR"
	mkdir -p "$STATE_DIR"
	"$NODE" --dev --base-path "$STATE_DIR" --dev-block-time 1000 --rpc-port 9977 --port 0 \
		--no-prometheus --no-telemetry --no-mdns --no-hardware-benchmarks >"$STATE_DIR/node.log" 2>&1 &
	node_pid=$!
	trap 'kill $node_pid 2>/dev/null || true' EXIT
	for _ in $(seq 120); do
		grep -q "Running JSON-RPC server" "$STATE_DIR/node.log" && break
		sleep 1
	done
	(cd tests/e2e && WS=ws://127.0.0.1:9977 node load/populate.mjs)
	kill "$node_pid"
	wait "$node_pid" || true
	trap - EXIT
	touch "$STATE_DIR/populated"
fi

echo "==> benchmark storage ($METRIC x $MUL, batches of $BATCH_SIZE)"
"$NODE" benchmark storage --dev --base-path "$STATE_DIR" --state-version 1 --batch-size "$BATCH_SIZE" \
	--metric "$METRIC" --mul "$MUL" --weight-path "$OUT"
rustfmt --edition 2021 --config-path "$REPO_ROOT/.rustfmt.toml" "$OUT/rocksdb_weights.rs"
echo "==> wrote $OUT/rocksdb_weights.rs"
