#!/usr/bin/env bash
# Set up the machine, then run every test tier that fits one machine:
#   1. formatting;
#   2. one build of the workspace (node, runtime WASM, every test target), linted by clippy on
#      the way (scripts/rustc-wrapper.sh; CI denies warnings);
#   3. unit, runtime and node tests, from that build;
#   3b. the runtime fuzzer (fuzz/): two fixed seeds, 90 s each, from that build;
#   4. the runtime and pallets with `runtime-benchmarks` and `try-runtime` (one more feature set:
#      clippy, the benchmarks run as tests, runtime tests with both features, no WASM);
#   5. end-to-end tests: a real `commerce-node --dev` driven by @polkadot/api;
#   6. the network tests' fast subset (zombienet/run.sh --fast: finality, an order through a
#      collator, a collator killed and restarted) when the relay binaries are cached; skipped,
#      saying so, when they are not (zombienet/setup.sh builds them, about an hour, once).
# All six network tests: zombienet/run.sh. The load harness: scripts/load.sh.
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

step "runtime fuzzer: seeds 1 and 2, 90 s each (fuzz/README.md)"
# Seeded and reproducible up to where the time runs out; a finding prints the failed check and
# the input in hex, saves it under fuzz-findings/ (replay it with `commerce-fuzz replay`), and
# fails the run.
for seed in 1 2; do
	timed "$CARGO_TARGET_DIR/release/commerce-fuzz" run --seed "$seed" --duration 90 \
		--findings "$REPO_ROOT/fuzz-findings"
done

step "runtime and pallets with runtime-benchmarks and try-runtime: lint, benchmarks as tests"
# The WASM of this feature set is not built: it is for `benchmark pallet` (scripts/bench.sh)
# and try-runtime-cli, and everything it compiles is linted and tested natively here.
timed env SKIP_WASM_BUILD=1 cargo test --locked --release --all-targets \
	-p commerce-runtime -p commerce-primitives -p pallet-orders -p pallet-escrow \
	-p pallet-vendors -p pallet-profit-sharing -p pallet-provenance -p pallet-council-root \
	--features commerce-runtime/runtime-benchmarks,commerce-runtime/try-runtime

step "end-to-end tests against commerce-node --dev"
export NODE_BIN
timed bash -c "cd '$REPO_ROOT/tests/e2e' && npm test"

step "network tests, fast subset (zombienet/run.sh --fast)"
if "$REPO_ROOT/zombienet/setup.sh" --check; then
	timed "$REPO_ROOT/zombienet/run.sh" --fast
else
	echo "    skipped: the relay binaries are not cached (zombienet/setup.sh builds them once)"
fi

step "all tests passed"
