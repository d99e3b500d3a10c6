#!/usr/bin/env bash
# Build (once) or reuse the binaries the network tests need, cached outside the clone:
#
#   ~/.cache/commerce-chain/relay/bin/polkadot                 relay chain node (polkadot 41.0.0,
#   ~/.cache/commerce-chain/relay/bin/polkadot-prepare-worker   the stable2609 relay, built with
#   ~/.cache/commerce-chain/relay/bin/polkadot-execute-worker   `fast-runtime`: minute-long epochs)
#   ~/.cache/commerce-chain/zombienet/node_modules/.bin/zombienet   @zombienet/cli 1.3.138
#
# The relay build is `cargo install polkadot --version 41.0.0 --locked --features fast-runtime`
# into its own target directory (nothing is shared with the workspace's): about an hour on
# 2 cores the first time, seconds afterwards. `zombienet/setup.sh --check` only reports whether
# everything is cached (exit 0) or not (exit 1), building nothing.
set -euo pipefail

CACHE="${COMMERCE_CACHE:-$HOME/.cache/commerce-chain}"
RELAY_ROOT="$CACHE/relay"
RELAY_BIN="$RELAY_ROOT/bin"
RELAY_TARGET="$CACHE/target-relay"
RELAY_VERSION="41.0.0"
ZOMBIENET_DIR="$CACHE/zombienet"
ZOMBIENET_VERSION="1.3.138"

have_relay() {
	[ -x "$RELAY_BIN/polkadot" ] &&
		[ -x "$RELAY_BIN/polkadot-prepare-worker" ] &&
		[ -x "$RELAY_BIN/polkadot-execute-worker" ] &&
		"$RELAY_BIN/polkadot" --version >/dev/null 2>&1
}

have_zombienet() {
	[ -x "$ZOMBIENET_DIR/node_modules/.bin/zombienet" ]
}

if [ "${1:-}" = "--check" ]; then
	have_relay && have_zombienet
	exit $?
fi

if have_relay; then
	echo "relay binaries cached: $("$RELAY_BIN/polkadot" --version)"
else
	echo "==> building polkadot $RELAY_VERSION (fast-runtime) into $RELAY_ROOT (about an hour, once)"
	start=$SECONDS
	CARGO_TARGET_DIR="$RELAY_TARGET" cargo install polkadot --version "$RELAY_VERSION" --locked \
		--features fast-runtime --root "$RELAY_ROOT"
	echo "    built in $((SECONDS - start)) s"
	have_relay || { echo "the relay build did not produce all three binaries" >&2; exit 1; }
fi

if have_zombienet; then
	echo "zombienet cached: $("$ZOMBIENET_DIR/node_modules/.bin/zombienet" version 2>/dev/null || echo "$ZOMBIENET_VERSION")"
else
	echo "==> installing @zombienet/cli $ZOMBIENET_VERSION into $ZOMBIENET_DIR"
	command -v npm >/dev/null || { echo "npm is needed (scripts/setup.sh installs Node.js)" >&2; exit 1; }
	mkdir -p "$ZOMBIENET_DIR"
	# @zombienet/utils asks for `toml` from a GitHub fork, which a machine that reaches only the
	# package registries cannot fetch; the registry's toml 3.0.0 is what the fork is based on.
	cat >"$ZOMBIENET_DIR/package.json" <<JSON
{
  "name": "commerce-chain-zombienet",
  "private": true,
  "dependencies": { "@zombienet/cli": "$ZOMBIENET_VERSION" },
  "overrides": { "toml": "3.0.0" }
}
JSON
	(cd "$ZOMBIENET_DIR" && npm install --no-audit --no-fund --silent)
	have_zombienet || { echo "zombienet did not install" >&2; exit 1; }
fi
