// Test 3: with two of the four relay validators stopped (no two-thirds for GRANDPA), the
// parachain's finality must stall. args: "<seconds>". Watches this collator for that long after
// letting in-flight votes settle; fails if more than one block was finalized.
const { nodeApi, heights, figure, sleep, saveState } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const seconds = Number(args[0]);
  const api = await nodeApi(networkInfo, nodeName);
  await sleep(12_000); // votes cast before the pause may still complete a round
  const start = await heights(api);
  await sleep(seconds * 1000);
  const end = await heights(api);
  const advance = end.finalized - start.finalized;
  figure(`finalized parachain blocks in ${seconds} s with 2 of 4 validators stopped`, advance, 'blocks');
  figure(`parachain blocks built meanwhile (best ${start.best} -> ${end.best})`, end.best - start.best, 'blocks');
  saveState(networkInfo, 'stall', { finalized: end.finalized, at: Date.now() });
  await api.disconnect();
  if (advance > 1) throw new Error(`finality advanced ${advance} blocks without a two-thirds majority`);
  return 1;
}

module.exports = { run };
