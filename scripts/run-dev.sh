#!/usr/bin/env bash
# Set up the machine, build the node and run a single-node development chain:
# no relay chain, a block every 3 s, finalized at once, RPC on ws://127.0.0.1:9944.
# Extra arguments go to the node (e.g. --dev-block-time 1000, --base-path DIR to keep state).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh"
# The same build as scripts/test.sh's: after the tests have run, this compiles nothing again.
build_workspace
exec "$NODE_BIN" --dev "$@"
