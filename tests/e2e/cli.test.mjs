// Issue 2: the node's command line fails clearly, without a panic, on a malformed chain spec,
// an unknown chain or an unknown genesis preset; and it exports its built-in chain specs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeBin, runtimeWasm, startDevNode } from './lib/node.mjs';

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/consortium.json', import.meta.url));
const CODE_KEY = '0x3a636f6465';

/** The hex public keys (no 0x) of the well-known development accounts. */
async function devKeys() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  const uris = [...names.map((n) => `//${n}`), ...names.map((n) => `//${n}//stash`), '//One', '//Two'];
  return uris.map((uri) => [uri, Buffer.from(keyring.addFromUri(uri).publicKey).toString('hex')]);
}

const dir = mkdtempSync(join(tmpdir(), 'commerce-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args) {
  const result = spawnSync(nodeBin(), args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

/** The chain spec JSON `build-spec` prints for `chain`. */
function buildSpec(chain) {
  const { status, stdout, output } = run(['build-spec', '--chain', chain]);
  assert.equal(status, 0, output);
  return JSON.parse(stdout);
}

function assertCleanFailure({ status, output }, expected) {
  assert.notEqual(status, 0, `the node must fail:\n${output}`);
  assert.notEqual(status, null, 'the node must exit, not be killed');
  assert.ok(!/panicked|RUST_BACKTRACE/.test(output), `no panic expected:\n${output}`);
  assert.match(output, expected);
}

test('the built-in chain specs export with token properties and the preset', () => {
  for (const chain of ['dev', 'local']) {
    const spec = buildSpec(chain);
    assert.equal(spec.properties.tokenSymbol, 'CMRC');
    assert.equal(spec.properties.tokenDecimals, 12);
    assert.equal(spec.properties.ss58Format, 42);
    assert.equal(spec.para_id ?? spec.paraId, 2000);
    // `build-spec` expands the preset into a patch of the runtime's genesis config.
    const { patch } = spec.genesis.runtimeGenesis;
    assert.equal(patch.collatorSelection.invulnerables.length, chain === 'dev' ? 1 : 2);
    assert.equal(patch.councilMembership.members.length, 3);
    assert.equal(patch.parachainInfo.parachainId, 2000);
  }
});

test('an unknown chain is a clear error', () => {
  assertCleanFailure(
    run(['build-spec', '--chain', 'no-such-chain']),
    /neither a built-in chain \(dev, local, consortium:FILE\) nor a valid chain spec file/,
  );
});

test('a malformed chain spec file is a clear error', () => {
  const path = join(dir, 'malformed.json');
  writeFileSync(path, '{ "name": "broken", ');
  assertCleanFailure(
    run(['build-spec', '--chain', path]),
    /not a valid chain spec file|Error parsing spec file/,
  );
});

test('the runtime lists its presets, and an unknown preset is a clear error', () => {
  const wasm = runtimeWasm();
  const listed = run(['chain-spec-builder', 'list-presets', '-r', wasm]);
  assert.equal(listed.status, 0, listed.output);
  assert.deepEqual(JSON.parse(listed.stdout).presets, ['development', 'local_testnet', 'production']);
  assertCleanFailure(
    run(['chain-spec-builder', '-c', join(dir, 'staging.json'), 'create', '-r', wasm, 'named-preset', 'staging']),
    /preset with name Some\(\\?"staging\\?"\) is not available/,
  );
});

test('a consortium file becomes a raw Live chain spec without development keys', async () => {
  const out = join(dir, 'consortium-raw.json');
  const exported = run(['export-chain-spec', '--chain', `consortium:${EXAMPLE}`, '--raw', '--output', out]);
  assert.equal(exported.status, 0, exported.output);
  const spec = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(spec.chainType, 'Live');
  assert.equal(spec.id, 'example_commerce');
  assert.equal(spec.para_id ?? spec.paraId, 3344);
  assert.equal(spec.relay_chain ?? spec.relayChain, 'polkadot');
  assert.equal(spec.properties.tokenSymbol, 'CMRC');
  const top = spec.genesis.raw.top;
  const storage = Object.entries(top).filter(([k]) => k !== CODE_KEY).map(([k, v]) => k + v).join(' ');
  for (const [uri, hex] of await devKeys()) {
    assert.ok(!storage.includes(hex), `${uri} is in the production genesis`);
  }
  // The consortium's first council member is there.
  const keyring = new Keyring({ type: 'sr25519' });
  const member = JSON.parse(readFileSync(EXAMPLE, 'utf8')).council[0];
  assert.ok(storage.includes(Buffer.from(keyring.decodeAddress(member)).toString('hex')));
  // The node loads the raw spec it exported.
  const again = run(['export-chain-spec', '--chain', out, '--raw']);
  assert.equal(again.status, 0, again.output);
});

test('a consortium file naming a development key is refused', () => {
  const path = join(dir, 'consortium-alice.json');
  const text = readFileSync(EXAMPLE, 'utf8').replaceAll(
    '5EEbwmznrn9bo6C1RvhFwgYD4RBPAuTBLU1dudjHqjvzkPG5', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  writeFileSync(path, text);
  assertCleanFailure(
    run(['export-chain-spec', '--chain', `consortium:${path}`, '--raw']),
    /well-known development keys \(Alice \(sr25519\)\)/,
  );
});

test('the node refuses to start a Live chain whose genesis holds development keys', () => {
  const dev = buildSpec('dev');
  const live = join(dir, 'live-with-dev-keys.json');
  writeFileSync(live, JSON.stringify({ ...dev, chainType: 'Live' }));
  assertCleanFailure(
    run(['--chain', live, '--tmp', '--no-hardware-benchmarks']),
    /refusing to load the Live chain .*well-known development keys/,
  );
  // The same genesis as a local test network is fine.
  const local = join(dir, 'local-with-dev-keys.json');
  writeFileSync(local, JSON.stringify({ ...dev, chainType: 'Local' }));
  const loaded = run(['build-spec', '--chain', local]);
  assert.equal(loaded.status, 0, loaded.output);
});

// Issue 26: a `--dev` node runs the single-state transaction pool unless told otherwise (the
// fork-aware pool dropped deep nonce chains under a burst on the development chain; see
// docs/performance.md); `--pool-type` still chooses.
test('a dev node runs the single-state pool by default, and --pool-type still chooses', async () => {
  for (const [args, expected] of [[[], 'SingleState'], [['--pool-type', 'fork-aware'], 'ForkAware']]) {
    const node = await startDevNode({ args });
    try {
      const line = node.log().split('\n').find((l) => l.includes('Creating transaction pool'));
      assert.ok(line, `the node logs its pool:\n${node.log()}`);
      assert.match(line, new RegExp(`txpool_type=${expected} `));
    } finally {
      await node.stop();
    }
  }
});
