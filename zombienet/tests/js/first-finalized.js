// Test 1: waits for the parachain's first finalized block on this collator and records how long
// after the network's launch (ZN_SPAWN_START / ZN_NETWORK_UP, epoch ms, set by run.sh) it came.
const { nodeApi, waitFor, heights, figure, includedParaHeight } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await nodeApi(networkInfo, nodeName);
  const relay = await nodeApi(networkInfo, 'alice');
  const included = await waitFor('a parachain block included on the relay chain', 600_000, async () =>
    (await includedParaHeight(relay)) >= 1);
  const includedAt = Date.now();
  await waitFor('a finalized parachain block on ' + nodeName, 600_000, async () =>
    (await heights(api)).finalized >= 1);
  const now = Date.now();
  const since = (env) => (process.env[env] ? ((now - Number(process.env[env])) / 1000).toFixed(0) : 'n/a');
  figure('first finalized parachain block, after the spawn started', since('ZN_SPAWN_START'), 's');
  figure('first finalized parachain block, after the network was up', since('ZN_NETWORK_UP'), 's');
  figure('first finalized parachain block, after the first inclusion', ((now - includedAt) / 1000).toFixed(0), 's');
  await api.disconnect();
  await relay.disconnect();
  return included ? 1 : 0;
}

module.exports = { run };
