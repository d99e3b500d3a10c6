// The vendor console's listings (create, reprice, restock) and KPIs (each kept period's rates as
// bars next to the consortium's policy thresholds, and the vendor's place on the ladder).
import { Binary } from 'polkadot-api';
import { currencyInfo, formatAmount, type Api } from './chain';
import { title } from './storefront';
import { h, submit } from './ui';
import type { Account } from './wallet';

const pct = (perbill: number) => perbill / 10_000_000;

export async function listingsSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const entries = await api.query.Orders.Listings.getEntries({ at: 'best' });
  const mine = entries.filter(({ value }) => value.vendor === account.address).sort((a, b) => (a.keyArgs[0] < b.keyArgs[0] ? -1 : 1));
  const rows = await Promise.all(
    mine.map(async ({ keyArgs: [id], value }) => {
      const info = await currencyInfo(api, value.currency as never);
      const price = h('input', { class: 'price', type: 'number', min: '0', step: 'any', value: String(Number(value.unit_price) / 10 ** info.decimals) });
      const stock = h('input', { class: 'stock', type: 'number', min: '0', value: String(value.stock) });
      return h(
        'tr',
        { 'data-listing': String(id) },
        h('td', {}, `#${id}`),
        h('td', {}, title(value.metadata)),
        h('td', {}, formatAmount(value.unit_price, info)),
        h('td', {}, `${value.stock} (${value.reserved} reserved)`),
        h('td', {}, price, stock, h('button', {
          class: 'update',
          onclick: async () => {
            const unit_price = toUnits(price.value, info.decimals);
            const newStock = Number(stock.value);
            const tx = api.tx.Orders.update_listing({
              listing: id,
              unit_price: unit_price === value.unit_price ? undefined : unit_price,
              stock: newStock === value.stock ? undefined : newStock,
            });
            await submit(api, tx, account.signer, status).then(refresh, () => {});
          },
        }, 'Update')),
      );
    }),
  );
  const name = h('input', { id: 'new-title', placeholder: 'Title' });
  const price = h('input', { id: 'new-price', type: 'number', min: '0', step: 'any', placeholder: 'Price in CMRC' });
  const stock = h('input', { id: 'new-stock', type: 'number', min: '1', value: '10' });
  const create = h('button', {
    id: 'create-listing',
    onclick: async () => {
      const tx = api.tx.Orders.create_listing({
        currency: { type: 'Native', value: undefined },
        unit_price: toUnits(price.value, 12),
        stock: Number(stock.value),
        metadata: Binary.fromText(JSON.stringify({ title: name.value.trim() })),
        // Blocks: a day to ship and a week to confirm at six-second blocks.
        ship_window: 14_400,
        confirm_window: 100_800,
      });
      await submit(api, tx, account.signer, status).then(refresh, () => {});
    },
  }, 'List');
  return h(
    'section',
    { class: 'card', id: 'listings' },
    h('h2', {}, 'Listings'),
    rows.length
      ? h('table', {}, h('tr', {}, ...['', 'Title', 'Price', 'Stock', 'Change'].map((t) => h('th', {}, t))), ...rows)
      : h('p', {}, 'No listings yet.'),
    h('p', {}, 'New listing (CMRC): ', name, price, stock, create),
  );
}

/** "12.5" in a currency of `decimals` decimals to its smallest units. */
export function toUnits(text: string, decimals: number): bigint {
  const [whole, fraction = ''] = text.trim().split('.');
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
}

export async function kpiSection(api: Api, account: Account) {
  const [record, performance, policy] = await Promise.all([
    api.apis.VendorsApi.vendor(account.address),
    api.apis.VendorsApi.performance(account.address),
    api.query.Vendors.ActivePolicy.getValue({ at: 'best' }),
  ]);
  const ladder = record
    ? `${record.status.type}${record.status.type === 'Probation' ? ` until block #${(record.status.value as { ends: number }).ends}` : ''}${record.warned ? ', warned' : ''}; ${record.failed_cures} failed cure${record.failed_cures === 1 ? '' : 's'}`
    : 'not registered';
  const metrics = [
    { key: 'on_time', label: 'Shipped on time', limit: policy ? pct(policy.min_on_time) : undefined, atLeast: true },
    { key: 'defect', label: 'Defects', limit: policy ? pct(policy.max_defect) : undefined, atLeast: false },
    { key: 'order_defect', label: 'Order defects', limit: policy ? pct(policy.max_order_defect) : undefined, atLeast: false },
    { key: 'cancellation', label: 'Cancellations', limit: policy ? pct(policy.max_cancellation) : undefined, atLeast: false },
  ] as const;
  const chart = (values: number[], limit: number | undefined, atLeast: boolean) => {
    const width = 24 * Math.max(values.length, 1);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} 60`);
    svg.setAttribute('width', String(width * 2));
    svg.setAttribute('height', '120');
    values.forEach((v, i) => {
      const bar = document.createElementNS(svg.namespaceURI, 'rect');
      const ok = limit === undefined || (atLeast ? v >= limit : v <= limit);
      Object.entries({ x: i * 24 + 4, y: 60 - v * 0.6, width: 16, height: v * 0.6, fill: ok ? '#3a8f4b' : '#c0392b' }).forEach(([k, val]) => bar.setAttribute(k, String(val)));
      svg.append(bar);
    });
    if (limit !== undefined) {
      const line = document.createElementNS(svg.namespaceURI, 'line');
      Object.entries({ x1: 0, x2: width, y1: 60 - limit * 0.6, y2: 60 - limit * 0.6, stroke: '#1d2330', 'stroke-dasharray': '3 2' }).forEach(([k, val]) => line.setAttribute(k, String(val)));
      svg.append(line);
    }
    return svg;
  };
  const periods = performance.map(([kpis]) => kpis.period);
  return h(
    'section',
    { class: 'card', id: 'kpis' },
    h('h2', {}, 'Performance'),
    h('p', { id: 'ladder' }, `Standing: ${ladder}.`),
    policy ? h('p', { class: 'hint' }, `Policy: judged from ${policy.min_sample} orders a period; dashed lines are its thresholds.`) : h('p', {}, 'No policy in force.'),
    performance.length
      ? h(
          'div',
          { class: 'charts' },
          ...metrics.map((m) => {
            const values = performance.map(([, rates]) => pct(rates[m.key]));
            return h('figure', { 'data-metric': m.key }, chart(values, m.limit, m.atLeast), h('figcaption', {}, `${m.label}: ${values.map((v, i) => `period ${periods[i]} ${v.toFixed(1)}%`).join(', ')}${m.limit !== undefined ? ` (${m.atLeast ? 'at least' : 'at most'} ${m.limit.toFixed(1)}%)` : ''}`));
          }),
        )
      : h('p', {}, 'No periods recorded yet.'),
  );
}
