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
# The target directory is outside the workspace: tell the runtime's WASM build where the
# workspace (and its Cargo.lock) is, or it resolves dependencies afresh.
export WASM_BUILD_WORKSPACE_HINT="${WASM_BUILD_WORKSPACE_HINT:-$REPO_ROOT}"
