#!/usr/bin/env bash
# Prove that scripts/setup.sh makes a bare Debian machine able to build what our build loads.
#
#   sudo scripts/prove-setup.sh            # about 5 minutes; needs root and the Debian mirror
#
# Debootstraps a minimal bookworm into a throwaway directory and gives it a C toolchain (Rust
# needs a linker) and this image's clang runtime libraries without libclang-dev (libclang1-14,
# libclang-cpp14: the state that made the old check `ls /usr/lib/llvm-*/lib/libclang*.so*` pass
# wrongly). It shares ~/.cargo and ~/.rustup (Rust is the one thing a fresh machine has), then:
#   1. builds scripts/fresh-machine, a probe that runs bindgen exactly as librocksdb-sys does
#      (no `runtime` feature: clang-sys links libclang.so at build time) -> must FAIL;
#   2. runs scripts/setup.sh on a copy of this clone, then once more (it must only check);
#   3. builds the probe again -> must work; checks every command and file setup.sh promises;
#   4. checks Node.js >= 20 on the scripts' PATH (bookworm's is 18), builds the app on it from
#      this machine's runtime WASM and opens it in Chromium through playwright-core.
# Everything is unmounted and removed at the end.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(mktemp -d /tmp/commerce-bare-XXXX)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

cleanup() {
	for m in proc root/.rustup root/.cargo; do umount "$ROOT/$m" 2>/dev/null || true; done
	if ! mount | grep -q "$ROOT"; then rm -rf "$ROOT"; fi
}
trap cleanup EXIT

in_root() {
	chroot "$ROOT" env -i HOME=/root TERM=dumb DEBIAN_FRONTEND=noninteractive \
		PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		bash -c "$1"
}

command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
echo "==> debootstrap minbase bookworm into $ROOT"
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >/dev/null
mkdir -p "$ROOT/root/.cargo" "$ROOT/root/.rustup" "$ROOT/work"
mount --bind "$HOME/.cargo" "$ROOT/root/.cargo"
mount --bind "$HOME/.rustup" "$ROOT/root/.rustup"
mount -t proc proc "$ROOT/proc"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# Rust needs a C linker (rustup says so), so a machine with Rust has build-essential.
in_root 'apt-get update -qq && apt-get install -y -qq build-essential libclang1-14 libclang-cpp14 >/dev/null 2>&1'
# This machine's CA bundle (a registry proxy may sign with its own CA).
mkdir -p "$ROOT/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
(cd "$REPO" && tar --exclude=./tests/e2e/node_modules --exclude=./app/node_modules --exclude=./app/dist --exclude=./app/.papi/metadata --exclude=./app/.papi/descriptors --exclude=./.git -cf - .) |
	tar -xf - -C "$ROOT/work" --one-top-level=repo
cp -r "$REPO/scripts/fresh-machine" "$ROOT/work/probe"
# The runtime WASM of this machine's build, for the app's descriptors (a full build is not the point).
cp "${CARGO_TARGET_DIR:-$HOME/.cache/commerce-chain/target}/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm" \
	"$ROOT/work/runtime.wasm"

echo "==> 1. before set-up: the old check matches, bindgen as librocksdb-sys uses it fails"
in_root 'ls /usr/lib/llvm-*/lib/libclang*.so* | head -1'
before="$(in_root 'cd /work/probe && cargo build 2>&1' || true)"
if grep -q 'failed to run custom build command for `clang-sys' <<<"$before"; then
	echo "    clang-sys cannot find libclang.so, as on a fresh machine"
else
	printf 'expected the probe to fail before set-up:\n%s\n' "$(tail -n 20 <<<"$before")" >&2
	exit 1
fi

echo "==> 2. scripts/setup.sh, twice"
# The CA bundle again: installing ca-certificates rewrites it.
in_root 'cd /work/repo && ./scripts/setup.sh' || { cp /etc/ssl/certs/ca-certificates.crt \
	"$ROOT/etc/ssl/certs/ca-certificates.crt"; in_root 'cd /work/repo && ./scripts/setup.sh'; }
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
in_root 'cd /work/repo && ./scripts/setup.sh'

echo "==> 3. after set-up"
in_root 'cd /work/probe && touch build.rs && cargo run -q'
in_root 'ls /usr/lib/llvm-*/lib/libclang.so && command -v clang protoc g++ make pkg-config node npm && node --version && test -x /usr/sbin/nats-server && /usr/sbin/nats-server --version && for p in @polkadot/api epcis2.js qrcode playwright-core ajv ajv-formats; do test -f /work/repo/tests/e2e/node_modules/$p/package.json; done && for p in polkadot-api libsodium-wrappers esbuild typescript; do test -f /work/repo/app/node_modules/$p/package.json; done && test -x /usr/bin/chromium && /usr/bin/chromium --headless --no-sandbox --dump-dom about:blank >/dev/null 2>&1 && rustup target list --installed | grep -x wasm32v1-none'
# Node.js: bookworm's is 18; setup.sh must have put Node >= 20 first on the scripts' PATH, and the
# app's tools and the browser tests must work on it: the app built from this clone's runtime WASM
# (descriptors by the papi CLI, tsc, esbuild), and Chromium driven by playwright-core.
in_root '/usr/bin/node --version'
in_root 'cd /work/repo && source scripts/env.sh && node -p "process.versions.node" | grep -q "^2[0-9]\." && command -v node && node --version && COMMERCE_RUNTIME_WASM=/work/runtime.wasm build_app && test -s app/dist/app.js && cd tests/e2e && node -e "require(\"playwright-core\").chromium.launch({ executablePath: \"/usr/bin/chromium\" }).then(async (b) => { const p = await b.newPage(); await p.goto(\"file:///work/repo/app/dist/index.html\"); console.log(\"chromium via playwright-core:\", b.version(), await p.title()); await b.close(); })"'
echo "==> setup.sh proven on a bare bookworm"
