// Samples this collator's best and finalized parachain blocks for a while and records the
// finality lag: in blocks (best - finalized) and in seconds (now - finalized block's timestamp).
// args: "<seconds>,<minimum finalized advance>,<label>". Fails if finality advanced less.
const { nodeApi, heights, timestampAt, figure, sleep } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const [seconds, minAdvance, label] = [Number(args[0]), Number(args[1]), args[2]];
  const api = await nodeApi(networkInfo, nodeName);
  const start = await heights(api);
  const lagBlocks = [];
  const lagSeconds = [];
  const deadline = Date.now() + seconds * 1000;
  let last = start;
  while (Date.now() < deadline) {
    last = await heights(api);
    lagBlocks.push(last.best - last.finalized);
    lagSeconds.push((Date.now() - (await timestampAt(api, last.finalizedHash))) / 1000);
    await sleep(3000);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const advance = last.finalized - start.finalized;
  figure(`finality lag, ${label} (mean of ${lagBlocks.length} samples over ${seconds} s)`, mean(lagBlocks).toFixed(1), 'blocks');
  figure(`finality lag, ${label}`, mean(lagSeconds).toFixed(1), 's');
  figure(`finalized parachain blocks in ${seconds} s, ${label}`, advance, 'blocks');
  await api.disconnect();
  if (advance < minAdvance) {
    throw new Error(`${label}: finality advanced ${advance} blocks in ${seconds} s, expected at least ${minAdvance}`);
  }
  return 1;
}

module.exports = { run };
