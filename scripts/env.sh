# Sourced by the other scripts: one cargo target directory for developers and CI, outside the
# clone, so that a fresh clone builds only what changed.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/commerce-chain/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Set by setup.sh when the WASM target had to be built from Debian's Rust (offline fallback).
if [ -f "$HOME/.cache/commerce-chain/wasm-toolchain" ]; then
	WASM_BUILD_TOOLCHAIN="$(cat "$HOME/.cache/commerce-chain/wasm-toolchain")"
	export WASM_BUILD_TOOLCHAIN
fi
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
NODE_BIN="$CARGO_TARGET_DIR/release/commerce-node"
export NODE_BIN

# Build scripts that use substrate-wasm-builder (ours, and some in the dependency graph) rerun
# when WASM_BUILD_WORKSPACE_HINT changes, and so does everything that depends on them. The hint
# tells the runtime's WASM build where the workspace (and its Cargo.lock) is; give it one fixed
# path, a link to the clone in use, so that a new clone does not rebuild half the graph.
COMMERCE_CACHE="$HOME/.cache/commerce-chain"
mkdir -p "$COMMERCE_CACHE"
ln -sfn "$REPO_ROOT" "$COMMERCE_CACHE/workspace"
export WASM_BUILD_WORKSPACE_HINT="$COMMERCE_CACHE/workspace"

# Node.js >= 20 for the app's tools and browser tests (playwright-core asks for 20; the papi CLI
# uses the TypeScript API under it). Debian bookworm ships 18: setup.sh then installs Node's
# official build (npm package `node-linux-<arch>`, pinned by its integrity) here, first on PATH.
COMMERCE_NODEJS_VERSION=20.20.2
COMMERCE_NODEJS="$COMMERCE_CACHE/nodejs-$COMMERCE_NODEJS_VERSION"
# Node's official build trusts only the CAs compiled into it, where Debian's trusts the system's:
# give it the system's too, so that npm behind a TLS-inspecting proxy works as before.
use_commerce_nodejs() {
	case ":$PATH:" in
	*":$COMMERCE_NODEJS/bin:"*) ;;
	*) export PATH="$COMMERCE_NODEJS/bin:$PATH" ;;
	esac
	if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
		export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
	fi
}
if [ -x "$COMMERCE_NODEJS/bin/node" ]; then use_commerce_nodejs; fi

# frame-benchmarking-cli (in the node's graph through polkadot-omni-node-lib and polkadot-cli)
# depends on frame-storage-access-test-runtime, whose build script compiles a whole WASM runtime
# (461 s of a cold build's build scripts, docs/operators.md) for `benchmark storage` alone, which
# we never run (scripts/bench.sh runs `benchmark pallet`). It also reran on every change of our
# Cargo.lock and recompiled polkadot-service, polkadot-cli, the relay chain interfaces and the
# node after it. Skipped, it compiles `WASM_BINARY = None` and reruns only when this variable
# changes.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

# litep2p's WebRTC (str0m) asks for a vendored OpenSSL, which compiled OpenSSL 3 from source in
# every cold build (604 s of one core, docs/operators.md). Link the system's instead: setup.sh
# installs libssl-dev; str0m's DTLS 1.2 needs nothing newer than Debian's OpenSSL 3.0. The node
# binary then needs libssl3 at run time, as any Debian system has.
export OPENSSL_NO_VENDOR=1

# Our own crates are compiled through clippy-driver (scripts/rustc-wrapper.sh), so the one build
# lints them; warnings are denied (below). The same settings for every command keep one build for all.
export RUSTC_WORKSPACE_WRAPPER="$COMMERCE_CACHE/workspace/scripts/rustc-wrapper.sh"
COMMERCE_CLIPPY_DRIVER="$(rustup which clippy-driver 2>/dev/null || true)"
export COMMERCE_CLIPPY_DRIVER
# Warnings fail the build everywhere, not only in CI: clippy tracks CLIPPY_ARGS, so a local
# run with other arguments than CI's recompiled every crate of ours (13 min here) each time the
# two alternated. Set CLIPPY_ARGS yourself to relax it, at that price.
export CLIPPY_ARGS="${CLIPPY_ARGS:--D__CLIPPY_HACKERY__warnings}"

# The one build of the workspace that every command shares: the node, the runtime (WASM
# included) and every test target, with the features the tests need, so `cargo test` afterwards
# and `run-dev.sh` after the tests compile nothing again.
# TIMINGS=1 adds cargo's `--timings` report (target/cargo-timings/cargo-timing.html).
WORKSPACE_BUILD_ARGS=(--locked --release --workspace --all-targets)
build_workspace() {
	cargo build "${WORKSPACE_BUILD_ARGS[@]}" ${TIMINGS:+--timings} "$@"
}

# A target directory of its own for a build with other features (the benchmark WASM, a node
# with `runtime-benchmarks`), seeded once with a copy of the shared one so that crates the
# features do not reach are not compiled again.
seed_target_dir() {
	local dir="$1"
	if [ ! -d "$dir" ] && [ -d "$CARGO_TARGET_DIR/release" ]; then
		echo "==> seeding $dir from $CARGO_TARGET_DIR (once)"
		mkdir -p "$dir.tmp"
		cp -a "$CARGO_TARGET_DIR/." "$dir.tmp/"
		mv "$dir.tmp" "$dir"
	fi
}

# The app (app/): PAPI descriptors generated from the runtime WASM the workspace build just made,
# a type check against them, and the bundle in app/dist. Needs `build_workspace` first.
build_app() {
	(
		cd "$REPO_ROOT/app" &&
			node scripts/descriptors.mjs >/dev/null &&
			npx --no-install tsc --noEmit &&
			node scripts/build.mjs
	)
}

# The second feature set: the runtime and pallets with `runtime-benchmarks` and `try-runtime`,
# natively (their WASM is for scripts/bench.sh and try-runtime-cli, not built here). Cargo
# unifies features over the packages a command selects, so this selection alone would compile
# every proc macro and many shared crates again with fewer features than the workspace build
# gave them; `commerce-workspace-hack` (hack/, scripts/workspace-hack.py) restores those, so the
# step compiles only what the two features reach.
FEATURE_SET_ARGS=(--locked --release --all-targets
	-p commerce-runtime -p commerce-primitives -p pallet-orders -p pallet-escrow
	-p pallet-vendors -p pallet-profit-sharing -p pallet-provenance -p pallet-council-root
	-p pallet-replenishment
	--features commerce-runtime/runtime-benchmarks,commerce-runtime/try-runtime)
feature_set_test() {
	SKIP_WASM_BUILD=1 cargo test "${FEATURE_SET_ARGS[@]}" -p commerce-workspace-hack "$@"
}
