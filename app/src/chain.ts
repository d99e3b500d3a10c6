// The connection to a commerce-chain node through PAPI, typed by descriptors generated from the
// runtime's own metadata (scripts/descriptors.mjs), and what every page shares: amounts in their
// currency, block numbers as dates, error docs from the metadata.
import { commerce } from '@polkadot-api/descriptors';
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';

export type Api = TypedApi<typeof commerce>;
export type Currency = { type: 'Native'; value?: undefined } | { type: 'WithId'; value: number };

export interface Chain {
  client: PolkadotClient;
  api: Api;
  node: string;
  /** True on a development chain: the dev accounts are offered, marked as such. */
  dev: boolean;
}

let chain: Promise<Chain> | undefined;

/** The node the app talks to: `?node=` in the page's URL, else the server's /config.json. */
async function nodeUrl(): Promise<string> {
  const fromUrl = new URLSearchParams(location.search).get('node');
  if (fromUrl) return fromUrl;
  const config = await fetch('/config.json').then((r) => r.json()).catch(() => ({}));
  return config.node ?? 'ws://127.0.0.1:9944';
}

export function connect(): Promise<Chain> {
  chain ??= (async () => {
    const node = await nodeUrl();
    const client = createClient(getWsProvider(node));
    const api = client.getTypedApi(commerce);
    const spec = await client.getChainSpecData();
    const dev = /dev|local/i.test(spec.name) || /dev|local/i.test(String(spec.properties?.chainType ?? ''));
    return { client, api, node, dev };
  })();
  return chain;
}

const NATIVE = { symbol: 'CMRC', decimals: 12 };
const assetMeta = new Map<number, Promise<{ symbol: string; decimals: number }>>();

/** The symbol and decimals of a currency: CMRC's, or the asset's metadata. */
export function currencyInfo(api: Api, currency: Currency) {
  if (currency.type === 'Native') return Promise.resolve(NATIVE);
  let info = assetMeta.get(currency.value);
  if (!info) {
    info = api.query.Assets.Metadata.getValue(currency.value).then((m) => ({
      symbol: new TextDecoder().decode(m.symbol) || `asset ${currency.value}`,
      decimals: m.decimals,
    }));
    assetMeta.set(currency.value, info);
  }
  return info;
}

/** "12.50 cUSD", "0.0002 CMRC": an amount in a currency's smallest units, exactly, with two decimals at least. */
export function formatAmount(units: bigint, { symbol, decimals }: { symbol: string; decimals: number }) {
  const scale = 10n ** BigInt(decimals);
  const whole = units / scale;
  // Two decimals at least, and every further one the amount has (a share below a cent shows).
  const fraction = decimals ? (units % scale).toString().padStart(decimals, '0').replace(/0+$/, '').padEnd(Math.min(2, decimals), '0') : '';
  return `${whole.toLocaleString('en')}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/**
 * The best block's number, and block numbers to dates from that block's time and the slot
 * duration (read once).
 */
export async function blockClock(api: Api): Promise<{ number: number; date: (at: number) => Date }> {
  const [now, number, slot] = await Promise.all([
    api.query.Timestamp.Now.getValue({ at: 'best' }),
    api.query.System.Number.getValue({ at: 'best' }),
    api.apis.AuraApi.slot_duration(),
  ]);
  return { number, date: (at) => new Date(Number(now) + (at - number) * Number(slot)) };
}

/** When block `at` is expected. */
export async function blockTime(api: Api, at: number): Promise<Date> {
  return (await blockClock(api)).date(at);
}

let errorDocs: Promise<Map<string, string>> | undefined;

/** "Orders.InsufficientStock" -> the error's documentation in the runtime's metadata. */
function docs(api: Api): Promise<Map<string, string>> {
  errorDocs ??= api.apis.Metadata.metadata_at_version(15).then((raw) => {
    const map = new Map<string, string>();
    if (!raw) return map;
    const metadata = unifyMetadata(decAnyMetadata(raw));
    for (const pallet of metadata.pallets) {
      if (!pallet.errors) continue;
      const def = metadata.lookup[pallet.errors.type]?.def;
      if (def?.tag !== 'variant') continue;
      for (const variant of def.value) map.set(`${pallet.name}.${variant.name}`, variant.docs.join(' ').trim());
    }
    return map;
  });
  return errorDocs;
}

/** A dispatch or validity error in plain words, from the metadata's docs. */
export async function explain(api: Api, error: unknown): Promise<string> {
  const e = error as { type?: string; value?: { type?: string; value?: { type?: string } } };
  if (e?.type === 'Module' && e.value?.type && e.value.value?.type) {
    const key = `${e.value.type}.${e.value.value.type}`;
    const text = (await docs(api)).get(key);
    return text ? `${text} (${key})` : key;
  }
  if (e?.type === 'Token' && e.value?.type === 'FundsUnavailable') return 'Not enough funds for this payment and its deposit.';
  if (error instanceof Error) {
    if (/Invalid.*Payment/i.test(error.message)) return 'The account cannot pay the transaction fee.';
    return error.message;
  }
  return JSON.stringify(error, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}
