// The companion web app ("Secure-App", MFA-32 … MFA-34). It keeps a P-256
// key made by WebCrypto (private part not extractable, stored as a CryptoKey
// in IndexedDB), registers the public key through the device API, and signs
// every answer over request id, challenge, number and decision. Each
// approval is gated by the device's user verification (a WebAuthn platform
// credential created at linking). Protocol: docs/SECURE-APP-PROTOCOL.md.
(function () {
  "use strict";

  var API = "/api/v1/secure-app";
  var CONTEXT = "jobcenter-secure-app-v1";
  var $ = function (id) { return document.getElementById(id); };

  // ---- storage (IndexedDB: one record "geraet") ----
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open("secure-app", 1);
      open.onupgradeneeded = function () { open.result.createObjectStore("geraet"); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function load() {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var r = d.transaction("geraet").objectStore("geraet").get("main");
        r.onsuccess = function () { resolve(r.result || null); };
        r.onerror = function () { reject(r.error); };
      });
    });
  }
  function save(value) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction("geraet", "readwrite");
        if (value) t.objectStore("geraet").put(value, "main"); else t.objectStore("geraet").delete("main");
        t.oncomplete = function () { resolve(); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }

  // ---- helpers ----
  function b64url(buf) {
    var s = "", bytes = new Uint8Array(buf);
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromB64url(s) {
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function random(n) { var a = new Uint8Array(n); crypto.getRandomValues(a); return a; }
  function say(text) { $("meldung").textContent = text || ""; }
  function show(id) {
    ["start", "verknuepfen", "warten", "bereit"].forEach(function (s) { $(s).hidden = s !== id; });
  }
  function api(path, method, device, body) {
    var headers = { Accept: "application/json" };
    if (device) headers.Authorization = "Bearer " + device.deviceId + "." + device.deviceSecret;
    if (body) headers["Content-Type"] = "application/json";
    return fetch(API + path, { method: method || "GET", headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: "omit" })
      .then(function (r) {
        return r.text().then(function (t) {
          var v = null;
          try { v = t ? JSON.parse(t) : null; } catch (e) { v = null; }
          return { status: r.status, body: v };
        });
      });
  }
  function guessName() {
    var ua = navigator.userAgent;
    var os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iPhone" : /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "Mac" : /Linux/.test(ua) ? "Linux" : "Gerät";
    return "Mein " + os;
  }

  // User verification: a WebAuthn platform credential of this device only.
  function createVerifier(name) {
    if (!window.PublicKeyCredential || !navigator.credentials) return Promise.reject(new Error("no-webauthn"));
    return navigator.credentials.create({ publicKey: {
      rp: { name: "Secure-App" },
      user: { id: random(16), name: name, displayName: name },
      challenge: random(32),
      pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
      authenticatorSelection: { authenticatorAttachment: "platform", userVerification: "required", residentKey: "discouraged" },
      attestation: "none",
      timeout: 120000
    } }).then(function (c) { return c.rawId; });
  }
  function verifyUser(device, challenge) {
    return navigator.credentials.get({ publicKey: {
      challenge: fromB64url(challenge),
      allowCredentials: [{ type: "public-key", id: device.credentialId }],
      userVerification: "required",
      timeout: 120000
    } }).then(function (a) {
      if (!a || !(new Uint8Array(a.response.authenticatorData)[32] & 0x04)) throw new Error("no-uv");
    });
  }

  // ---- linking ----
  function link(token) {
    show("verknuepfen");
    $("geraetename").value = guessName();
    $("verknuepfen-formular").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var name = $("geraetename").value.trim();
      if (name.length < 1 || name.length > 60) { say("Bitte geben Sie einen Namen mit 1 bis 60 Zeichen ein."); $("geraetename").focus(); return; }
      $("verknuepfen-knopf").disabled = true;
      say("Bitte bestätigen Sie mit Fingerabdruck, Gesicht oder PIN.");
      var keys, credentialId;
      createVerifier(name)
        .then(function (id) {
          credentialId = id;
          return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
        })
        .then(function (k) { keys = k; return crypto.subtle.exportKey("raw", k.publicKey); })
        .then(function (raw) { return api("/link", "POST", null, { token: token, name: name, public_key: b64url(raw) }); })
        .then(function (r) {
          if (r.status === 201) {
            var device = { deviceId: r.body.device_id, deviceSecret: r.body.device_secret, privateKey: keys.privateKey, credentialId: credentialId, name: name };
            return save(device).then(function () { history.replaceState(null, "", "/secure-app/"); say(""); waitForConfirmation(device); });
          }
          var code = r.body && r.body.error ? r.body.error.code : "";
          say(code === "link_expired" ? "Die Einrichtungszeit ist abgelaufen. Bitte starten Sie die Einrichtung im Portal neu."
            : "Der Link ist nicht (mehr) gültig. Bitte starten Sie die Einrichtung im Portal neu.");
          $("verknuepfen-knopf").disabled = false;
        })
        .catch(function (e) {
          say(e && e.message === "no-webauthn" ? "Dieses Gerät kann Freigaben nicht mit Fingerabdruck, Gesicht oder PIN schützen. Bitte nutzen Sie ein anderes Gerät."
            : "Die Verknüpfung wurde abgebrochen. Bitte versuchen Sie es erneut.");
          $("verknuepfen-knopf").disabled = false;
        });
    });
  }

  function waitForConfirmation(device) {
    show("warten");
    $("warten-name").textContent = device.name;
    var tick = function () {
      api("/device", "GET", device).then(function (r) {
        if (r.status === 200 && r.body.status === "active") { ready(device, r.body); return; }
        if (r.status === 401) { forget("Die Verknüpfung wurde abgelehnt oder ist abgelaufen."); return; }
        setTimeout(tick, 2000);
      }).catch(function () { setTimeout(tick, 4000); });
    };
    tick();
  }

  function forget(text) {
    save(null).then(function () { show("start"); say(text); });
  }

  // ---- approving ----
  var shown = {};
  function ready(device, info) {
    show("bereit");
    if (info.app_name) { $("app-name").textContent = info.app_name; }
    $("konto-text").textContent = "Dieses Gerät („" + device.name + "“) ist mit dem Konto " + (info.account || "") + " verknüpft.";
    var refresh = function () {
      api("/requests", "GET", device).then(function (r) {
        if (r.status === 401) { forget("Dieses Gerät ist nicht mehr mit einem Konto verknüpft."); return; }
        if (r.status !== 200) return;
        render(device, r.body.requests || []);
      }).catch(function () {});
    };
    $("aktualisieren").addEventListener("click", refresh);
    $("entfernen").addEventListener("click", function () {
      api("/device", "DELETE", device).then(function (r) {
        if (r.status === 204 || r.status === 401) forget("Die Verknüpfung dieses Geräts wurde aufgehoben.");
        else if (r.body && r.body.error && r.body.error.code === "last_way_in") say("Das Gerät ist Ihr einziger zweiter Faktor und kann nicht entfernt werden.");
      });
    });
    refresh();
    setInterval(function () { if (!document.hidden) refresh(); }, 2000);
    offerPush(device);
  }

  // Web Push (only when the portal has a VAPID key): a wake-up, never needed.
  function offerPush(device) {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
    api("/push", "GET", device).then(function (r) {
      var key = r.status === 200 && r.body ? r.body.application_server_key : null;
      if (!key || Notification.permission === "denied") return;
      $("benachrichtigungen").hidden = false;
      $("benachrichtigungen-knopf").addEventListener("click", function () {
        Notification.requestPermission().then(function (p) {
          if (p !== "granted") { say("Benachrichtigungen sind ausgeschaltet. Freigaben funktionieren trotzdem, solange die App geöffnet ist."); return null; }
          return navigator.serviceWorker.ready.then(function (reg) {
            return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromB64url(key) });
          }).then(function (sub) { return api("/push", "PUT", device, sub.toJSON()); })
            .then(function (res) {
              if (res.status === 204) { $("benachrichtigungen").hidden = true; say("Benachrichtigungen sind eingeschaltet."); }
            });
        }).catch(function () { say("Benachrichtigungen konnten nicht eingeschaltet werden."); });
      });
    }).catch(function () {});
  }

  function render(device, requests) {
    var list = $("anfragen");
    var ids = requests.map(function (q) { return q.id; });
    Object.keys(shown).forEach(function (id) {
      if (ids.indexOf(id) < 0 && !shown[id].busy) { shown[id].el.remove(); delete shown[id]; }
    });
    requests.forEach(function (q) { if (!shown[q.id]) shown[q.id] = { el: card(device, q), busy: false }; list.appendChild(shown[q.id].el); });
    $("keine-anfragen").hidden = Object.keys(shown).length > 0;
  }

  function card(device, q) {
    var el = $("anfrage-vorlage").content.firstElementChild.cloneNode(true);
    var n = q.id.replace(/[^a-zA-Z0-9]/g, "");
    el.setAttribute("aria-labelledby", "frage-" + n);
    var h = el.querySelector(".sa-anfrage__frage");
    h.id = "frage-" + n;
    h.textContent = "Möchten Sie die Anmeldung von " + q.account + " freigeben?";
    el.querySelector(".sa-zeit").textContent = new Date(q.created_at * 1000).toLocaleString("de-DE");
    el.querySelector(".sa-browser").textContent = q.browser || "unbekannt";
    el.querySelector(".sa-ort").textContent = q.place || ("unbekannt (IP-Adresse " + q.ip + ")");
    var numbers = el.querySelector(".sa-zahlen");
    q.choices.forEach(function (c) {
      var label = document.createElement("label");
      label.className = "sa-zahl";
      var input = document.createElement("input");
      input.type = "radio"; input.name = "zahl-" + n; input.value = String(c);
      label.appendChild(input);
      label.appendChild(document.createTextNode(String(c)));
      numbers.appendChild(label);
    });
    var sw = el.querySelector(".sa-schalter");
    sw.id = "schalter-" + n;
    el.querySelector(".sa-schalter-text").setAttribute("for", sw.id);
    var err = el.querySelector(".sa-fehler");
    var form = el.querySelector("form");
    var fail = function (t) { err.textContent = t; err.hidden = false; };
    var done = function (t) {
      shown[q.id].busy = false;
      el.remove(); delete shown[q.id];
      $("keine-anfragen").hidden = Object.keys(shown).length > 0;
      say(t);
    };
    var send = function (decision, number) {
      var msg = [CONTEXT, q.id, q.challenge, String(number), decision].join("\n");
      return crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, device.privateKey, new TextEncoder().encode(msg))
        .then(function (sig) { return api("/requests/" + encodeURIComponent(q.id), "POST", device, { decision: decision, number: number, signature: b64url(sig) }); });
    };
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      err.hidden = true;
      var picked = el.querySelector("input[type=radio]:checked");
      if (!picked) { fail("Bitte wählen Sie die Zahl, die Ihr Browser zeigt."); return; }
      if (!sw.checked) { fail("Bitte schalten Sie „Ja, freigeben“ ein."); sw.focus(); return; }
      shown[q.id].busy = true;
      verifyUser(device, q.challenge)
        .then(function () { return send("approve", parseInt(picked.value, 10)); })
        .then(function (r) {
          if (r.status === 200 && r.body.result === "approved") done("Die Anmeldung wurde freigegeben.");
          else if (r.status === 200) done("Die Zahl war falsch. Die Anmeldung wurde abgelehnt.");
          else if (r.status === 410) done("Die Anfrage ist abgelaufen.");
          else done("Die Anfrage wurde bereits beantwortet.");
        })
        .catch(function () { shown[q.id].busy = false; fail("Die Bestätigung mit Fingerabdruck, Gesicht oder PIN ist fehlgeschlagen."); });
    });
    el.querySelector(".sa-ablehnen").addEventListener("click", function () {
      shown[q.id].busy = true;
      send("deny", 0).then(function () { done("Die Anmeldung wurde abgelehnt."); })
        .catch(function () { shown[q.id].busy = false; fail("Die Ablehnung konnte nicht gesendet werden."); });
    });
    return el;
  }

  // ---- start ----
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/secure-app/sw.js", { scope: "/secure-app/" }).catch(function () {});
  }
  var m = /[#&]verknuepfen=([A-Za-z0-9_-]+)/.exec(location.hash);
  load().then(function (device) {
    if (m) {
      // A new link replaces an old one on this device.
      history.replaceState(null, "", "/secure-app/#verknuepfen");
      link(m[1]);
      return;
    }
    if (!device) { show("start"); return; }
    api("/device", "GET", device).then(function (r) {
      if (r.status === 401) { forget("Dieses Gerät ist nicht mehr mit einem Konto verknüpft."); return; }
      if (r.status === 200 && r.body.status === "active") ready(device, r.body);
      else if (r.status === 200) waitForConfirmation(device);
      else say("Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.");
    }).catch(function () { say("Keine Verbindung. Bitte prüfen Sie Ihre Internetverbindung."); });
  }).catch(function () { show("start"); say("Dieser Browser kann keine Schlüssel speichern."); });
})();
