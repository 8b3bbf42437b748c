// Live reload for `playbook serve`. The server adds this file to every HTML
// page with <script src defer>; it needs no inline code, so it also works
// under a Content-Security-Policy of script-src 'self'.
//
// On each "change" event it shows or removes the build error overlay, then
// reloads the page only if the page itself (or a script it loads) changed,
// keeping the scroll position; changed stylesheets are swapped in place.
(function () {
  'use strict';

  var me = document.currentScript;
  if (!me || !window.EventSource) {
    return;
  }
  var here = me.src;
  var scrollKey = 'playbook-livereload-scroll:';
  var overlay = null;
  var shownErrors = '';

  // pagePath normalises a URL path so that "/a/index.html" and "/a/" match
  // and percent-encoding does not matter.
  function pagePath(p) {
    try {
      p = decodeURI(p);
    } catch (e) {
      // keep the encoded form
    }
    return p.replace(/\/index\.html$/, '/');
  }

  function restoreScroll() {
    var key = scrollKey + pagePath(location.pathname);
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.removeItem(key);
    } catch (e) {
      return;
    }
    if (!saved || typeof saved.x !== 'number' || typeof saved.y !== 'number') {
      return;
    }
    var apply = function () {
      window.scrollTo(saved.x, saved.y);
    };
    apply();
    if (document.readyState !== 'complete') {
      // Images loaded later may move the content; scroll again then.
      window.addEventListener('load', apply, { once: true });
    }
  }

  function reload() {
    try {
      sessionStorage.setItem(scrollKey + pagePath(location.pathname),
        JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    } catch (e) {
      // storage may be disabled; reload anyway
    }
    location.reload();
  }

  function isStylesheet(link) {
    return /(^|\s)stylesheet(\s|$)/i.test(link.rel);
  }

  // swapStylesheets replaces each changed stylesheet with a fresh copy,
  // removing the old one only once the new one has loaded, so the page
  // never shows unstyled.
  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[href]');
    Array.prototype.forEach.call(links, function (link) {
      if (!isStylesheet(link) || link.hasAttribute('data-playbook-livereload') || link.playbookReplaced) {
        return;
      }
      var url = new URL(link.href);
      if (paths.indexOf(pagePath(url.pathname)) < 0) {
        return;
      }
      url.searchParams.set('v', String(Date.now()));
      var next = link.cloneNode(false);
      next.href = url.href;
      var done = function () {
        link.remove();
      };
      next.addEventListener('load', done, { once: true });
      next.addEventListener('error', done, { once: true });
      link.playbookReplaced = true;
      link.after(next);
    });
  }

  function scriptChanged(paths) {
    return Array.prototype.some.call(document.scripts, function (s) {
      return s.src && s !== me && paths.indexOf(pagePath(new URL(s.src).pathname)) >= 0;
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  function closeOverlay() {
    if (overlay) {
      overlay.remove();
      overlay = null;
      document.removeEventListener('keydown', onKey);
    }
  }

  function onKey(e) {
    if (e.key === 'Escape') {
      closeOverlay();
    }
  }

  // showErrors shows the overlay for errors, or removes it when there are
  // none. The same errors again leave it as it is, closed or open.
  function showErrors(errors) {
    var key = errors.join('\n');
    if (key === shownErrors) {
      return;
    }
    shownErrors = key;
    closeOverlay();
    if (errors.length === 0) {
      return;
    }
    overlay = element('div', 'playbook-lr-overlay');
    overlay.setAttribute('role', 'alert');
    var head = element('div', 'playbook-lr-head');
    var title = errors.length === 1 ? 'The build failed with 1 error' :
      'The build failed with ' + errors.length + ' errors';
    head.appendChild(element('p', 'playbook-lr-title', title));
    var close = element('button', 'playbook-lr-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the build errors');
    close.addEventListener('click', closeOverlay);
    head.appendChild(close);
    overlay.appendChild(head);
    overlay.appendChild(element('p', 'playbook-lr-note',
      'This page shows the last good build. Fix the errors and save to update it.'));
    var list = element('ul', 'playbook-lr-errors');
    errors.forEach(function (line) {
      list.appendChild(element('li', 'playbook-lr-error', line));
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
    document.addEventListener('keydown', onKey);
  }

  function onChange(msg) {
    var changed = Array.isArray(msg.changed) ? msg.changed : [];
    var errors = Array.isArray(msg.errors) ? msg.errors : [];
    showErrors(errors);
    if (changed.length === 0) {
      return;
    }
    var paths = changed.map(pagePath);
    if (paths.indexOf(pagePath(location.pathname)) >= 0 || scriptChanged(paths)) {
      reload();
      return;
    }
    swapStylesheets(paths);
  }

  function addStyle() {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('livereload.css', here).href;
    link.setAttribute('data-playbook-livereload', '');
    document.head.appendChild(link);
  }

  function connect() {
    var source = new EventSource(new URL('events', here).href);
    source.addEventListener('change', function (e) {
      var msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      onChange(msg);
    });
    source.addEventListener('error', function () {
      // The browser reconnects by itself after a network error; it gives
      // up only when the server answers with an error, so try again slowly.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, 5000);
      }
    });
  }

  restoreScroll();
  addStyle();
  connect();
})();
