// The app's entry: routes `#/` (storefront), `#/order/<id>` (an order), `#/vendor` (vendor
// console), and `/provenance/<batch>` (the QR page) over one PAPI connection.
import { connect } from './chain';
import { orderPage } from './order';
import { provenancePage } from './provenance';
import { storefront } from './storefront';
import { h } from './ui';
import { vendorConsole } from './vendor';

const root = document.getElementById('app')!;

async function route() {
  const chain = await connect();
  document.getElementById('chain')!.textContent = `${chain.node}${chain.dev ? ' · development chain' : ''}`;
  const path = location.hash.replace(/^#/, '') || '/';
  const order = path.match(/^\/order\/(\d+)$/);
  // The resolver sends a QR code's scan to /provenance/<batch> (a path, not a hash route).
  const batch = location.pathname.match(/^\/provenance\/(\d+)\/?$/);
  try {
    if (batch) await provenancePage(chain, root, BigInt(batch[1]));
    else if (order) await orderPage(chain, root, BigInt(order[1]));
    else if (path === '/vendor') await vendorConsole(chain, root);
    else await storefront(chain, root);
  } catch (err) {
    root.replaceChildren(h('p', { class: 'status error' }, `Could not load this page: ${err}`));
  }
}

window.addEventListener('hashchange', route);
route();
