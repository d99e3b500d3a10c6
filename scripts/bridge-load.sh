#!/usr/bin/env bash
# Bridge throughput: the load harness's burst (scripts/load.sh) against a fresh archive dev node
# with commerce-bridge following it live, then a second bridge catching up on the whole chain
# from block 1. Prints the bridge's figures: events and blocks, events per second, lag from a
# block's finality to its events delivered (p50, p95, max).
#
#   scripts/bridge-load.sh                        # SQLite outbox, 100 buyers x 10 orders
#   SINK=nats scripts/bridge-load.sh              # NATS JetStream (a nats-server on a free port)
#   SENDERS=300 DEV_BLOCK_TIME_MS=1000 scripts/bridge-load.sh
#
# Uses the release node and bridge from the shared target directory (scripts/test.sh builds
# them).
set -euo pipefail
source "$(dirname "$0")/env.sh"
SINK="${SINK:-sqlite}"
BRIDGE_BIN="${BRIDGE_BIN:-$CARGO_TARGET_DIR/release/commerce-bridge}"
work="$(mktemp -d)"
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer(); s.listen(0,'127.0.0.1',()=>{console.log(s.address().port); s.close()})"; }
# rpc METHOD: the node's JSON-RPC result as JSON (Node.js's fetch; no curl needed).
rpc() {
	node -e "fetch('http://127.0.0.1:$rpc_port',{method:'POST',headers:{'Content-Type':'application/json'},
		body:JSON.stringify({id:1,jsonrpc:'2.0',method:'$1',params:[]})}).then(r=>r.json())
		.then(j=>console.log(JSON.stringify(j.result)),()=>process.exit(1))"
}
rpc_port="$(free_port)"
"$NODE_BIN" --dev --dev-block-time "${DEV_BLOCK_TIME_MS:-1000}" --state-pruning archive-canonical \
	--base-path "$work/node" --rpc-port "$rpc_port" --port "$(free_port)" --no-prometheus \
	--no-telemetry --no-mdns --no-hardware-benchmarks --pool-limit 16384 --pool-kbytes 40960 \
	>"$work/node.log" 2>&1 &
pids+=($!)
ws="ws://127.0.0.1:$rpc_port"
for _ in $(seq 1 120); do
	rpc system_health >/dev/null 2>&1 && break
	sleep 1
done

sink_args() { # $1: a name for this bridge's files
	if [ "$SINK" = nats ]; then
		echo "nats --server nats://127.0.0.1:$nats_port --stream LOAD_$1 --subject-prefix $1 --state $work/$1-state.sqlite"
	else
		echo "sqlite --db $work/$1.sqlite"
	fi
}
if [ "$SINK" = nats ]; then
	nats_port="$(free_port)"
	"${NATS_SERVER:-$(command -v nats-server || echo /usr/sbin/nats-server)}" -js -a 127.0.0.1 -p "$nats_port" -sd "$work/nats" >"$work/nats.log" 2>&1 &
	pids+=($!)
	sleep 1
fi

# shellcheck disable=SC2046
"$BRIDGE_BIN" $(sink_args live) --url "$ws" --stats "$work/live.json" 2>"$work/live.log" &
live=$!
pids+=("$live")
start=$SECONDS
(cd "$REPO_ROOT/tests/e2e" && WS="$ws" node load/lifecycle.mjs) | tee "$work/load.txt" | tail -n 30
sleep 5
kill -TERM "$live"
wait "$live" || true
echo
echo "== bridge following the burst live ($SINK, $((SECONDS - start)) s):"
cat "$work/live.json"
echo

# shellcheck disable=SC2046
"$BRIDGE_BIN" $(sink_args catchup) --url "$ws" --stats "$work/catchup.json" 2>"$work/catchup.log" &
catchup=$!
pids+=("$catchup")
head=$(rpc chain_getHeader | node -e "let t='';process.stdin.on('data',d=>t+=d).on('end',()=>console.log(parseInt(JSON.parse(t).number,16)))")
for _ in $(seq 1 600); do
	cursor=$("$BRIDGE_BIN" status --db "$work/catchup$([ "$SINK" = nats ] && echo -state).sqlite" 2>/dev/null |
		node -e "let t='';process.stdin.on('data',d=>t+=d).on('end',()=>{const c=JSON.parse(t).cursor;console.log(c?c.number:0)})" || echo 0)
	[ "$cursor" -ge "$head" ] && break
	sleep 1
done
kill -TERM "$catchup"
wait "$catchup" || true
echo "== a new bridge catching up on blocks 1..$head ($SINK):"
cat "$work/catchup.json"
echo
