// The buyer's order page: the order's state live from the best block, each transition as it
// happens ("in a block", then "final"), deadlines as dates, refunds, and what the buyer may do
// now (cancel before shipment, confirm or dispute after; in a dispute, when the panel rules by,
// whose evidence is filed, and more evidence).
import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { blockTime, currencyInfo, formatAmount, type Chain } from './chain';
import { h, txButtons } from './ui';
import { accountPicker, accounts, type Account } from './wallet';

const STATE_WORDS: Record<string, string> = {
  Paid: 'Paid — waiting for the vendor to ship',
  Shipped: 'Shipped — confirm when it arrives',
  Delivered: 'Delivered (attested by the carrier) — confirm or dispute',
  Disputed: 'Disputed — the consortium panel will rule',
};

const OUTCOMES: Record<string, string> = {
  Completed: 'Completed: the vendor was paid',
  CancelledByBuyer: 'Cancelled by you: refunded in full',
  Refunded: 'Refunded by the vendor',
  ShipTimeout: 'Not shipped in time: refunded in full',
  ConfirmTimeout: 'Completed when the confirm window ended',
  Ruled: 'Settled by the panel’s ruling',
};

/** What goes on chain for a piece of evidence: the `blake2_256` of its text. */
const evidenceHash = (text: string) => Binary.toHex(blake2b256(new TextEncoder().encode(text)));

export async function orderPage(chain: Chain, root: HTMLElement, id: bigint) {
  const { api } = chain;
  const summary = h('div', { id: 'order-summary' });
  const actions = h('div', { class: 'actions', id: 'order-actions' });
  const timeline = h('ol', { class: 'timeline', id: 'timeline' });
  const status = h('p', { class: 'status', id: 'order-status' });
  let account: Account | undefined;
  const picker = accountPicker(await accounts(chain.dev), 'buyer', (a) => (account = a));
  root.replaceChildren(h('h1', {}, `Order #${id}`), summary, h('label', {}, 'Act as ', picker), actions, status, h('h2', {}, 'What happened'), timeline);

  const entries = new Map<string, HTMLElement>();
  const note = (key: string, text: string, final: boolean, block: number) => {
    let li = entries.get(key);
    if (!li) {
      li = h('li', {});
      entries.set(key, li);
      timeline.append(li);
    }
    li.dataset.state = final ? 'final' : 'in-block';
    li.textContent = `${text} — block #${block}, ${final ? 'final' : 'in a block'}`;
  };
  const watch = (name: string, ev: any, text: (p: any) => string) =>
    ev.watchBest().subscribe(({ type, block, events }: any) => {
      for (const { payload } of events) {
        if (payload.order !== id || type === 'drop') continue;
        note(`${name}:${block.hash}`, text(payload), type === 'finalized', block.number);
      }
    });
  const o = api.event.Orders;
  watch('shipped', o.OrderShipped, () => 'Shipped');
  watch('attested', o.DeliveryAttested, () => 'Delivery attested');
  watch('refund', o.OrderPartiallyRefunded, () => 'Partly refunded');
  watch('disputed', o.OrderDisputed, () => 'Disputed');
  watch('closed', o.OrderClosed, (p) => OUTCOMES[p.outcome.type] ?? p.outcome.type);

  api.query.Orders.Orders.watchValue(id, { at: 'best' }).subscribe(async ({ value: order }) => {
    if (!order) {
      summary.replaceChildren(h('p', { class: 'state', 'data-state': 'closed' }, 'This order is closed; its outcome is in the history below.'));
      actions.replaceChildren();
      return;
    }
    const info = await currencyInfo(api, order.currency as any);
    const due = await blockTime(api, order.deadline);
    const state = order.state.type;
    const lines: (HTMLElement | null)[] = [
      h('p', { class: 'state', 'data-state': state }, STATE_WORDS[state] ?? state),
      h('p', {}, `${order.quantity} × ${formatAmount(order.unit_price, info)} = ${formatAmount(order.total, info)}`),
      order.refunded > 0n ? h('p', { class: 'refund' }, `Refunded so far: ${formatAmount(order.refunded, info)}`) : null,
      state !== 'Disputed'
        ? h('p', {}, `${state === 'Paid' ? 'Ships by' : 'Confirm or dispute by'} ${due.toLocaleString()} (block #${order.deadline})`)
        : null,
    ];
    const dispute = state === 'Disputed' ? await api.query.Escrow.Disputes.getValue(id, { at: 'best' }) : undefined;
    if (dispute) {
      const ruleBy = await blockTime(api, dispute.rule_by);
      const filed = [dispute.buyer_evidence && 'the buyer’s', dispute.vendor_evidence && 'the vendor’s'].filter(Boolean);
      lines.push(
        h('p', { class: 'dispute' }, `The panel rules by ${ruleBy.toLocaleString()} (block #${dispute.rule_by}); without a ruling the fallback split applies.`),
        h('p', { class: 'evidence', 'data-buyer': dispute.buyer_evidence ?? '' }, `Evidence filed: ${filed.length ? filed.join(' and ') : 'none'}.`),
      );
    }
    summary.replaceChildren(...lines.filter((l): l is HTMLElement => l !== null));
    const act = txButtons(api, status, () => account?.signer ?? 'Choose the buyer’s account.');
    const buttons: HTMLElement[] = [];
    if (state === 'Paid') buttons.push(act('Cancel and get a refund', { id: 'cancel' }, () => api.tx.Orders.cancel_order({ order: id })));
    if (state === 'Shipped' || state === 'Delivered') {
      buttons.push(act('Confirm delivery', { id: 'confirm' }, () => api.tx.Orders.confirm_delivery({ order: id })));
      const evidence = h('input', { id: 'evidence', placeholder: 'What went wrong (kept off chain; its hash is filed)' });
      buttons.push(
        evidence,
        act('Dispute', { id: 'dispute' }, () => api.tx.Escrow.open_dispute({ order: id, evidence: evidenceHash(evidence.value) })),
      );
    }
    if (dispute) {
      const evidence = h('input', { id: 'evidence', placeholder: 'More evidence (kept off chain; its hash is filed)' });
      buttons.push(evidence, act('File evidence', { id: 'file-evidence' }, () => api.tx.Escrow.submit_evidence({ order: id, evidence: evidenceHash(evidence.value) })));
    }
    actions.replaceChildren(...buttons);
  });
}
