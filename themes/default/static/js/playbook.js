// Playbook default theme: the dark-mode switch. Pages work without it: the
// button is hidden in the HTML and the theme follows the OS. A choice made
// here is kept in localStorage and set as data-theme on <html>. The button's
// label stays "Dark mode" and aria-pressed carries the state, as a toggle
// button's name must not change with its state.
(function () {
  var KEY = "playbook-theme";
  var root = document.documentElement;
  var os = window.matchMedia("(prefers-color-scheme: dark)");
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { /* storage blocked */ }
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);

  var button = document.querySelector(".theme-toggle");
  if (!button) return;
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : os.matches;
  }
  function sync() { button.setAttribute("aria-pressed", String(isDark())); }
  button.addEventListener("click", function () {
    var next = isDark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered */ }
    sync();
  });
  if (os.addEventListener) os.addEventListener("change", sync);
  sync();
  button.hidden = false;
})();

// Relative dates: a <time data-relative> keeps its absolute date (what a
// reader without JavaScript sees) and gains "(2 weeks ago)", computed now,
// in the reader's browser, so that it stays true long after the build.
(function () {
  var units = [["year", 31536e6], ["month", 2592e6], ["week", 6048e5], ["day", 864e5]];
  var fmt = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(document.documentElement.lang || "en", { numeric: "auto" }) : null;
  var els = document.querySelectorAll("time[data-relative]");
  for (var i = 0; i < els.length; i++) {
    var t = Date.parse(els[i].getAttribute("datetime"));
    if (isNaN(t) || !fmt) continue;
    var diff = t - Date.now(), text = fmt.format(0, "day");
    for (var j = 0; j < units.length; j++) {
      if (Math.abs(diff) >= units[j][1]) { text = fmt.format(Math.round(diff / units[j][1]), units[j][0]); break; }
    }
    var span = document.createElement("span");
    span.className = "relative-date";
    span.textContent = " (" + text + ")";
    els[i].appendChild(span);
  }
})();

// Search loads on first use: the box shows at once, but search.js and the
// index are fetched only when a reader focuses it or presses "/", so pages
// that are only read stay light.
(function () {
  var form = document.querySelector("form.search");
  var src = document.documentElement.getAttribute("data-search-script");
  if (!form || !src) return;
  var input = form.querySelector("input");
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () {
      // Whatever was typed while search.js loaded is searched now.
      if (input.value) input.dispatchEvent(new Event("input"));
    };
    document.head.appendChild(s);
  }
  form.hidden = false;
  input.addEventListener("focus", load);
  // The 404 page offers the pages that have the missing address's words.
  if (document.getElementById("not-found-search")) load();
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (loading || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
})();
