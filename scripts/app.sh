#!/usr/bin/env bash
# Serve the app (storefront, order pages, vendor console) against a node:
#
#   ./scripts/app.sh                         # against ws://127.0.0.1:9944 (./scripts/run-dev.sh)
#   ./scripts/app.sh wss://rpc.example:443   # against any node
#   PORT=8081 ./scripts/app.sh
#
# Builds the app first when app/dist is missing or older than the runtime WASM (its PAPI
# descriptors come from that WASM: run ./scripts/run-dev.sh or ./scripts/test.sh once before).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh" >/dev/null
WASM="$CARGO_TARGET_DIR/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm"
if [ ! -f "$WASM" ]; then
	echo "no runtime WASM yet: run ./scripts/run-dev.sh (or ./scripts/test.sh) once first" >&2
	exit 1
fi
if [ ! -f app/dist/app.js ] || [ "$WASM" -nt app/dist/app.js ] || [ -n "$(find app/src app/static -newer app/dist/app.js -print -quit)" ]; then
	build_app
fi
exec node app/serve.mjs --node "${1:-ws://127.0.0.1:9944}" --port "${PORT:-8080}"
