// Progressive enhancement only: every page works without this file.
// 1. The live password checklist (ACC-3): the server still decides.
// 2. The session countdown in the header with a warning (MFA-60).
(function () {
  "use strict";

  var SPECIAL = "@#$%&*-_!+=:,.?/'\"();";

  function rules(pw, repeat) {
    var n = Array.from(pw).length;
    var all = true;
    for (var i = 0; i < pw.length; i++) {
      var c = pw[i];
      if (!/[A-Za-z0-9]/.test(c) && SPECIAL.indexOf(c) < 0) { all = false; }
    }
    var special = false;
    for (var j = 0; j < pw.length; j++) { if (SPECIAL.indexOf(pw[j]) >= 0) { special = true; } }
    return {
      laenge: n >= 12 && n <= 128,
      gross: /[A-Z]/.test(pw),
      klein: /[a-z]/.test(pw),
      ziffer: /[0-9]/.test(pw),
      sonder: special,
      erlaubt: all,
      wiederholung: pw.length > 0 && pw === repeat
    };
  }

  function setupChecklist() {
    var list = document.getElementById("passwort-regeln");
    var pw = document.getElementById("passwort");
    var repeat = document.getElementById("passwort_wiederholung");
    if (!list || !pw || !repeat) { return; }
    var items = list.querySelectorAll("li[data-regel]");
    var yes = list.getAttribute("data-ja");
    var no = list.getAttribute("data-nein");
    function update() {
      var r = rules(pw.value, repeat.value);
      items.forEach(function (li) {
        var ok = r[li.getAttribute("data-regel")];
        li.classList.toggle("pw-rule--met", ok);
        li.classList.toggle("pw-rule--open", !ok);
        li.querySelector(".pw-rule__mark").textContent = ok ? "✓" : "×";
        li.querySelector(".pw-rule__state").textContent = ok ? yes : no;
      });
    }
    pw.addEventListener("input", update);
    repeat.addEventListener("input", update);
  }

  function setupCountdown() {
    var timer = document.getElementById("sitzung-timer");
    var minutes = document.getElementById("sitzung-minuten");
    var warning = document.getElementById("sitzung-warnung");
    if (!timer || !minutes) { return; }
    var end = Date.now() + parseInt(timer.getAttribute("data-sekunden"), 10) * 1000;
    function tick() {
      var left = Math.max(0, end - Date.now());
      var mins = Math.ceil(left / 60000);
      var text = (minutes.getAttribute("data-vorlage") || "# Min.").replace("#", String(mins));
      if (minutes.textContent !== text) { minutes.textContent = text; }
      if (warning) { warning.hidden = mins > 5; }
      if (left <= 0) {
        window.location.assign("/anmelden");
        return;
      }
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  function focusErrors() {
    var summary = document.getElementById("fehleruebersicht");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupChecklist();
    setupCountdown();
    focusErrors();
  });
})();
