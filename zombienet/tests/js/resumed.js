// Test 3: after a third validator returns, parachain finality resumes. Records how long after
// the return (this script starts right after `resume`) the finalized block first moved.
const { nodeApi, heights, figure, waitFor, loadState } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await nodeApi(networkInfo, nodeName);
  const stalled = loadState(networkInfo, 'stall');
  const start = Date.now();
  await waitFor('finality to resume', 300_000, async () => (await heights(api)).finalized > stalled.finalized + 1);
  figure('finality resumed after a third validator returned', ((Date.now() - start) / 1000).toFixed(0), 's');
  await api.disconnect();
  return 1;
}

module.exports = { run };
