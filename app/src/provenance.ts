// The consumer's QR page: a batch's history from the chain, reached from its GS1 Digital Link
// (the resolver redirects `/01/{gtin}/10/{lot}` here). Each EPCIS event with who attested it (a
// party the consortium's vetting body registered, with its roles), custody, corrections, and the
// orders the batch was shipped against. No buyer data: a shipment to a buyer shows the order,
// never the buyer's account.
import { Binary } from 'polkadot-api';
import { blockClock, type Chain } from './chain';
import { h, shortAddress } from './ui';

const ROLE_NAMES = ['producer', 'carrier', 'warehouse', 'retailer', 'inspector'];
const STEP_WORDS: Record<string, string> = {
  Commissioning: 'Made (commissioned)',
  Shipping: 'Shipped',
  Receiving: 'Received',
  Storing: 'Stored',
  Inspecting: 'Inspected',
  SensorReporting: 'Sensor readings',
  Packing: 'Packed',
  RetailSelling: 'Sold',
};

export async function provenancePage(chain: Chain, root: HTMLElement, batch: bigint) {
  const { api } = chain;
  const [found, link, orders] = await Promise.all([
    api.query.Provenance.Batches.getValue(batch, { at: 'best' }),
    api.apis.ProvenanceApi.digital_link(batch),
    api.apis.ProvenanceApi.orders_of_batch(batch),
  ]);
  if (!found) {
    root.replaceChildren(h('h1', {}, 'Unknown product'), h('p', {}, `No batch ${batch} on this chain.`));
    return;
  }
  const roles = new Map<string, string>();
  const party = async (who: string) => {
    if (!roles.has(who)) {
      const attester = await api.query.Provenance.Attesters.getValue(who, { at: 'best' });
      const names = attester ? ROLE_NAMES.filter((_, i) => attester.roles & (1 << i)) : [];
      roles.set(who, names.length ? `${shortAddress(who)} (${names.join(', ')})` : shortAddress(who));
    }
    return roles.get(who)!;
  };
  const [history, clock] = await Promise.all([api.apis.ProvenanceApi.history(batch, 0, 100), blockClock(api)]);
  const timeline = h('ol', { class: 'timeline', id: 'provenance-timeline' });
  for (const [id, event, correctedBy] of history) {
    const step = event.biz_step.type;
    const when = new Date(Number(event.details.event_time));
    const recorded = clock.date(event.recorded_at);
    const lines: (HTMLElement | string)[] = [
      h('strong', {}, STEP_WORDS[step] ?? step),
      ` — ${when.toLocaleString()}`,
      h('br', {}),
      `Attested by ${await party(event.attester)}, recorded in block #${event.recorded_at} (${recorded.toLocaleString()})`,
    ];
    if (event.to) lines.push(h('br', {}), event.order !== undefined ? `To the buyer of order #${event.order}` : `To ${await party(event.to)}`);
    if (event.details.disposition) lines.push(h('br', {}), `Condition: ${event.details.disposition.type}`);
    for (const reading of event.details.readings) {
      lines.push(h('br', {}), `${reading.kind.type}: ${reading.kind.type === 'Temperature' ? `${Number(reading.value) / 1000} °C` : String(reading.value)}`);
    }
    if (event.corrects) lines.push(h('br', {}), `Corrects event ${event.corrects[0]} (${event.corrects[1].type})`);
    const li = h('li', { 'data-event': String(id), 'data-step': step, class: correctedBy !== undefined ? 'corrected' : '' }, ...lines);
    if (correctedBy !== undefined) li.append(h('br', {}), h('em', {}, `Declared erroneous by event ${correctedBy}`));
    timeline.append(li);
  }
  const status = found.status.type === 'InTransit' ? 'in transit' : found.status.type === 'Held' ? 'held' : found.status.type.toLowerCase();
  root.replaceChildren(
    h('h1', {}, 'Where this product has been'),
    h('p', { id: 'provenance-key' }, link ? Binary.toText(link) : `batch ${batch}`),
    h('p', {}, `Made by ${await party(found.producer)}; now ${status}, held by ${await party(found.custodian)}.`),
    ...(orders.length ? [h('p', { id: 'provenance-orders' }, `Sold in order${orders.length > 1 ? 's' : ''} ${orders.map((o) => `#${o}`).join(', ')}.`)] : []),
    h('h2', {}, `${history.length} attested events`),
    timeline,
  );
  document.body.dataset.provenance = String(batch);
}
