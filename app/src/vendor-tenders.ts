// Replacement tenders in the vendor console: commit a sealed bid (the salt and the bid are kept
// in this browser until the vendor reveals), reveal it in the reveal window, close the tender
// after it.
import { AccountId, Bytes, Tuple, u128, u32 } from '@polkadot-api/substrate-bindings';
import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { currencyInfo, formatAmount, type Api } from './chain';
import { toUnits } from './vendor-listings';
import { h, submit } from './ui';
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

export async function tendersSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const [tenders, now] = await Promise.all([
    api.apis.VendorsApi.open_tenders(undefined, 100),
    api.query.System.Number.getValue({ at: 'best' }),
  ]);
  const rows = await Promise.all(tenders.map(async ([id, tender]) => {
    // Bids are in the replaced listing's currency.
    const listing = await api.apis.CommerceApi.listing(tender.listing);
    const info = await currencyInfo(api, (listing?.currency ?? { type: 'Native' }) as never);
    const stored = localStorage.getItem(keptKey(id, account.address));
    const kept: KeptBid | undefined = stored ? JSON.parse(stored) : undefined;
    const cells: (HTMLElement | string)[] = [];
    const run = (label: string, cls: string, build: () => any, after?: () => void) =>
      h('button', { class: cls, onclick: () => submit(api, build(), account.signer, status).then(() => { after?.(); refresh(); }, () => {}) }, label);
    if (now < tender.commit_end && !kept) {
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
    rows.length ? h('table', {}, ...rows) : h('p', {}, 'No open tenders.'),
  );
}
