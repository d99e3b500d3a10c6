#!/usr/bin/env bash
# Set up the machine, then run every test tier that fits one machine:
#   1. formatting;
#   2. one build of the workspace (node, runtime WASM, every test target), linted by clippy on
#      the way (scripts/rustc-wrapper.sh; CI denies warnings);
#   3. unit, runtime and node tests, from that build;
#   4. the runtime and pallets with `runtime-benchmarks` and `try-runtime` (one more feature set:
#      clippy, the benchmarks run as tests, runtime tests with both features, no WASM);
#   5. end-to-end tests: a real `commerce-node --dev` driven by @polkadot/api.
# Zombienet networks have their own script (zombienet/run.sh); the load harness is
# scripts/load.sh.
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

step "build and lint the workspace (release: node, runtime WASM, tests)"
timed build_workspace

step "unit, runtime and node tests"
timed cargo test --locked --release --workspace

step "runtime and pallets with runtime-benchmarks and try-runtime: lint, benchmarks as tests"
# The WASM of this feature set is not built: it is for `benchmark pallet` (scripts/bench.sh)
# and try-runtime-cli, and everything it compiles is linted and tested natively here.
timed env SKIP_WASM_BUILD=1 cargo test --locked --release --all-targets \
	-p commerce-runtime -p commerce-primitives -p pallet-orders -p pallet-escrow \
	-p pallet-vendors -p pallet-profit-sharing -p pallet-council-root \
	--features commerce-runtime/runtime-benchmarks,commerce-runtime/try-runtime

step "end-to-end tests against commerce-node --dev"
export NODE_BIN
timed bash -c "cd '$REPO_ROOT/tests/e2e' && npm test"

step "all tests passed"
