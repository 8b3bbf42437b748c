// Playbook default theme: the dark-mode switch. Pages work without it: the
// button is hidden in the HTML and the theme follows the OS. A choice made
// here is kept in localStorage and set as data-theme on <html>. The button
// says what it does, which changes with the theme: "Dark mode" (its full
// name "Switch to dark mode") while light, "Light mode" while dark.
(function () {
  var KEY = "playbook-theme";
  var root = document.documentElement;
  var os = window.matchMedia("(prefers-color-scheme: dark)");
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { /* storage blocked */ }
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);

  var button = document.querySelector(".theme-toggle");
  if (!button) return;
  var mode = button.querySelector(".theme-toggle-mode");
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : os.matches;
  }
  function sync() { if (mode) mode.textContent = isDark() ? "light mode" : "dark mode"; }
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

// Heading anchors: each section heading of the page gets a link to itself,
// beside it, shown on hover and on focus. The link follows the heading
// rather than sitting inside it, so that the heading's name stays its text;
// the link's own name says where it goes. Headings that are links already
// (a question's permalink, a role's card) get none.
(function () {
  var hs = document.querySelectorAll("article.page h2[id], article.page h3[id], article.page h4[id]");
  for (var i = 0; i < hs.length; i++) {
    var h = hs[i], inner = h.querySelector("a");
    if (inner && inner.textContent.trim() === h.textContent.trim()) continue;
    var wrap = document.createElement("div");
    wrap.className = "heading-wrap heading-wrap-" + h.tagName.toLowerCase();
    h.parentNode.insertBefore(wrap, h);
    wrap.appendChild(h);
    var a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + h.id;
    a.setAttribute("aria-label", "Link to the section “" + h.textContent.trim() + "”");
    a.textContent = "#";
    wrap.appendChild(a);
  }
})();

// Copy buttons: each code block gets one. Without JavaScript there is no
// button, and the code can be selected as ever. Where the page may not use
// the clipboard API (plain http), the code is selected and copied the old
// way; if even that is refused, it stays selected for the reader to copy.
// A status message tells screen readers what happened.
(function () {
  var pres = document.querySelectorAll("article.page pre");
  if (!pres.length) return;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);
  pres.forEach(function (pre) {
    var wrap = document.createElement("div"), b = document.createElement("button"), timer;
    wrap.className = "code-block";
    pre.before(wrap);
    wrap.append(pre, b);
    b.type = "button";
    b.className = "copy-code";
    b.innerHTML = "<span>Copy</span><span class=visually-hidden> the code</span>";
    b.onclick = function () {
      function done(ok) {
        b.firstChild.textContent = ok ? "Copied" : "Select and copy";
        status.textContent = ok ? "Code copied" : "Could not copy: the code is selected, copy it with the keyboard";
        clearTimeout(timer);
        timer = setTimeout(function () { b.firstChild.textContent = "Copy"; status.textContent = ""; }, 2500);
      }
      if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(pre.textContent).then(function () { done(true); }, function () { done(false); });
      var range = document.createRange(), sel = getSelection(), ok = false;
      range.selectNodeContents(pre);
      sel.removeAllRanges();
      sel.addRange(range);
      try { ok = document.execCommand("copy"); } catch (e) { /* refused */ }
      done(ok);
    };
  });
})();

// Scroll-spy: "On this page" marks the section being read, the last one
// whose heading has passed under the header; at the end of the page, the
// last one.
(function () {
  var items = [].slice.call(document.querySelectorAll(".toc a[href^='#']")).map(function (a) {
    return [document.getElementById(decodeURIComponent(a.hash.slice(1))), a];
  }).filter(function (item) { return item[0]; });
  if (!items.length) return;
  var current, queued;
  function update() {
    queued = false;
    var best = null, top = -1e9;
    items.forEach(function (item) {
      var t = item[0].getBoundingClientRect().top;
      if (t <= 96 && t > top) { best = item[1]; top = t; }
    });
    if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) best = items[items.length - 1][1];
    if (best === current) return;
    if (current) current.removeAttribute("aria-current");
    if (best) best.setAttribute("aria-current", "location");
    current = best;
  }
  addEventListener("scroll", function () {
    if (!queued) { queued = true; requestAnimationFrame(update); }
  }, { passive: true });
  update();
})();

// Relative dates: a <time data-relative> keeps its absolute date (what a
// reader without JavaScript sees) and gains "(2 weeks ago)", computed now,
// in the reader's browser, so that it stays true long after the build.
(function () {
  var units = [["year", 31536e6], ["month", 2592e6], ["week", 6048e5], ["day", 864e5]];
  var fmt = relativeFormat(document.documentElement.lang) || relativeFormat("en");
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
  // relativeFormat throws for no language: a tag the browser cannot read
  // (or none at all) must not stop the rest of this script.
  function relativeFormat(lang) {
    if (!lang || !window.Intl || !Intl.RelativeTimeFormat) return null;
    try { return new Intl.RelativeTimeFormat(lang, { numeric: "auto" }); } catch (e) { return null; }
  }
})();

// Search loads on first use: the box shows at once, but search.js and the
// index are fetched only when a reader focuses it or presses "/", so pages
// that are only read stay light.
(function () {
  var form = document.querySelector("div.search");
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
  if (document.getElementById("pbNotFoundSearch")) load();
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (loading || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
})();
