// Remembers this node's best block and the time, under the name args[0], for a later script
// of the same run (the line after this one is the fault: a kill or a pause).
const { nodeApi, heights, saveState } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const api = await nodeApi(networkInfo, nodeName);
  const { best, finalized } = await heights(api);
  saveState(networkInfo, args[0], { best, finalized, at: Date.now() });
  await api.disconnect();
  return 1;
}

module.exports = { run };
