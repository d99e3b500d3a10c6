#!/usr/bin/env bash
# Set up the machine, then run every test tier that fits one machine:
#   1. formatting;
#   2. unit tests of the pallets (with their benchmarks run as tests) and runtime tests;
#   3. end-to-end tests: a real `commerce-node --dev` driven by @polkadot/api.
# Zombienet networks have their own script (zombienet/run.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh"

step() { printf '\n==> %s\n' "$*"; }
timed() {
	local start=$SECONDS
	"$@"
	printf '    (%ss)\n' "$((SECONDS - start))"
}

step "cargo fmt --check"
timed cargo fmt --all -- --check

step "build the node (release; includes the runtime WASM)"
timed cargo build --locked --release --workspace

step "unit and runtime tests"
timed cargo test --locked --release --workspace

step "pallet benchmarks as tests (runtime-benchmarks feature)"
timed cargo test --locked --release -p pallet-orders -p pallet-escrow -p pallet-council-root \
	--features runtime-benchmarks

step "end-to-end tests against commerce-node --dev"
export NODE_BIN
timed bash -c "cd '$REPO_ROOT/tests/e2e' && npm test"

step "all tests passed"
