// Generate the PAPI descriptors (`.papi/descriptors`) from the runtime WASM of the release build,
// so that the app is typed by exactly the runtime it talks to. Offline: the metadata is read from
// the WASM, not from a node. `COMMERCE_RUNTIME_WASM` overrides the path.
//
//   node scripts/descriptors.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const app = new URL('..', import.meta.url).pathname;
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/commerce-chain/target');
const wasm = process.env.COMMERCE_RUNTIME_WASM
  ?? join(target, 'release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm');
if (!existsSync(wasm)) {
  console.error(`no runtime WASM at ${wasm}: build the workspace first (scripts/env.sh build_workspace)`);
  process.exit(1);
}
// `papi add` would also add the descriptors to package.json as a `file:` dependency, which a
// fresh `npm ci` (before any build) could not resolve: the bundler aliases them instead
// (scripts/build.mjs), so package.json and the lock file are kept as they are.
const keep = ['package.json', 'package-lock.json'].map((f) => [f, readFileSync(join(app, f))]);
try {
  execFileSync('npx', ['papi', 'add', 'commerce', '--wasm', wasm, '--skip-codegen'], { cwd: app, stdio: 'inherit' });
  execFileSync('npx', ['papi', 'generate'], { cwd: app, stdio: 'inherit' });
} finally {
  for (const [f, content] of keep) writeFileSync(join(app, f), content);
}
