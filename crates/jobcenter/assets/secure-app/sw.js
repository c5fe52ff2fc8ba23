// Service worker of the companion: keeps the app shell for offline start.
// The device API is never cached (answers must be live).
"use strict";
var CACHE = "secure-app-v1";
var SHELL = [
  "/secure-app/",
  "/secure-app/app.js",
  "/secure-app/app.css",
  "/secure-app/manifest.webmanifest",
  "/secure-app/icon.svg",
  "/secure-app/icon-192.png",
  "/secure-app/icon-512.png",
  "/assets/kern/kern.min.css",
  "/assets/kern/fonts/fira-sans.css"
];

self.addEventListener("install", function (ev) {
  ev.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (ev) {
  ev.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (ev) {
  var url = new URL(ev.request.url);
  if (ev.request.method !== "GET" || url.origin !== location.origin || url.pathname.indexOf("/api/") === 0) return;
  if (SHELL.indexOf(url.pathname) < 0) return;
  // Network first (updates arrive at once), the cache when offline.
  ev.respondWith(fetch(ev.request).then(function (res) {
    var copy = res.clone();
    caches.open(CACHE).then(function (c) { c.put(url.pathname, copy); });
    return res;
  }).catch(function () { return caches.match(url.pathname); }));
});
