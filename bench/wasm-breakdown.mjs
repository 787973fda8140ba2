// Where the wasm's bytes go, by crate, from `twiggy top` on the release
// build after wasm-bindgen and before wasm-opt (it still has function
// names; wasm-opt drops them and shrinks everything by about a third). Not a
// test: it prints one line per group and asserts nothing.
//   node bench/wasm-breakdown.mjs [path/to/cargo/folio.wasm]   (./x bench runs it)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const cargoWasm = process.argv[2] || 'target/wasm32-unknown-unknown/release/folio.wasm';
const out = mkdtempSync(join(tmpdir(), 'folio-twiggy-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, cargoWasm]);
const wasm = join(out, basename(cargoWasm).replace(/\.wasm$/, '_bg.wasm'));
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], {
  encoding: 'utf8', maxBuffer: 1 << 28,
});

const GROUPS = [
  ['Leptos framework (reactive_graph, tachys, router, meta)', /^(reactive_graph|tachys|leptos|leptos_router|leptos_meta|leptos_macro|either_of|any_spawner|or_poisoned|throw_error|hydration_context|server_fn|oco_ref|send_wrapper|slotmap|guardian)$/],
  ['Folio (app, content, views)', /^(folio|folio_content|folio_views)$/],
  ['Rust core/alloc/std', /^(core|alloc|std|hashbrown|dlmalloc|compiler_builtins|__rustc|rustc_demangle)$/],
  ['pulldown-cmark', /^(pulldown_cmark|pulldown_cmark_escape|unicase|memchr)$/],
  ['serde, serde_json', /^(serde|serde_json|serde_core|serde_wasm_bindgen|itoa|ryu|zmij)$/],
  ['wasm-bindgen, js-sys, web-sys', /^(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures|gloo_net|gloo_utils|console_error_panic_hook|console_log|log)$/],
  ['indexed_db_futures', /^(indexed_db_futures|accessory|delegate_display|fancy_constructor|sealed)$/],
  ['futures, time, percent-encoding', /^(futures|futures_util|futures_core|futures_channel|futures_task|time|time_core|percent_encoding|pin_project_lite|pin_project)$/],
];

function crateOf(name) {
  let n = name.replace(/^"|"$/g, '').replace(/\[[0-9a-f]{16}\]/g, '');
  n = n.replace(/^</, '').replace(/^&(mut )?/, '').replace(/^(\w+ as )/, '').replace(/^</, '').replace(/^&(mut )?/, '');
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return m ? m[1] : null;
}

const totals = new Map();
let code = 0;
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  // Name,ShallowSize,... with the name possibly quoted and holding commas.
  const m = line.match(/^(".*"|[^,]*),(\d+),/);
  if (!m) continue;
  const [name, size] = [m[1], Number(m[2])];
  if (/subsection|custom section|^"?Σ/.test(name)) continue; // names and metadata, not shipped
  let group = 'other';
  if (/data segment|^"?data\[/.test(name)) group = 'static data';
  else {
    const crate = crateOf(name);
    const found = crate && GROUPS.find(([, re]) => re.test(crate));
    if (found) group = found[0];
  }
  totals.set(group, (totals.get(group) || 0) + size);
  code += size;
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
for (const [group, size] of rows) {
  console.log(`wasm ${group}: ${(size / 1024).toFixed(1)} KiB (${((100 * size) / code).toFixed(1)}%)`);
}
console.log(`wasm code and data before wasm-opt: ${(code / 1024).toFixed(1)} KiB`);
rmSync(out, { recursive: true, force: true });
