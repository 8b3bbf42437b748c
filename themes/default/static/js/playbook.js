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
