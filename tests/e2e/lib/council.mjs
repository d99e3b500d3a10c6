// Council motions on the development chain, whose council is Alice, Bob and Charlie.
import { submit } from './node.mjs';

const ofPallet = (events, section, method) =>
  events.find(({ event }) => event.section === section && event.method === method)?.event;

/**
 * Pass `call` by a two-thirds council motion: Alice proposes, Alice and Bob vote aye, Alice
 * closes. `alice` and `bob` are their keyring pairs. Resolves with the close's result.
 */
export async function councilMotion(api, call, alice, bob) {
  const proposed = await submit(api, api.tx.council.propose(2, call, call.method.encodedLength), alice);
  const { proposalIndex, proposalHash } = ofPallet(proposed.events, 'council', 'Proposed').data;
  await submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), alice);
  await submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), bob);
  return submit(
    api,
    api.tx.council.close(proposalHash, proposalIndex, { refTime: 10_000_000_000n, proofSize: 1_000_000n }, call.method.encodedLength),
    alice,
  );
}
