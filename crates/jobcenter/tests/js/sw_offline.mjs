// Runs the companion's service worker (assets/secure-app/sw.js) in Node
// against the real portal at BASE: install caches the app shell over real
// HTTP; then, with the network gone, every shell file still answers from
// the cache with the same body, while the device API is never answered by
// the worker. Usage: node sw_offline.mjs <sw.js> <base url>. Exit 0 = pass.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const [swPath, base] = process.argv.slice(2);
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };

let online = true;
const network = async (input) => {
  if (!online) throw new TypeError("Failed to fetch (offline)");
  return fetch(input);
};

// The Cache Storage API, in memory (as a browser keeps it per origin).
const stores = new Map();
const keyOf = (k) => (typeof k === "string" ? new URL(k, base).pathname : new URL(k.url).pathname);
const caches = {
  async open(name) {
    if (!stores.has(name)) stores.set(name, new Map());
    const m = stores.get(name);
    return {
      async addAll(paths) {
        for (const p of paths) {
          const r = await network(new Request(new URL(p, base)));
          if (!r.ok) throw new TypeError(`addAll: ${p} answered ${r.status}`);
          m.set(keyOf(p), r);
        }
      },
      async put(k, res) { m.set(keyOf(k), res); },
    };
  },
  async keys() { return [...stores.keys()]; },
  async delete(k) { return stores.delete(k); },
  async match(k) {
    for (const m of stores.values()) { const r = m.get(keyOf(k)); if (r) return r.clone(); }
    return undefined;
  },
};

const listeners = {};
const self = {
  addEventListener: (type, f) => { listeners[type] = f; },
  skipWaiting: async () => {},
  clients: { claim: async () => {} },
  registration: {},
};
const context = vm.createContext({ self, caches, fetch: network, location: new URL("/secure-app/sw.js", base), URL, Request, Response, Promise, console });
vm.runInContext(readFileSync(swPath, "utf8"), context);
const shell = vm.runInContext("SHELL", context);

const settle = async (type, event) => {
  const waits = [];
  listeners[type]({ ...event, waitUntil: (p) => waits.push(p) });
  await Promise.all(waits);
};
const request = (path) => {
  let answer;
  listeners.fetch({ request: new Request(new URL(path, base)), respondWith: (p) => { answer = p; } });
  return answer;
};

await settle("install", {});
await settle("activate", {});
const online_bodies = new Map();
for (const p of shell) online_bodies.set(p, await (await fetch(new URL(p, base))).text());

online = false;
for (const p of shell) {
  const answer = request(p);
  if (!answer) fail(`the worker does not answer ${p}`);
  const r = await answer;
  if (!r || r.status !== 200) fail(`offline ${p}: ${r && r.status}`);
  if ((await r.text()) !== online_bodies.get(p)) fail(`offline ${p}: another body than online`);
}
if (request("/api/v1/secure-app/requests")) fail("the device API must never come from the worker");
if (!online_bodies.get("/secure-app/").includes("manifest.webmanifest")) fail("the shell page names no manifest");
console.log(`ok: ${shell.length} shell files answered offline from the cache`);
