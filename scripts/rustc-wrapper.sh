#!/usr/bin/env bash
# RUSTC_WORKSPACE_WRAPPER (set by env.sh): cargo runs this for the workspace's own crates only,
# as `rustc-wrapper.sh <rustc> <args>`. Native builds go through clippy-driver, so one build both
# lints and compiles our crates and the test steps reuse what the build compiled (a separate
# `cargo clippy` would check all ~1,500 dependencies a second time). WASM builds of the runtime
# (substrate-wasm-builder's nested cargo, which may use another toolchain) use plain rustc.
# CLIPPY_ARGS (set by env.sh) holds the lint flags; CI turns warnings into errors.
set -euo pipefail
rustc="$1"
for arg in "$@"; do
	case "$arg" in
	wasm32*) exec "$@" ;;
	esac
done
if [ -n "${COMMERCE_CLIPPY_DRIVER:-}" ] && [ -x "$COMMERCE_CLIPPY_DRIVER" ]; then
	shift
	exec "$COMMERCE_CLIPPY_DRIVER" "$rustc" "$@"
fi
exec "$@"
