// Replacement tenders in the vendor console: commit a sealed bid (the salt and the bid are kept
// in this browser until the vendor reveals), reveal it in the reveal window, close the tender
// after it. Kept bids can be exported to a file and imported in another browser (each checked
// against the commitment on chain), so that a bid is not lost with one browser's storage.
import { AccountId, Bytes, Tuple, u128, u32 } from '@polkadot-api/substrate-bindings';
import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { currencyInfo, formatAmount, type Api } from './chain';
import { toUnits } from './vendor-listings';
import { h, submit, txButtons } from './ui';
import type { Account } from './wallet';

interface KeptBid {
  unitPrice: string;
  shipWindow: number;
  salt: string;
}

const keptKey = (tender: number, account: string) => `bid:${tender}:${account}`;

const bidTerms = Tuple(u32, AccountId(), u128, u32, Bytes(32));

/** `blake2_256` of SCALE `(tender: u32, bidder, unit_price: u128, ship_window: u32, salt)`. */
export function commitment(tender: number, bidder: string, unitPrice: bigint, shipWindow: number, salt: Uint8Array): Uint8Array {
  return blake2b256(bidTerms.enc([tender, bidder, unitPrice, shipWindow, salt]));
}

/** The bids this browser keeps for `account`, by tender. */
function keptBids(account: string): Record<string, KeptBid> {
  const bids: Record<string, KeptBid> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const match = localStorage.key(i)?.match(/^bid:(\d+):(.+)$/);
    if (match && match[2] === account) bids[match[1]] = JSON.parse(localStorage.getItem(match[0])!);
  }
  return bids;
}

const FILE_KIND = 'commerce-chain kept bids';

/** Export and import of kept bids: a JSON file with each bid's terms and salt. */
// The last export or import's outcome: the section is rebuilt after an import, the message stays.
let lastTransfer = '';

function keptBidsTransfer(api: Api, account: Account, refresh: () => void) {
  const message = h('span', { class: 'bids-io', id: 'bids-io', ...(lastTransfer ? { 'data-state': 'done' } : {}) }, lastTransfer);
  const exportButton = h('button', {
    id: 'export-bids',
    onclick: () => {
      const bids = keptBids(account.address);
      const file = new Blob([JSON.stringify({ kind: FILE_KIND, account: account.address, bids }, null, 2)], { type: 'application/json' });
      const link = h('a', { href: URL.createObjectURL(file), download: `kept-bids-${account.address.slice(0, 8)}.json` });
      link.click();
      URL.revokeObjectURL(link.href);
      message.textContent = lastTransfer = `Exported ${Object.keys(bids).length} kept bid(s): the file holds their salts, keep it private.`;
    },
  }, 'Export kept bids');
  const input = h('input', {
    id: 'import-bids',
    type: 'file',
    accept: 'application/json',
    onchange: async () => {
      const file = input.files?.[0];
      if (!file) return;
      message.dataset.state = 'working';
      lastTransfer = await importBids(api, account.address, await file.text());
      input.value = '';
      refresh();
    },
  });
  return h('p', { class: 'hint' }, exportButton, ' ', h('label', {}, 'Import kept bids ', input), ' ', message);
}

/** Keep the bids of `text` that match this account's commitments on chain; says what it did. */
async function importBids(api: Api, account: string, text: string): Promise<string> {
  let parsed: { kind?: string; account?: string; bids?: Record<string, KeptBid> };
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'Not a kept-bids file (not JSON).';
  }
  if (parsed.kind !== FILE_KIND || !parsed.bids) return 'Not a kept-bids file.';
  if (parsed.account !== account) return `These bids are another account's (${parsed.account}).`;
  let kept = 0;
  let rejected = 0;
  for (const [tender, bid] of Object.entries(parsed.bids)) {
    const onChain = await api.query.Vendors.Bids.getValue(Number(tender), account, { at: 'best' });
    const matches = onChain !== undefined && !onChain.revealed
      && Binary.toHex(commitment(Number(tender), account, BigInt(bid.unitPrice), bid.shipWindow, Binary.fromHex(bid.salt))) === onChain.commitment;
    if (matches) {
      localStorage.setItem(keptKey(Number(tender), account), JSON.stringify(bid));
      kept++;
    } else rejected++;
  }
  return `Imported ${kept} bid(s)${rejected ? `; ${rejected} did not match an unrevealed bid on chain and were left out` : ''}.`;
}

export async function tendersSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const [tenders, now] = await Promise.all([
    api.apis.VendorsApi.open_tenders(undefined, 100),
    api.query.System.Number.getValue({ at: 'best' }),
  ]);
  const rows = await Promise.all(tenders.map(async ([id, tender]) => {
    // Bids are in the replaced listing's currency.
    const listing = await api.apis.CommerceApi.listing(tender.listing);
    const info = await currencyInfo(api, (listing?.currency ?? { type: 'Native' }) as never);
    const onChain = await api.query.Vendors.Bids.getValue(id, account.address, { at: 'best' });
    // Revealed (here or from another browser): the kept copy and its salt are of no more use.
    if (onChain?.revealed) localStorage.removeItem(keptKey(id, account.address));
    const stored = localStorage.getItem(keptKey(id, account.address));
    const kept: KeptBid | undefined = stored ? JSON.parse(stored) : undefined;
    const committed = !kept && onChain;
    const cells: (HTMLElement | string)[] = [];
    const run = txButtons(api, status, () => account.signer, refresh);
    if (committed && !committed.revealed && now < tender.reveal_end) {
      cells.push('Committed from another browser: import its kept bids to reveal here');
    } else if (now < tender.commit_end && !kept && !committed) {
      const price = h('input', { class: 'bid-price', type: 'number', min: '0', step: 'any', placeholder: `Unit price (${info.symbol})` });
      const window = h('input', { class: 'bid-window', type: 'number', min: '1', value: String(tender.max_ship_window), title: 'Ship window, blocks' });
      const salt = crypto.getRandomValues(new Uint8Array(32));
      cells.push(price, window, h('button', {
        class: 'commit',
        onclick: async () => {
          const unitPrice = toUnits(price.value, info.decimals);
          const bid: KeptBid = { unitPrice: unitPrice.toString(), shipWindow: Number(window.value), salt: Binary.toHex(salt) };
          // Kept before signing: a bid committed without its salt could never be revealed.
          localStorage.setItem(keptKey(id, account.address), JSON.stringify(bid));
          const sealed = commitment(id, account.address, unitPrice, bid.shipWindow, salt);
          await submit(api, api.tx.Vendors.commit_bid({ tender: id, commitment: Binary.toHex(sealed) }), account.signer, status).then(refresh, () => {
            localStorage.removeItem(keptKey(id, account.address));
          });
        },
      }, 'Commit sealed bid'));
    } else if (kept && now >= tender.commit_end && now < tender.reveal_end) {
      cells.push(run(`Reveal ${formatAmount(BigInt(kept.unitPrice), info)}`, 'reveal', () =>
        api.tx.Vendors.reveal_bid({ tender: id, unit_price: BigInt(kept.unitPrice), ship_window: kept.shipWindow, salt: kept.salt as `0x${string}` }),
      () => localStorage.removeItem(keptKey(id, account.address))));
    } else if (kept) {
      cells.push(now < tender.commit_end ? 'Committed; reveal from block #' + tender.commit_end : 'Committed; the reveal window has ended');
    } else if (now >= tender.reveal_end) {
      cells.push(run('Close and award', 'close', () => api.tx.Vendors.close_tender({ tender: id })));
    } else {
      cells.push('Reveal window');
    }
    return h(
      'tr',
      { 'data-tender': String(id) },
      h('td', {}, `#${id}`),
      h('td', {}, `listing #${tender.listing}, ${tender.quantity} units`),
      h('td', {}, `reference ${formatAmount(tender.reference_price, info)}`),
      h('td', {}, `commit until #${tender.commit_end}, reveal until #${tender.reveal_end}; ${tender.bids} bid${tender.bids === 1 ? '' : 's'}`),
      h('td', {}, ...cells),
    );
  }));
  return h(
    'section',
    { class: 'card', id: 'tenders' },
    h('h2', {}, 'Replacement tenders'),
    h('p', { class: 'hint' }, `Block #${now}. A bid is sealed: its price, ship window and a random salt stay in this browser until you reveal.`),
    keptBidsTransfer(api, account, refresh),
    rows.length ? h('table', {}, ...rows) : h('p', {}, 'No open tenders.'),
  );
}
