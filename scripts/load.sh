#!/usr/bin/env bash
# Load harness: the order lifecycle (place, ship, confirm) in bursts against a dev node, next to
# a burst of transfers, figures per block.
#
#   scripts/load.sh                                      # 100 buyers x 10, 10 vendors, fresh dev node
#   SENDERS=1000 ORDERS_PER_SENDER=10 scripts/load.sh    # 10,000 of each call
#   WS=ws://127.0.0.1:9944 scripts/load.sh               # against a node already running
#   DEV_BLOCK_TIME_MS=1000 scripts/load.sh               # block time of the fresh dev node
#
# Uses the release node from the shared target directory (build it with `scripts/run-dev.sh` or
# `scripts/test.sh`), or `$NODE_BIN`. See tests/e2e/load/lifecycle.mjs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT/tests/e2e"
[ -d node_modules ] || npm ci --no-audit --no-fund
exec node load/lifecycle.mjs
