// Service worker of the companion: keeps the app shell for offline start,
// and shows the Web Push wake-up ("a login waits for your approval") when
// the portal has push configured. The device API is never cached (answers
// must be live); the push message carries nothing of the request.
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

self.addEventListener("push", function (ev) {
  ev.waitUntil(self.registration.showNotification("Anmeldung freigeben?", {
    body: "Eine Anmeldung in Ihr Konto wartet auf Ihre Freigabe. Öffnen Sie die App und vergleichen Sie die Zahl.",
    icon: "/secure-app/icon-192.png",
    tag: "anmeldung",
    renotify: true,
    lang: "de"
  }));
});

self.addEventListener("notificationclick", function (ev) {
  ev.notification.close();
  ev.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
    for (var i = 0; i < list.length; i++) {
      if (new URL(list[i].url).pathname.indexOf("/secure-app/") === 0 && "focus" in list[i]) return list[i].focus();
    }
    return self.clients.openWindow("/secure-app/");
  }));
});
