// Small DOM helpers and the transaction status line every action shares.
import type { Transaction } from 'polkadot-api';
import type { PolkadotSigner } from 'polkadot-api/signer';
import { explain, type Api } from './chain';

type Child = Node | string | number | null | undefined | false;

/** `h('p', { class: 'x' }, 'text', child)`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | EventListener> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

export function shortAddress(address: string) {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export interface TxResult {
  ok: boolean;
  events: { type: string; value: { type: string; value: any } }[];
  block: { hash: string; number: number };
}

/**
 * Sign and submit `tx`, telling `status` each step in plain words: signing, in a block (with its
 * number), final. Resolves with the finalized result; a failed dispatch is explained from the
 * metadata's error docs and rejects.
 */
export function submit(api: Api, tx: Transaction<any, any>, signer: PolkadotSigner, status: HTMLElement): Promise<TxResult> {
  status.className = 'status pending';
  status.dataset.state = 'signing';
  status.textContent = 'Waiting for your signature…';
  return new Promise((resolve, reject) => {
    const fail = async (error: unknown) => {
      status.className = 'status error';
      status.dataset.state = 'failed';
      status.textContent = await explain(api, error);
      reject(new Error(status.textContent));
    };
    let watched;
    try {
      watched = tx.signSubmitAndWatch(signer);
    } catch (err) {
      return void fail(err);
    }
    watched.subscribe({
      next: (event: any) => {
        if (event.type === 'signed') status.textContent = 'Signed; sending to the network…';
        if (event.type === 'broadcasted') status.textContent = 'Sent; waiting for a block…';
        if (event.type === 'txBestBlocksState' && event.found) {
          if (!event.ok) return void fail(event.dispatchError);
          status.className = 'status inblock';
          status.textContent = `In block #${event.block.number}; waiting for finality…`;
          status.dataset.state = 'in-block';
        }
        if (event.type === 'finalized') {
          if (!event.ok) return void fail(event.dispatchError);
          status.className = 'status final';
          status.textContent = `Final in block #${event.block.number}.`;
          status.dataset.state = 'final';
          resolve(event as TxResult);
        }
      },
      error: fail,
    });
  });
}

/**
 * The action buttons of a page: each signs and submits the transaction its `build` makes,
 * telling `status` each step (`submit`), then runs its own `then` and the page's `after` (most
 * pages refresh). `signer()` gives the signer, or the message to show when there is none.
 * `attrs` is the button's class, or its attributes.
 */
export function txButtons(api: Api, status: HTMLElement, signer: () => PolkadotSigner | string, after?: () => void) {
  return (label: string, attrs: string | Record<string, string>, build: () => Transaction<any, any>, then?: () => void) =>
    h('button', {
      ...(typeof attrs === 'string' ? { class: attrs } : attrs),
      onclick: async () => {
        const key = signer();
        if (typeof key === 'string') return void (status.textContent = key);
        await submit(api, build(), key, status).then(() => { then?.(); after?.(); }, () => {});
      },
    }, label);
}
