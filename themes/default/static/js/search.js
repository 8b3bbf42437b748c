// Playbook default theme: search. The search box is hidden in the HTML and shown
// here, so readers without JavaScript never see a box that does nothing.
// The index lives at <html data-search-index="/base/search/"> (see the Go
// package generator/search for its files). Nothing is fetched until the box
// gets focus or "/" is pressed; then index.json, then for each query term
// the shard of its first two letters, the big posting lists it needs, and
// the document chunks (and section files) of the results shown.
(() => {
  const base = document.documentElement.dataset.searchIndex;
  const form = document.querySelector("div.search");
  const input = document.getElementById("pbSearchInput");
  const list = document.getElementById("pbSearchResults");
  if (!base || !form || !input || !list) return;

  const dir = base.endsWith("/") ? base : base + "/";
  const MAX = 8; // results shown
  const EXTERNAL = 5; // big posting lists fetched per query term
  const WEIGHTS = [1, 2, 3, 8, 9, 12, 13, 14]; // by posting class; 5 and up: title
  const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const files = new Map();
  let manifest, timer, pending, seq = 0, active = -1;

  const status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  form.append(status);
  form.hidden = false;

  // get fetches an index file once; a failure is forgotten, to retry later.
  // Files but the manifest carry its version, which changes with every
  // build; the manifest itself is always checked with the server.
  const get = (path, v) => {
    if (!files.has(path)) {
      files.set(path, fetch(dir + path + (v ? "?v=" + v : ""), v ? {} : { cache: "no-cache" }).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      }).catch((e) => { files.delete(path); throw e; }));
    }
    return files.get(path);
  };
  const load = () => (manifest ||= get("index.json").catch((e) => { manifest = null; throw e; }));

  // norm must agree with the generator's normalisation (generator/search/terms.go).
  const norm = (w) => w.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  const chars = (s) => Array.from(s);

  // near reports whether q is at most one edit (insertion, deletion,
  // substitution or swap of neighbours) from t or from a prefix of t.
  const near = (q, t) => {
    let prev2, prev = t.map((_, j) => j).concat(t.length), cur;
    for (let i = 1; i <= q.length; i++) {
      cur = [i];
      for (let j = 1; j <= t.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] !== t[j - 1]));
        if (i > 1 && j > 1 && q[i - 1] === t[j - 2] && q[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
      }
      prev2 = prev;
      prev = cur;
    }
    return Math.min(...prev) <= 1;
  };

  // matches returns the shard's terms that match q, with a factor: 1 for
  // the term itself, .7 for a longer term it begins, .4 for a typo. Of the
  // terms whose postings are a file of their own, it keeps the EXTERNAL
  // commonest, or only q itself when q is in the index and complete (not
  // the word being typed), as a long list costs kilobytes.
  const matches = (q, shard, complete) => {
    const qc = chars(q), out = [];
    for (const [term, p] of Object.entries(shard)) {
      const f = term === q ? 1 : term.startsWith(q) ? 0.7 : qc.length >= 4 && near(qc, chars(term)) ? 0.4 : 0;
      if (f) out.push({ term, p, f, n: typeof p === "string" ? p.length : p[1] * 1e6 });
    }
    out.sort((a, b) => b.f - a.f || b.n - a.n);
    let big = 0;
    const only = complete && out[0] && out[0].f === 1;
    return out.filter((m) => typeof m.p === "string" || ((m.f === 1 || !only) && big++ < EXTERNAL));
  };

  // score adds a term's postings to hits: document → [score by section],
  // with .t the document's best title score.
  const score = (s, f, hits) => {
    let doc = 0, n = 0, k = 1, first = true, d;
    for (const c of s) {
      d = DIGITS.indexOf(c);
      n += (d & 31) * k;
      if (d >= 32) { k *= 32; continue; }
      if (first) doc += n;
      else {
        const sec = n >> 3, w = WEIGHTS[n & 7] * f;
        let h = hits.get(doc);
        if (!h) hits.set(doc, (h = []));
        if (!(h[sec] >= w)) h[sec] = w;
        if ((n & 7) >= 5 && !(h.t >= w)) h.t = w;
      }
      first = !first;
      n = 0;
      k = 1;
    }
  };

  // search returns the ranked results of q and the set of matched terms. A
  // page must match every query term; its best section is the one where the
  // terms score most, title matches counting for every section.
  const search = async (q) => {
    const terms = [...new Set((q.match(WORD) || []).map(norm))].filter((t) => chars(t).length > 1);
    if (!terms.length) return { found: [], total: 0 };
    const m = await load();
    const shardOf = (t) => {
      const p = chars(t).slice(0, 2).join("");
      let i = m.s.length - 1;
      while (i > 0 && p < m.s[i]) i--;
      return i;
    };
    const marked = new Set();
    const typing = /[\p{L}\p{N}\p{M}]$/u.test(q);
    const perTerm = await Promise.all(terms.map(async (t, i) => {
      const hits = new Map();
      const found = matches(t, await get("s/" + shardOf(t) + ".json", m.v), i < terms.length - 1 || !typing);
      const lists = await Promise.all(found.map((x) => typeof x.p === "string" ? x.p : get("p/" + x.p[0] + ".json", m.v)));
      found.forEach((x, i) => { marked.add(x.term); score(lists[i], x.f, hits); });
      return hits;
    }));
    perTerm.sort((a, b) => a.size - b.size);
    const ranked = [];
    for (const doc of perTerm[0].keys()) {
      const hs = perTerm.map((h) => h.get(doc));
      if (hs.includes(undefined)) continue;
      let best = 0, top = -1;
      const secs = new Set([0]);
      for (const h of hs) h.forEach((_, sec) => secs.add(sec));
      for (const sec of secs) {
        let sum = 0;
        for (const h of hs) sum += Math.max(h[sec] || 0, h.t || 0);
        if (sum > top || (sum === top && sec < best)) { top = sum; best = sec; }
      }
      ranked.push({ doc, sec: best, score: top });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const found = await Promise.all(ranked.slice(0, MAX).map(async (r) => {
      const [url, title, sections] = (await get("d/" + Math.floor(r.doc / m.p) + ".json", m.v))[r.doc % m.p];
      const part = Math.floor(r.sec / m.k);
      const [id, heading, text] = (part ? await get("x/" + r.doc + "-" + part + ".json", m.v) : sections)[r.sec % m.k];
      return { url: id ? url + "#" + id : url, title, heading, text };
    }));
    return { terms, found, total: ranked.length, marked };
  };

  // highlight appends text to el with every matched word in a <mark>.
  const highlight = (el, text, marked) => {
    let last = 0;
    for (const w of text.matchAll(WORD)) {
      if (!marked.has(norm(w[0]))) continue;
      const mark = document.createElement("mark");
      mark.textContent = w[0];
      el.append(text.slice(last, w.index), mark);
      last = w.index + w[0].length;
    }
    el.append(text.slice(last));
    return el;
  };

  // snippet returns the part of text around its first matched word.
  const snippet = (text, marked) => {
    for (const w of text.matchAll(WORD)) {
      if (!marked.has(norm(w[0]))) continue;
      if (w.index < 60) break;
      return "…" + text.slice(text.indexOf(" ", w.index - 40) + 1);
    }
    return text;
  };

  const span = (cls, text, marked) => {
    const el = document.createElement("span");
    el.className = cls;
    return highlight(el, text, marked);
  };

  const render = ({ terms, found, total, marked }) => {
    list.replaceChildren(...found.map((r, i) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      // The link itself is the option, so that no control sits inside
      // another (the list item only holds it).
      li.setAttribute("role", "none");
      a.id = "pbResult" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.href = r.url;
      a.tabIndex = -1;
      a.append(span("search-title", r.title, marked));
      if (r.heading) a.append(span("search-heading", r.heading, marked));
      if (r.text) a.append(span("search-snippet", snippet(r.text, marked), marked));
      li.append(a);
      return li;
    }));
    select(-1);
    show(found.length > 0);
    const q = input.value.trim();
    if (!terms) say("");
    else if (!total) say("No results for “" + q + "”", true);
    else say(total === 1 ? "1 result" : total > found.length ? found.length + " of " + total + " results" : total + " results");
  };

  // say announces text; a message shown in place of results is visible too.
  const say = (text, visible) => {
    status.textContent = text;
    status.toggleAttribute("data-shown", !!visible);
  };

  // update answers the query in the box. The list is aria-busy from a
  // keystroke until the answer to the last one is shown.
  const update = async () => {
    const mine = ++seq;
    pending = false;
    try {
      const r = await search(input.value);
      if (mine === seq) render(r);
    } catch (e) {
      if (mine === seq) say("Search is not available right now.", true);
    }
    if (mine === seq && !pending) list.removeAttribute("aria-busy");
  };

  const show = (on) => {
    list.hidden = !on;
    input.setAttribute("aria-expanded", on);
    if (on) return;
    select(-1);
    status.removeAttribute("data-shown");
  };

  const select = (i) => {
    const items = list.children;
    if (items[active]) items[active].firstChild.setAttribute("aria-selected", "false");
    active = i;
    if (items[i]) {
      items[i].firstChild.setAttribute("aria-selected", "true");
      items[i].scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", items[i].firstChild.id);
    } else input.removeAttribute("aria-activedescendant");
  };

  input.addEventListener("focus", () => {
    load().catch(() => {});
    if (list.children.length && input.value.trim()) show(true);
  });
  input.addEventListener("input", () => {
    pending = true;
    list.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  input.addEventListener("keydown", (e) => {
    const n = list.children.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!n) return;
      e.preventDefault();
      if (list.hidden) show(true);
      select((active + (e.key === "ArrowDown" ? 1 : n - 1 + (active < 0))) % n);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const li = !list.hidden && list.children[Math.max(active, 0)];
      if (li) location.href = li.firstChild.href;
    } else if (e.key === "Escape") {
      if (!list.hidden) show(false);
      else {
        // Empty the box, and forget any search still on its way.
        clearTimeout(timer);
        seq++;
        input.value = "";
        list.replaceChildren();
        list.removeAttribute("aria-busy");
        say("");
      }
    }
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget)) show(false);
  });
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
})();
