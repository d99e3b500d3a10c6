#!/usr/bin/env bash
# Build the runtime that the live-upgrade network test installs by council vote: this commit's
# runtime with `spec_version` one higher, a real build of the committed sources.
#
#   zombienet/build-upgrade.sh            prints the path of the built WASM (last line of output)
#
# The sources of HEAD are exported to ~/.cache/commerce-chain/upgrade/src with `spec_version`
# bumped, and `cargo check -p commerce-runtime --release` runs there in its own target directory
# (~/.cache/commerce-chain/target-upgrade): the check compiles no native code, while the
# runtime's build script compiles the WASM in full. The first build seeds the WASM half of that
# directory from the workspace's own (if it exists); later builds recompile only our crates.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${COMMERCE_CACHE:-$HOME/.cache/commerce-chain}"
WORK="$CACHE/upgrade"
SRC="$WORK/src"
TARGET="$CACHE/target-upgrade"
MAIN_TARGET="${CARGO_TARGET_DIR:-$CACHE/target}"

current=$(grep -oP '^\s*spec_version: \K[0-9]+' "$ROOT/runtime/src/lib.rs")
next=$((current + 1))
commit=$(git -C "$ROOT" rev-parse HEAD)
# Keyed by what the runtime is built from, so that a commit touching only tests or docs reuses it.
sources=$(git -C "$ROOT" rev-parse HEAD:runtime HEAD:pallets HEAD:Cargo.toml HEAD:Cargo.lock | sha256sum)
out="$WORK/commerce_runtime-spec$next-${sources:0:12}.compact.compressed.wasm"
if [ -s "$out" ]; then
	echo "$out"
	exit 0
fi

echo "==> building the upgrade runtime: spec_version $current -> $next (sources of ${commit:0:12})" >&2
rm -rf "$SRC"
mkdir -p "$SRC"
git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
sed -i -E "s/^(\s*spec_version: )$current,/\1$next,/" "$SRC/runtime/src/lib.rs"
grep -q "spec_version: $next," "$SRC/runtime/src/lib.rs" || {
	echo "could not bump spec_version in the exported sources" >&2
	exit 1
}

seed="$MAIN_TARGET/release/wbuild/commerce-runtime/target"
dest="$TARGET/release/wbuild/commerce-runtime/target"
if [ ! -d "$dest" ] && [ -d "$seed" ]; then
	echo "    seeding the WASM dependencies from $seed" >&2
	mkdir -p "$(dirname "$dest")"
	cp -a "$seed" "$dest"
fi

start=$SECONDS
(cd "$SRC" && CARGO_TARGET_DIR="$TARGET" cargo check --locked --release -p commerce-runtime >&2)
built="$TARGET/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm"
[ -s "$built" ] || { echo "the build produced no $built" >&2; exit 1; }
cp "$built" "$out"
echo "    built in $((SECONDS - start)) s" >&2
echo "$out"
