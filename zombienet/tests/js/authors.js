// Waits until a block built after this script started is authored by the collator whose key
// is derived from args[0] (`col-two` -> `//Col-two`); records how long that took.
const { nodeApi, heights, authorOf, accountOf, waitFor, figure } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const started = Date.now();
  const collator = args[0];
  const account = accountOf(collator);
  const api = await nodeApi(networkInfo, nodeName);
  let next = (await heights(api)).best + 1;
  const found = await waitFor(`a block authored by ${collator}`, 900_000, async () => {
    const { best } = await heights(api);
    for (; next <= best; next++) {
      const hash = await api.rpc.chain.getBlockHash(next);
      if ((await authorOf(api, hash)) === account) return next;
    }
    return null;
  });
  figure(`${collator} authored block #${found}, after`, ((Date.now() - started) / 1000).toFixed(0), 's');
  await api.disconnect();
  return 1;
}

module.exports = { run };
