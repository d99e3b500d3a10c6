// Profit sharing in the console: the agreements an account is part of (as vendor or supplier),
// the shares of the version in force and of a proposed one, progress toward the threshold, and a
// supplier's ledger per currency with what it can claim. A vendor proposes an agreement, proposes
// a change to one in force, withdraws a proposal and gives notice to end; a beneficiary accepts
// a version and consents to end now; anyone closes an ended agreement whose orders have ended.
import { blockClock, currencyInfo, formatAmount, type Api } from './chain';
import { toUnits } from './vendor-listings';
import { h, shortAddress, txButtons } from './ui';
import type { Account } from './wallet';

/** A Perbill as a percentage, as precise as it is ("30%", "0.001%"). */
const share = (perbill: number) => `${Number((perbill / 10_000_000).toFixed(7))}%`;

/** A terms editor: beneficiaries one per line (`account percent`), and a threshold. */
function termsEditor(prefix: string) {
  const beneficiaries = h('textarea', { class: `${prefix}-beneficiaries`, rows: '3', cols: '60', placeholder: 'One per line: account share%, e.g. 5Fxy… 12.5' });
  const kind = h('select', { class: `${prefix}-threshold-kind` }, h('option', { value: 'Revenue' }, 'revenue above (CMRC)'), h('option', { value: 'Units' }, 'units sold above'));
  const value = h('input', { class: `${prefix}-threshold`, type: 'number', min: '0', step: 'any', value: '0' });
  const read = () => ({
    beneficiaries: beneficiaries.value
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([who, percent]) => [who, Math.round(Number((percent ?? '').replace('%', '')) * 10_000_000)] as [string, number]),
    threshold: kind.value === 'Units'
      ? { type: 'Units' as const, value: BigInt(Math.floor(Number(value.value))) }
      : { type: 'Revenue' as const, value: toUnits(value.value, 12) },
  });
  return { fields: [beneficiaries, ' Shared from ', kind, ' ', value], read };
}

export async function sharingSection(api: Api, account: Account, status: HTMLElement, refresh: () => void, isVendor = false) {
  const [agreements, clock] = await Promise.all([api.query.ProfitSharing.Agreements.getEntries({ at: 'best' }), blockClock(api)]);
  const native = await currencyInfo(api, { type: 'Native' });
  const run = txButtons(api, status, () => account.signer, refresh);
  const cards: HTMLElement[] = [];
  for (const { keyArgs: [id], value: agreement } of agreements.sort((a, b) => a.keyArgs[0] - b.keyArgs[0])) {
    const versions = await api.apis.ProfitSharingApi.versions(id);
    const ours = agreement.vendor === account.address;
    const mine = versions.some(([, v]) => v.terms.beneficiaries.some(([who]) => who === account.address));
    if (!ours && !mine) continue;
    const lines: (HTMLElement | string)[] = [];
    for (const [index, version] of versions) {
      if (version.status.type === 'Superseded') continue;
      const parties = version.terms.beneficiaries.map(([who, part], i) => {
        const accepted = (version.accepted >> i) & 1 ? ' ✓' : '';
        return `${who === account.address ? 'you' : shortAddress(who)} ${share(part)}${accepted}`;
      });
      const threshold = version.terms.threshold.type === 'Revenue'
        ? `above ${formatAmount(version.terms.threshold.value, native)} of revenue`
        : `above ${version.terms.threshold.value} units`;
      const row = h('p', { class: 'version', 'data-version': String(index), 'data-status': version.status.type }, `Version ${index} (${version.status.type.toLowerCase()}): ${parties.join(', ')}; ${threshold}.`);
      const position = version.terms.beneficiaries.findIndex(([who]) => who === account.address);
      if (version.status.type === 'Proposed' && position >= 0 && !((version.accepted >> position) & 1)) {
        row.append(' ', run(`Accept version ${index}`, 'accept-version', () => api.tx.ProfitSharing.accept({ agreement: id, version: index })));
      }
      if (version.status.type === 'Proposed' && ours) {
        row.append(' ', run('Withdraw this proposal', 'withdraw-proposal', () => api.tx.ProfitSharing.withdraw_proposal({ agreement: id })));
      }
      if (version.status.type === 'Active' && agreement.ending && position >= 0 && !((agreement.ending.consents >> position) & 1) && agreement.ending.at > clock.number) {
        row.append(' ', run('Consent to end now', 'consent-end', () => api.tx.ProfitSharing.consent_to_end({ agreement: id })));
      }
      lines.push(row);
    }
    const progress = await api.apis.ProfitSharingApi.progress(id);
    if (progress) lines.push(h('p', {}, `Progress: ${formatAmount(progress[0], native)} of revenue, ${progress[1]} units.`));
    for (const [currency, ledger] of await api.apis.ProfitSharingApi.ledgers(id, account.address)) {
      const info = await currencyInfo(api, currency as never);
      const line = h('p', { class: 'ledger' }, `Your ledger: received ${formatAmount(ledger.received, info)}, claimable ${formatAmount(ledger.claimable, info)}, owed back ${formatAmount(ledger.owed, info)}.`);
      if (ledger.claimable > 0n) {
        line.append(' ', run('Claim', 'claim', () => api.tx.ProfitSharing.claim({ agreement: id, beneficiary: account.address, currency: currency as never })));
      }
      lines.push(line);
    }
    // Ending: notice, consent, close.
    const ended = agreement.ending !== undefined && agreement.ending.at <= clock.number;
    if (agreement.ending && !ended) {
      lines.push(h('p', { class: 'ending' }, `Ends ${clock.date(agreement.ending.at).toLocaleString()} (block #${agreement.ending.at}), or when every beneficiary consents to end now.`));
    }
    if (ended) {
      lines.push(h('p', { class: 'ending', 'data-ended': '' }, agreement.open_orders
        ? `Ended; ${agreement.open_orders} order(s) placed under it are still open.`
        : 'Ended; its orders have all ended.'));
      if (!agreement.open_orders) lines.push(run('Close the agreement', 'close-agreement', () => api.tx.ProfitSharing.close_agreement({ agreement: id })));
    }
    if (ours && !agreement.ending && agreement.current !== undefined) {
      if (agreement.pending === undefined) {
        const editor = termsEditor('change');
        lines.push(h('p', { class: 'propose-change' }, 'Propose new terms: ', ...editor.fields, ' ',
          run('Propose the change', 'propose-change', () => api.tx.ProfitSharing.propose_change({ agreement: id, terms: editor.read() }))));
      }
      lines.push(run('Give notice to end', 'end-agreement', () => api.tx.ProfitSharing.end_agreement({ agreement: id })));
    }
    const scope = agreement.scope.type === 'Listing' ? `listing #${agreement.scope.value}` : 'all listings';
    cards.push(h('article', { class: 'agreement', 'data-agreement': String(id) }, h('h3', {}, `Agreement #${id}: ${ours ? 'yours' : `with ${shortAddress(agreement.vendor)}`}, ${scope}`), ...lines));
  }
  const form: HTMLElement[] = [];
  if (isVendor) {
    const listings = (await api.query.Orders.Listings.getEntries({ at: 'best' }))
      .filter(({ value }) => value.vendor === account.address)
      .map(({ keyArgs: [listing] }) => listing)
      .sort((a, b) => (a < b ? -1 : 1));
    const scope = h('select', { id: 'agreement-scope' }, h('option', { value: 'all' }, 'all my listings'), ...listings.map((l) => h('option', { value: String(l) }, `listing #${l}`)));
    const editor = termsEditor('new');
    form.push(h('p', { id: 'new-agreement' }, 'New agreement for ', scope, ': ', ...editor.fields, ' ',
      run('Propose the agreement', 'propose-agreement', () => api.tx.ProfitSharing.propose_agreement({
        scope: scope.value === 'all' ? { type: 'AllListings', value: undefined } : { type: 'Listing', value: BigInt(scope.value) },
        terms: editor.read(),
      }))));
  }
  return h('section', { class: 'card', id: 'sharing' }, h('h2', {}, 'Profit sharing'), ...(cards.length ? cards : [h('p', {}, 'No agreements.')]), ...form);
}
