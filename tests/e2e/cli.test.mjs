// Issue 2: the node's command line fails clearly, without a panic, on a malformed chain spec,
// an unknown chain or an unknown genesis preset; and it exports its built-in chain specs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nodeBin, runtimeWasm } from './lib/node.mjs';

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
    /neither a built-in chain \(dev, local\) nor a valid chain spec file/,
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
  assert.deepEqual(JSON.parse(listed.stdout).presets, ['development', 'local_testnet']);
  assertCleanFailure(
    run(['chain-spec-builder', '-c', join(dir, 'staging.json'), 'create', '-r', wasm, 'named-preset', 'staging']),
    /preset with name Some\(\\?"staging\\?"\) is not available/,
  );
});
