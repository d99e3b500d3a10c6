// Test 2: the restarted collator (this node) catches up with args[0] on its own database:
// its best block reaches the other's best as it was when this script started, and it follows
// finality. Records how long that took after it was started again (ctl.js start).
const { nodeApi, heights, waitFor, figure, loadState } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const started = loadState(networkInfo, `started-${nodeName}`).at;
  const api = await nodeApi(networkInfo, nodeName);
  const other = await nodeApi(networkInfo, args[0]);
  const target = await heights(other);
  await waitFor(`${nodeName} to import #${target.best}`, 300_000, async () => (await heights(api)).best >= target.best);
  await waitFor(`${nodeName} to finalize #${target.finalized}`, 300_000, async () =>
    (await heights(api)).finalized >= target.finalized);
  figure(`${nodeName} back at the tip after it was started again`, ((Date.now() - started) / 1000).toFixed(0), 's');
  await api.disconnect();
  await other.disconnect();
  return 1;
}

module.exports = { run };
