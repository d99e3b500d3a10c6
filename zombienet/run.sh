#!/usr/bin/env bash
# The network tests, by one command: spawns zombienet/network.toml once (native provider), runs
# the tests in zombienet/tests/ against it in order, prints a summary table (test, result,
# seconds) and the figures the tests measured, and stops every process it started.
#
#   zombienet/run.sh                 all six tests
#   zombienet/run.sh --fast          the fast subset: 1 (finality), 6 (an order), 2 (restart)
#   zombienet/run.sh 01 03           the tests whose file names start with these prefixes
#
# Needs the relay binaries and zombienet (zombienet/setup.sh builds them once, about an hour)
# and a release build of commerce-node ($CARGO_TARGET_DIR/release or target/release). Test 5
# needs the upgrade runtime, which zombienet/build-upgrade.sh builds (minutes once warm). The
# network's directory (logs of every node) is kept: its path is printed at the end.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
CACHE="${COMMERCE_CACHE:-$HOME/.cache/commerce-chain}"
ZOMBIENET="$CACHE/zombienet/node_modules/.bin/zombienet"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
FAST=(01 02 03)

selected=()
for arg in "$@"; do
	case "$arg" in
	--fast) selected+=("${FAST[@]}") ;;
	-h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) selected+=("$arg") ;;
	esac
done
tests=()
for file in "$HERE"/tests/*.zndsl; do
	name="$(basename "$file")"
	if [ ${#selected[@]} -eq 0 ]; then
		tests+=("$file")
	else
		for prefix in "${selected[@]}"; do
			[[ "$name" == "$prefix"* ]] && tests+=("$file") && break
		done
	fi
done
[ ${#tests[@]} -gt 0 ] || { echo "no test matches: ${selected[*]}" >&2; exit 2; }

"$HERE/setup.sh" --check || {
	echo "the relay binaries or zombienet are not cached: run zombienet/setup.sh first (about an hour, once)" >&2
	exit 2
}
[ -x "$TARGET/release/commerce-node" ] || {
	echo "no $TARGET/release/commerce-node: build it first (cargo build --release -p commerce-node)" >&2
	exit 2
}
export PATH="$CACHE/relay/bin:$TARGET/release:$PATH"

for file in "${tests[@]}"; do
	if [[ "$(basename "$file")" == 06-* ]] && [ -z "${ZN_UPGRADE_WASM:-}" ]; then
		echo "==> building the upgrade runtime for test 5"
		ZN_UPGRADE_WASM="$("$HERE/build-upgrade.sh" | tail -n 1)"
		export ZN_UPGRADE_WASM
	fi
done

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/commerce-network.XXXXXX")"
NET_DIR="$RUN_DIR/network"
export ZN_FIGURES="$RUN_DIR/figures.tsv"
: >"$ZN_FIGURES"
SPAWN_PID=""

cleanup() {
	local code=$?
	if [ -n "$SPAWN_PID" ]; then
		kill -INT "$SPAWN_PID" 2>/dev/null || true
		for _ in $(seq 1 20); do kill -0 "$SPAWN_PID" 2>/dev/null || break; sleep 1; done
		kill -9 "$SPAWN_PID" 2>/dev/null || true
	fi
	# Every node runs with its base path inside $NET_DIR, including nodes that a test restarted
	# (zombienet's own teardown knows only the PIDs it spawned first).
	pkill -9 -f "$NET_DIR" 2>/dev/null || true
	exit "$code"
}
trap cleanup EXIT INT TERM

echo "==> spawning the network (logs: $RUN_DIR/spawn.log)"
export ZN_SPAWN_START="$(($(date +%s%N) / 1000000))"
spawn_start=$SECONDS
"$ZOMBIENET" -p native -d "$NET_DIR" -f spawn "$HERE/network.toml" >"$RUN_DIR/spawn.log" 2>&1 &
SPAWN_PID=$!
until [ -s "$NET_DIR/zombie.json" ]; do
	if ! kill -0 "$SPAWN_PID" 2>/dev/null || [ $((SECONDS - spawn_start)) -gt 1200 ]; then
		echo "the network did not launch; the end of $RUN_DIR/spawn.log:" >&2
		tail -n 30 "$RUN_DIR/spawn.log" >&2
		exit 1
	fi
	sleep 2
done
spawn_seconds=$((SECONDS - spawn_start))
export ZN_NETWORK_UP="$(($(date +%s%N) / 1000000))"
printf 'network start-up (relay specs, genesis, 4 validators and 4 collators launched)\t%s\ts\n' \
	"$spawn_seconds" >>"$ZN_FIGURES"
echo "    up in ${spawn_seconds} s"

declare -a rows
failed=0
for file in "${tests[@]}"; do
	name="$(basename "$file" .zndsl)"
	log="$RUN_DIR/$name.log"
	echo "==> $name (log: $log)"
	start=$SECONDS
	if (cd "$HERE/tests" && "$ZOMBIENET" -p native test "$file" "$NET_DIR/zombie.json") >"$log" 2>&1; then
		result=passed
	else
		result=FAILED
		failed=$((failed + 1))
		grep -E "✅|❌|Error" "$log" | sed 's/^/    /' | tail -n 20 || true
	fi
	seconds=$((SECONDS - start))
	rows+=("$(printf '%-24s %-7s %6s' "$name" "$result" "$seconds")")
	echo "    $result in ${seconds} s"
done

echo
printf '%-24s %-7s %6s\n' test result seconds
printf '%-24s %-7s %6s\n' "network start-up" up "$spawn_seconds"
printf '%s\n' "${rows[@]}"
echo
echo "figures:"
sed 's/^/  /' "$ZN_FIGURES" | column -t -s $'\t' 2>/dev/null || sed 's/^/  /' "$ZN_FIGURES"
echo
echo "network directory (node logs): $NET_DIR"
[ "$failed" -eq 0 ]
