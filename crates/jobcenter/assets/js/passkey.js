// Passkeys (MFA-20 … MFA-24): the WebAuthn ceremonies in the browser, the
// one part of the portal that cannot work without JavaScript. Buttons stay
// hidden unless this script runs and the browser knows WebAuthn.
//
// - #passkey-anmelden (login page): "Mit Passkey anmelden", usernameless.
// - #passkey-zweiter-faktor (second step after the password).
// - #passkey-erstellen (set-up): creates the passkey with the options the
//   server put into data-optionen and posts the answer as a normal form,
//   so that the server renders the result page.
//
// The server sends binary fields as base64url; WebAuthn wants
// ArrayBuffers. The conversion is done here by hand (no libraries).
(function () {
  "use strict";

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.fetch && window.JSON);
  }

  function fromBase64url(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var binary = window.atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      var d = { type: c.type, id: fromBase64url(c.id) };
      if (c.transports) { d.transports = c.transports; }
      return d;
    });
  }

  function creationOptions(pk) {
    var o = Object.assign({}, pk);
    o.challenge = fromBase64url(pk.challenge);
    o.user = Object.assign({}, pk.user, { id: fromBase64url(pk.user.id) });
    if (pk.excludeCredentials) { o.excludeCredentials = descriptors(pk.excludeCredentials); }
    return o;
  }

  function requestOptions(pk) {
    var o = Object.assign({}, pk);
    o.challenge = fromBase64url(pk.challenge);
    if (pk.allowCredentials) { o.allowCredentials = descriptors(pk.allowCredentials); }
    return o;
  }

  function attestationJson(cred) {
    var ext = cred.getClientExtensionResults ? cred.getClientExtensionResults() : {};
    var extensions = {};
    if (ext && ext.credProps && typeof ext.credProps.rk === "boolean") {
      extensions.credProps = { rk: ext.credProps.rk };
    }
    return {
      id: cred.id,
      rawId: toBase64url(cred.rawId),
      type: cred.type,
      response: {
        attestationObject: toBase64url(cred.response.attestationObject),
        clientDataJSON: toBase64url(cred.response.clientDataJSON)
      },
      extensions: extensions
    };
  }

  function assertionJson(cred) {
    var r = cred.response;
    return {
      id: cred.id,
      rawId: toBase64url(cred.rawId),
      type: cred.type,
      response: {
        authenticatorData: toBase64url(r.authenticatorData),
        clientDataJSON: toBase64url(r.clientDataJSON),
        signature: toBase64url(r.signature),
        userHandle: r.userHandle ? toBase64url(r.userHandle) : null
      },
      extensions: {}
    };
  }

  // A refusal of the server: {"fehler": {"code", "meldung"}}.
  function ServerError(data) {
    this.server = true;
    this.message = (data && data.fehler && data.fehler.meldung) || "";
  }

  function postJson(url, body) {
    return window.fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (data) {
        if (!res.ok || !data) { throw new ServerError(data); }
        return data;
      });
    });
  }

  function message(alert, err) {
    if (err && err.server && err.message) { return err.message; }
    var name = err && err.name;
    if (name === "InvalidStateError" && alert.getAttribute("data-vorhanden")) { return alert.getAttribute("data-vorhanden"); }
    if (name === "NotAllowedError" || name === "AbortError") { return alert.getAttribute("data-abgebrochen"); }
    return alert.getAttribute("data-fehler");
  }

  // Shown like a field error of KERN: the danger icon, then the text.
  function showError(alert, err) {
    if (!alert) { return; }
    var icon = document.createElement("span");
    icon.className = "kern-icon kern-icon--danger";
    icon.setAttribute("aria-hidden", "true");
    var text = document.createElement("span");
    text.textContent = message(alert, err);
    alert.textContent = "";
    alert.appendChild(icon);
    alert.appendChild(text);
    alert.hidden = false;
  }

  function hideError(alert) {
    if (alert) { alert.hidden = true; alert.textContent = ""; }
  }

  // Login: options from the server, the passkey dialog (no conditional
  // mediation: the button asks now), the answer to the server, then on.
  function setupLogin(button, optionsUrl, finishUrl) {
    var alert = document.getElementById("passkey-fehler");
    button.addEventListener("click", function () {
      var ceremony = null;
      button.disabled = true;
      hideError(alert);
      postJson(optionsUrl, {})
        .then(function (data) {
          ceremony = data.zeremonie;
          return navigator.credentials.get({ publicKey: requestOptions(data.optionen.publicKey) });
        })
        .then(function (cred) {
          return postJson(finishUrl, {
            zeremonie: ceremony,
            antwort: assertionJson(cred),
            weiter: button.getAttribute("data-weiter") || ""
          });
        })
        .then(function (data) {
          window.location.assign(data.weiter);
        })
        .catch(function (err) {
          button.disabled = false;
          showError(alert, err);
        });
    });
  }

  function setupCreate(button) {
    var alert = document.getElementById("passkey-fehler");
    var form = document.getElementById("passkey-abschluss");
    var options = JSON.parse(button.getAttribute("data-optionen"));
    button.addEventListener("click", function () {
      button.disabled = true;
      hideError(alert);
      navigator.credentials.create({ publicKey: creationOptions(options.publicKey) })
        .then(function (cred) {
          form.elements.antwort.value = JSON.stringify(attestationJson(cred));
          form.submit();
        })
        .catch(function (err) {
          button.disabled = false;
          showError(alert, err);
        });
    });
  }

  function reveal(element) {
    if (element) { element.hidden = false; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!supported()) { return; }
    var hint = document.getElementById("passkey-ohne-js");
    if (hint) { hint.hidden = true; }

    var login = document.getElementById("passkey-anmelden");
    if (login) {
      reveal(document.getElementById("passkey-block"));
      setupLogin(login, "/anmelden/passkey/optionen", "/anmelden/passkey");
    }
    var second = document.getElementById("passkey-zweiter-faktor");
    if (second) {
      reveal(second);
      setupLogin(second, "/anmelden/zweiter-faktor/passkey/optionen", "/anmelden/zweiter-faktor/passkey");
    }
    var create = document.getElementById("passkey-erstellen");
    if (create) {
      reveal(create);
      setupCreate(create);
    }
  });
})();
