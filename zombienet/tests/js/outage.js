// Test 2: the chain kept producing while a collator was down. args: "<mark>,<seconds down>,
// <stopped collator>". Walks this node's blocks built after the mark and counts those whose
// timestamp falls inside the outage (from 6 s after the kill to the restart); none of them may
// be the stopped collator's. Fails if fewer than two were built.
const { nodeApi, heights, loadState, timestampAt, authorOf, accountOf, figure } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const [markName, downSeconds, stopped] = [args[0], Number(args[1]), args[2]];
  const mark = loadState(networkInfo, markName);
  const api = await nodeApi(networkInfo, nodeName);
  const stoppedAccount = accountOf(stopped);
  const from = mark.at + 6_000;
  const to = mark.at + downSeconds * 1000;
  const { best } = await heights(api);
  let during = 0;
  for (let n = mark.best + 1; n <= best; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await timestampAt(api, hash);
    if (at < from || at > to) continue;
    during += 1;
    if ((await authorOf(api, hash)) === stoppedAccount) {
      throw new Error(`block #${n} at ${new Date(at).toISOString()} was authored by ${stopped}, which was down`);
    }
  }
  figure(`parachain blocks built while ${stopped} was down (${downSeconds - 6} s window)`, during, 'blocks');
  await api.disconnect();
  if (during < 2) throw new Error(`only ${during} blocks were built while ${stopped} was down`);
  return 1;
}

module.exports = { run };
