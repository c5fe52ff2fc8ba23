// Secure-App pages of the portal: the countdown of the set-up ("Verbleibende
// Zeit 00:03:59") and waiting for the phone. Progressive enhancement: every
// page works without this script ("Weiter" buttons, expiry time shown).
(function () {
  "use strict";

  function hms(s) {
    s = Math.max(0, s);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
  }

  function poll(url, every, onStatus) {
    var stopped = false;
    function tick() {
      if (stopped) return;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) { if (v && onStatus(v.status) === false) stopped = true; })
        .catch(function () {})
        .then(function () { if (!stopped) setTimeout(tick, every); });
    }
    setTimeout(tick, every);
  }

  // Step 2 of the set-up: countdown and reload once the phone registered.
  var zeit = document.getElementById("verbleibende-zeit");
  if (zeit) {
    var left = parseInt(zeit.getAttribute("data-sekunden"), 10) || 0;
    var template = zeit.getAttribute("data-text") || "{}";
    var ends = Date.now() + left * 1000;
    var timer = setInterval(function () {
      var s = Math.round((ends - Date.now()) / 1000);
      if (s <= 0) {
        clearInterval(timer);
        window.location.reload();
        return;
      }
      zeit.textContent = template.replace("{}", hms(s));
    }, 1000);
    poll("/konto/secure-app/verknuepfen/status", 2000, function (status) {
      if (status !== "waiting") {
        window.location.reload();
        return false;
      }
      return true;
    });
  }

  // The waiting page after the password: continue by itself once approved.
  var warten = document.getElementById("warte-status");
  var formular = document.getElementById("weiter-formular");
  if (warten && formular) {
    var text = warten.getAttribute("data-warten");
    if (text) warten.textContent = text;
    poll(warten.getAttribute("data-status-url"), 1500, function (status) {
      if (status === "approved") {
        formular.submit();
        return false;
      }
      if (status !== "pending") {
        window.location.reload();
        return false;
      }
      return true;
    });
  }
})();
