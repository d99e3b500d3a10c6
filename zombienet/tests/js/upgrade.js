// Test 5: a live runtime upgrade by governance. The WASM at $ZN_UPGRADE_WASM (built by
// zombienet/build-upgrade.sh: this commit's runtime with spec_version one higher) is
// authorized by a two-thirds council motion (`system.authorizeUpgrade` as Root), applied by an
// ordinary account (`system.applyAuthorizedUpgrade`), accepted by the relay chain after its
// code upgrade delay, and then runs on every collator; blocks and finality go on.
// args: "<collator>,<collator>,..." to check.
const fs = require('fs');
const { nodeApi, keyring, send, eventOf, councilRoot, waitFor, heights, figure, PARA_ID } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const wasmPath = process.env.ZN_UPGRADE_WASM;
  if (!wasmPath || !fs.existsSync(wasmPath)) throw new Error(`ZN_UPGRADE_WASM (${wasmPath}) is not a file`);
  const code = fs.readFileSync(wasmPath);
  const hash = zombie.util.blake2AsHex(code, 256);
  const api = await nodeApi(networkInfo, nodeName);
  const relay = await nodeApi(networkInfo, 'alice');
  const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  const started = Date.now();

  await councilRoot(api, api.tx.system.authorizeUpgrade(hash));
  const authorized = await api.query.system.authorizedUpgrade();
  if (authorized.isNone || authorized.unwrap().codeHash.toHex() !== hash) throw new Error('the upgrade was not authorized');
  const applied = await send(api, api.tx.system.applyAuthorizedUpgrade('0x' + code.toString('hex')), keyring()('Eve'));
  eventOf(applied.events, 'parachainSystem', 'ValidationFunctionStored');
  const stored = Date.now();
  figure('council motion + applyAuthorizedUpgrade, to ValidationFunctionStored', ((stored - started) / 1000).toFixed(0), 's');

  await waitFor('the relay chain to accept the new code', 900_000, async () => {
    const current = await relay.query.paras.currentCodeHash(PARA_ID);
    return current.isSome && current.unwrap().toHex() === hash;
  });
  figure('relay chain accepted the code (after the code upgrade delay)', ((Date.now() - stored) / 1000).toFixed(0), 's');

  for (const name of args) {
    const node = await nodeApi(networkInfo, name);
    await waitFor(`${name} to run spec_version ${before + 1}`, 600_000, async () =>
      (await node.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1);
    await node.disconnect();
  }
  const upgradedAt = await heights(api);
  figure(`live upgrade, motion to spec_version ${before} -> ${before + 1} on every collator`, ((Date.now() - started) / 1000).toFixed(0), 's');

  // Blocks and finality go on under the new runtime.
  await waitFor('three new blocks finalized under the new runtime', 300_000, async () =>
    (await heights(api)).finalized >= upgradedAt.best + 3);
  await api.disconnect();
  await relay.disconnect();
  return 1;
}

module.exports = { run };
