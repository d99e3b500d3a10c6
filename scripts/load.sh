#!/usr/bin/env bash
# Load harness: a burst of `orders.place_order` against a dev node, figures per block.
#
#   scripts/load.sh                                  # 20 buyers x 50 orders, fresh dev node
#   BUYERS=40 ORDERS_PER_BUYER=100 scripts/load.sh   # a bigger burst
#   WS=ws://127.0.0.1:9944 scripts/load.sh           # against a node already running
#   DEV_BLOCK_TIME_MS=6000 scripts/load.sh           # block time of the fresh dev node
#
# Uses the release node from the shared target directory (build it with `scripts/test.sh` or
# `cargo build --release -p commerce-node`), or `$NODE_BIN`. See tests/e2e/load/orders.mjs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT/tests/e2e"
[ -d node_modules ] || npm ci --no-audit --no-fund
exec node load/orders.mjs
