#!/usr/bin/env bash
# Regenerate hack/Cargo.toml (commerce-workspace-hack), or check it: scripts/workspace-hack.py
# says why it exists and how it is computed. Builds nothing; takes a few seconds.
#
#   scripts/workspace-hack.sh            # rewrite hack/Cargo.toml and update Cargo.lock
#   scripts/workspace-hack.sh --check    # exit 1 if the feature-set build repeats units
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# `--unit-graph` is unstable; RUSTC_BOOTSTRAP reaches only these two planning runs.
unit_graph() { RUSTC_BOOTSTRAP=1 "$@" --unit-graph -Z unstable-options; }

unit_graph cargo build "${WORKSPACE_BUILD_ARGS[@]}" >"$tmp/workspace.json"
if [ "${1:-}" = "--check" ]; then
	unit_graph cargo test "${FEATURE_SET_ARGS[@]}" -p commerce-workspace-hack >"$tmp/features.json"
	exec python3 scripts/workspace-hack.py check "$tmp/workspace.json" "$tmp/features.json"
fi
# The hack's own dependencies bring crates into the feature-set build, which may need entries
# too: regenerate from every graph seen until the file stops changing.
unit_graph cargo test "${FEATURE_SET_ARGS[@]}" >"$tmp/features-0.json"
graphs=("$tmp/features-0.json")
for round in 1 2 3 4 5; do
	python3 scripts/workspace-hack.py generate "$tmp/workspace.json" "${graphs[@]}" >"$tmp/Cargo.toml"
	if cmp -s "$tmp/Cargo.toml" hack/Cargo.toml && [ "$round" -gt 1 ]; then
		break
	fi
	cp "$tmp/Cargo.toml" hack/Cargo.toml
	cargo update --workspace --offline
	unit_graph cargo test "${FEATURE_SET_ARGS[@]}" -p commerce-workspace-hack >"$tmp/features-$round.json"
	graphs+=("$tmp/features-$round.json")
done
exec "$0" --check
