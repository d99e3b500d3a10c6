// Start and stop a `commerce-node --dev` for a test: free local ports, a temporary base path,
// the node's output kept in a log file, and the process killed when the test ends, pass or fail.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';

const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/commerce-chain/target');
const DEFAULT_BIN = join(TARGET_DIR, 'release/commerce-node');

/** The runtime's compressed WASM blob from the release build. */
export const runtimeWasm = () =>
  join(TARGET_DIR, 'release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm');

/** The node binary under test: `$NODE_BIN`, else the release build in the target directory. */
export const nodeBin = () => process.env.NODE_BIN ?? DEFAULT_BIN;

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolve after `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start a dev node. Returns `{ api, rpcPort, stop, log }`; `stop()` disconnects the client,
 * kills the node and removes its base path.
 *
 * The node binds its RPC and p2p ports itself (port 0) and the RPC port is read from its log.
 * A port chosen here and handed to the node would be free only until the node binds it, a second
 * or two later; another test's node starting meanwhile could take it, and since the node moves
 * to a random port when its RPC port is taken (`retry_random_port` in sc-cli), the test would
 * have talked to the other test's chain without noticing.
 */
export async function startDevNode({ bin = nodeBin(), args = [] } = {}) {
  const basePath = mkdtempSync(join(tmpdir(), 'commerce-e2e-'));
  const logPath = join(basePath, 'node.log');
  const out = openSync(logPath, 'a');
  const child = spawn(
    bin,
    [
      '--dev',
      '--base-path', basePath,
      '--rpc-port', '0',
      '--port', '0',
      '--no-prometheus',
      '--no-telemetry',
      '--no-mdns',
      '--no-hardware-benchmarks',
      ...args,
    ],
    { stdio: ['ignore', out, out] },
  );
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const log = () => readFileSync(logPath, 'utf8');

  let api;
  let rpcPort;
  const stop = async () => {
    if (api) await api.disconnect().catch(() => {});
    if (exited === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      if (exited === null) child.kill('SIGKILL');
    }
    rmSync(basePath, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 120_000;
    while (true) {
      if (exited !== null) throw new Error(`node exited early (${JSON.stringify(exited)}):\n${log()}`);
      if (Date.now() > deadline) throw new Error(`node RPC not up after 120 s:\n${log()}`);
      // `Running JSON-RPC server: addr=127.0.0.1:40411,[::1]:36775`
      rpcPort ??= Number(/Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/.exec(log())?.[1]) || undefined;
      if (rpcPort === undefined) {
        await sleep(200);
        continue;
      }
      try {
        const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
        await provider.connect();
        await provider.isReadyOrError;
        // `ChargeAssetTxPayment` names the fee asset by the chain's asset id (a `u32`), where
        // Polkadot.js assumes Asset Hub's XCM location: tell it the chain's type.
        api = await ApiPromise.create({
          provider, throwOnConnect: true, noInitWarn: true, types: { TAssetConversion: 'Option<u32>' },
        });
        break;
      } catch {
        await sleep(500);
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { api, rpcPort, stop, log };
}

/** Wait until the finalized head reaches `number`, or fail after `timeoutMs`. */
export async function waitForFinalized(api, number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const head = await api.rpc.chain.getFinalizedHead();
    const header = await api.rpc.chain.getHeader(head);
    if (header.number.toNumber() >= number) return header.number.toNumber();
    await sleep(500);
  }
  throw new Error(`finalized head did not reach #${number} in ${timeoutMs} ms`);
}

/**
 * Sign and submit `tx`, resolve when it is in a finalized block with its events, reject on a
 * dispatch error (decoded to `pallet.Error`, with the block's `events` attached). `options` are
 * Polkadot.js's sign options, e.g. `{ assetId: 1 }` to pay the fee in asset 1.
 */
export function submit(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsub();
        let error;
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          error = new Error(`${section}.${name}`);
        } else {
          error = new Error(dispatchError.toString());
        }
        // A failed dispatch is still included and still pays its fee.
        error.events = events;
        reject(error);
        return;
      }
      if (status.isFinalized) {
        unsub();
        resolve({ blockHash: status.asFinalized, events });
      }
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}
