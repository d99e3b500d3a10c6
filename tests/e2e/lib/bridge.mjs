// Helpers for the bridge's tests: run `commerce-bridge` and its example consumers, a NATS
// server on a free loopback port, and read the chain's own list of commerce events to compare
// with what the bridge delivered.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep } from './node.mjs';

const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/commerce-chain/target');
export const bridgeBin = () => process.env.BRIDGE_BIN ?? join(TARGET_DIR, 'release/commerce-bridge');
export const exampleBin = (name) => join(TARGET_DIR, 'release/examples', name);

/** The pallets the bridge delivers, as Polkadot.js names their sections. */
export const COMMERCE_SECTIONS = ['orders', 'escrow', 'vendors', 'profitSharing', 'provenance', 'replenishment'];
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The chain's commerce events in blocks `from..=to`, read through Polkadot.js (an independent
 * decoder): a Map from event id (`<block hash>:<event index>`) to `{ kind, event }`.
 */
export async function chainEvents(api, from, to) {
  const out = new Map();
  for (let n = from; n <= to; n++) {
    const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
    const records = await api.query.system.events.at(hash);
    records.forEach(({ event }, index) => {
      if (COMMERCE_SECTIONS.includes(event.section)) {
        out.set(`${hash}:${index}`, { kind: `${snake(event.section)}.${event.method}`, event });
      }
    });
  }
  return out;
}

/** A scratch directory, removed by `cleanup()`. */
export function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Start a program with its output in `<logPath>`. Returns `{ child, exited, log, stop }`:
 * `exited` resolves to `{ code, signal }`; `stop()` sends SIGTERM and waits.
 */
export function start(bin, args, { env = {}, logPath }) {
  const out = openSync(logPath, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, exited, log, stop };
}

/** Wait for `promise`, failing with `what` and `log()` after `ms`. */
export async function within(ms, promise, what, log = () => '') {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms\n${log()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Poll `check()` every 250 ms until it returns a truthy value. */
export async function until(ms, check, what, log = () => '') {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms\n${log()}`);
    await sleep(250);
  }
}

/** Run the bridge's CLI to completion and return its standard output. */
export function bridgeCli(args) {
  const result = spawnSync(bridgeBin(), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`commerce-bridge ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The SQLite outbox's cursor (block number) or null. */
export const outboxCursor = (db) => JSON.parse(bridgeCli(['status', '--db', db])).cursor?.number ?? null;

/** The NATS server binary: `$NATS_SERVER`, Debian's, or the one on PATH. */
export function natsServerBin() {
  if (process.env.NATS_SERVER) return process.env.NATS_SERVER;
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server';
  return 'nats-server';
}

/**
 * A JetStream-enabled NATS server on a free loopback port, storing in `storeDir`. `restart()`
 * stops it (SIGTERM) and starts it again on the same port and store.
 */
export async function startNats(storeDir, logPath) {
  const port = await freePort();
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
  let server;
  const launch = async () => {
    server = start(natsServerBin(), args, { logPath });
    await until(10_000, () => server.log().includes('Server is ready'), 'nats-server start', server.log);
  };
  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    restart: async () => { await server.stop(); await launch(); },
    stop: () => server.stop(),
    log: () => server.log(),
  };
}

/** The stream's messages: `[{ seq, id, doc }]` (through `commerce-bridge nats-dump`). */
export function natsDump(url) {
  return bridgeCli(['nats-dump', '--server', url])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [seq, id, ...rest] = line.split(' ');
      return { seq: Number(seq), id, doc: JSON.parse(rest.join(' ')) };
    });
}

/** The ids in `list`, failing on any that appears twice. */
export function uniqueIds(list, what) {
  const ids = new Set();
  for (const id of list) {
    if (ids.has(id)) throw new Error(`${what}: ${id} delivered twice`);
    ids.add(id);
  }
  return ids;
}
