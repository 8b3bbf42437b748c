// Playbook default theme: search. The search box is hidden in the HTML and shown
// here, so readers without JavaScript never see a box that does nothing.
// The index lives at <html data-search-index="/base/search/"> (see the Go
// package generator/search for its files). Nothing is fetched until the box
// gets focus or "/" is pressed; then index.json, then for each query term
// the shard of its first three letters, the big posting lists it needs, and
// the chunks (and passage files) of the results shown. On the 404 page it
// searches the words of the missing address. Loaded with a `module` object
// (as the tests do), it only hands over its core.
(() => {
  // Terms: the rules of generator/search/terms.go and stem.go, which
  // TestTermsAgreeWithBrowser holds this code to.
  const WORD = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011.'\u2019&_][\p{L}\p{N}\p{M}]+)*/gu;
  const JOINER = /[-\u2010\u2011.'\u2019&_]/;
  const C = "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3ffff}";
  const CJK = new RegExp("[" + C + "]", "u");
  const SEG = new RegExp("[" + C + "]+|[^" + C + "]+", "gu");
  // norm works a character at a time, as the generator does.
  const norm = (w) => Array.from(w, (c) => c.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")).join("");
  const stem = (w) => {
    if (w.length < 4 || /[^a-z]/.test(w)) return w;
    if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
    else if (/[^siu]s$/.test(w)) w = w.slice(0, -1);
    const undouble = (s) => (s.length >= 4 && /([^aeiouylsz])\1$/.test(s) ? s.slice(0, -1) : s);
    if (w.length > 4 && w.endsWith("ied")) w = w.slice(0, -3) + "y";
    else if (w.length > 4 && w.endsWith("eed")) w = w.slice(0, -1);
    else if (w.endsWith("ed") && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    else if (w.endsWith("ing") && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    return w.length >= 4 && w.endsWith("e") ? w.slice(0, -1) : w;
  };
  const add = (out, w) => {
    const n = Array.from(w).length;
    if (n && n <= 40 && (n > 1 || /\p{N}/u.test(w))) out.push(stem(w));
  };
  // terms returns the terms of text in order; for a query, a compound
  // ("over-committing") gives only its joined form.
  const terms = (text, query) => {
    const out = [];
    for (const [tok] of text.matchAll(WORD)) {
      const pieces = tok.split(JOINER).map(norm);
      const compound = pieces.length > 1 && !CJK.test(tok);
      if (!query || !compound) {
        for (const p of pieces) {
          for (const [s] of p.matchAll(SEG)) {
            if (!CJK.test(s)) add(out, s);
            else {
              const cs = Array.from(s);
              if (cs.length === 1) out.push(s);
              for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
            }
          }
        }
      }
      if (compound) add(out, pieces.join(""));
    }
    return out;
  };

  // near reports whether q is at most one edit (insertion, deletion,
  // substitution or swap of neighbours) from t, or from a prefix of t when
  // q is still being typed.
  const near = (q, t, typing) => {
    if (!typing && Math.abs(q.length - t.length) > 1) return false;
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
    return (typing ? Math.min(...prev) : prev[t.length]) <= 1;
  };

  const MAX = 8; // results shown
  const EXTERNAL = 3; // big posting lists fetched per query term but its own
  const WEIGHTS = [1, 1.5, 2, 4, 5, 6, 7, 8]; // by posting class: text, heading, title
  const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  // field is 1 for text, 2 for a heading (a question's included), 4 for
  // the page title.
  const field = (cls, loc) => (cls < 3 ? 1 : cls < 5 || loc ? 2 : 4);

  // MISSING is what a search that may use fetched files only throws when
  // it needs another.
  const MISSING = new Error("not fetched yet");

  // core returns search over the index at dir, fetched with fetchJSON.
  const core = (dir, fetchJSON) => {
    const files = new Map();
    let manifest;
    // get fetches an index file once; a failure is forgotten, to retry
    // later. Files but the manifest carry its version, which changes with
    // every build.
    const get = (path, v, only) => {
      if (!files.has(path)) {
        if (only) throw MISSING;
        files.set(path, fetchJSON(dir + path + (v ? "?v=" + v : ""), !v).catch((e) => { files.delete(path); throw e; }));
      }
      return files.get(path);
    };
    const load = (only) => (manifest ||= get("index.json", "", only).catch((e) => { manifest = null; throw e; }));

    // candidates returns the shard's terms that match q, with a factor:
    // 1 for q itself; for the word being typed (or a word the index lacks),
    // .6 for a term it begins, or, when there is none, .5 for a term it
    // goes on from by up to three letters (typing "releasi" for releas);
    // .3 for a typo of a word of five letters or more. Of the terms whose
    // postings are a file of their own, it keeps q's and the EXTERNAL
    // commonest others (one when q has its own), as a long list costs
    // kilobytes.
    const candidates = (q, shard, typing) => {
      const qc = Array.from(q), out = [];
      const open = typing || !(q in shard);
      const all = Object.entries(shard);
      const begun = open && all.some(([t]) => t.startsWith(q));
      for (const [t, p] of all) {
        const tc = Array.from(t);
        const f = t === q ? 1
          : open && t.startsWith(q) ? 0.6
          : open && !begun && q.startsWith(t) && tc.length >= 4 && qc.length - tc.length <= 3 ? 0.5
          : qc.length >= 5 && near(qc, tc, typing) ? 0.3 : 0;
        if (f) out.push({ t, p, f, n: typeof p === "string" ? p.length : p[1] * 1e6 });
      }
      out.sort((a, b) => b.f - a.f || b.n - a.n);
      let big = q in shard && typeof shard[q] !== "string" ? EXTERNAL - 1 : 0;
      return out.filter((m) => typeof m.p === "string" || m.f === 1 || big++ < EXTERNAL);
    };

    // decode calls fn(doc, passage, class, reach) for each posting of l:
    // a heading's reach is how many passages after its own it covers. A
    // word of most pages of a big site has [postings of its titles and
    // headings, pages of the others]: for those, passage is -1.
    const decode = (l, fn) => {
      const [s, pages] = Array.isArray(l) ? l : [l, ""];
      let i = 0, doc = 0;
      const next = (s) => {
        let n = 0, k = 1, d;
        do { d = DIGITS.indexOf(s[i++]); n += (d & 31) * k; k *= 32; } while (d >= 32);
        return n;
      };
      while (i < s.length) {
        doc += next(s);
        const v = next(s), loc = v >> 3, cls = v & 7;
        fn(doc, loc, cls, loc && cls >= 3 ? next(s) : 0);
      }
      for (i = 0, doc = 0; i < pages.length;) fn((doc += next(pages)), -1, 0, 0);
    };

    // hitsOf returns, for query term q, document → {t: score everywhere
    // (the page title), at: passage → score, heads: [first, last passage,
    // score] of headings, any: best score of a passage}, and adds the
    // terms that matched to matched.
    const hitsOf = async (m, q, typing, matched, only) => {
      const p = Array.from(q).slice(0, 3).join("");
      let i = m.s.length - 1;
      while (i > 0 && p < m.s[i]) i--;
      const found = candidates(q, await get("s/" + i + ".json", m.v, only), typing);
      const lists = await Promise.all(found.map((x) => (typeof x.p === "string" ? x.p : get("p/" + x.p[0] + ".json", m.v, only))));
      const hits = new Map();
      let exact = 0, docs = 0, last = -1; // the fields where q itself is, and how many pages have it
      found.forEach((x, j) => {
        if (x.f === 1) decode(lists[j], (doc, loc, cls) => { exact |= field(cls, loc); docs += doc !== last; last = doc; });
        let any = false;
        decode(lists[j], (doc, loc, cls, reach) => {
          // A typo counts only in a field where the word itself is not.
          if (x.f < 0.5 && exact & field(cls, loc)) return;
          any = true;
          // A question's heading weighs a little less than a page title.
          const s = WEIGHTS[cls] * x.f * (cls >= 5 && loc ? 0.9 : 1);
          let h = hits.get(doc);
          if (!h) hits.set(doc, (h = { t: 0, at: new Map(), heads: [], any: 0 }));
          if (loc < 0) h.any = Math.max(h.any, s);
          else if (!loc && cls >= 3) h.t = Math.max(h.t, s);
          else {
            h.at.set(loc, Math.max(h.at.get(loc) || 0, s));
            h.any = Math.max(h.any, s);
            if (cls >= 3) h.heads.push([loc, loc + reach, s]);
          }
        });
        if (any) matched.add(x.t);
      });
      // A rare word counts more than one on every page (BM25's idf).
      const df = docs || hits.size;
      hits.idf = Math.log(1 + (m.n - df + 0.5) / (df + 0.5));
      return hits;
    };

    // entry returns what result r shows: [url, title, context, text].
    const entry = async (m, r, only) => {
      const [url, title, section, units, passages] = (await get("d/" + Math.floor(r.doc / m.p) + ".json", m.v, only))[r.doc % m.p];
      const part = Math.floor(r.loc / m.k);
      const [u, text] = (part ? await get("x/" + r.doc + "-" + part + ".json", m.v, only) : passages)[r.loc % m.k] || [0, ""];
      const [id, heading, , label] = units[u];
      let root = u;
      while (units[root][2] > 0) root = units[root][2];
      return {
        url: id ? url + "#" + id : url,
        title: u ? (label ? label + " · " : "") + heading : title,
        context: u ? title + (root !== u ? " › " + units[root][1] : "") : section,
        text,
      };
    };

    // run returns the first results of query q, ranked, with the terms
    // matched. A page must match every term, unless partial is set: then
    // pages that match the most terms come first. A page's best passage is
    // the one where the terms score most: a term counts fully in its
    // passage, in the passages its heading covers and, from the page title,
    // everywhere; elsewhere on the page half. Among the results shown, one
    // whose title, heading or text has the query's words in a row, or the
    // very words typed rather than other forms of them, goes up.
    // With only set, it throws MISSING rather than fetch a file.
    const run = async (q, { max = MAX, partial = false, only = false } = {}) => {
      const qs = [...new Set(terms(q, true))];
      const matched = new Set();
      if (!qs.length) return { found: [], total: 0, matched, words: qs };
      const m = await load(only);
      const typing = /[\p{L}\p{N}\p{M}]$/u.test(q);
      const per = await Promise.all(qs.map((t, i) => hitsOf(m, t, typing && i === qs.length - 1, matched, only)));
      const docs = new Set();
      for (const h of per) for (const d of h.keys()) docs.add(d);
      const ranked = [];
      for (const doc of docs) {
        const hs = per.map((h) => h.get(doc));
        const n = hs.filter(Boolean).length;
        if (n < qs.length && !partial) continue;
        const locs = new Set([0]);
        for (const h of hs) if (h) for (const l of h.at.keys()) locs.add(l);
        let score = -1, loc = 0;
        for (const l of locs) {
          let s = 0;
          hs.forEach((h, i) => {
            if (!h) return;
            let best = Math.max(h.t, h.at.get(l) || 0, h.any / 2);
            for (const [a, b, hs] of h.heads) if (a <= l && l <= b) best = Math.max(best, hs);
            s += per[i].idf * best;
          });
          if (s > score || (s === score && l < loc)) { score = s; loc = l; }
        }
        ranked.push({ doc, loc, score, n });
      }
      const order = (a, b) => b.n - a.n || b.score - a.score || a.doc - b.doc;
      ranked.sort(order);
      const idf = per.map((h) => h.idf);
      const typed = words(q);
      const found = await Promise.all(ranked.slice(0, max).map(async (r) => {
        const e = await entry(m, r, only);
        e.n = r.n;
        e.doc = r.doc;
        const all = [e.title, e.context, e.text];
        const seen = new Set(all.flatMap(words));
        let same = 0;
        qs.forEach((t, i) => { if (typed.some((w) => stem(w) === t && seen.has(w))) same += idf[i]; });
        e.score = r.score + 1.5 * Math.max(...all.map((t) => inRow(qs, idf, terms(t)))) + 0.5 * same;
        return e;
      }));
      found.sort(order);
      return { found, total: ranked.length, matched, words: qs };
    };
    return { run, load };
  };

  // inRow returns, of the longest run of two or more of the query's terms
  // qs that the terms ts have in a row, in the query's order, the sum of
  // the terms' weights idf.
  const inRow = (qs, idf, ts) => {
    let best = 0;
    for (let i = 0; i < ts.length; i++) {
      for (let j = 0; j < qs.length; j++) {
        let k = 0, sum = 0;
        while (j + k < qs.length && ts[i + k] === qs[j + k]) sum += idf[j + k++];
        if (k > 1) best = Math.max(best, sum);
      }
    }
    return best;
  };

  // words returns the words of text as typed, normalised but not stemmed.
  const words = (text) => Array.from(text.matchAll(WORD), ([w]) => norm(w).split(JOINER)).flat();

  // marks returns the [start, end) ranges of the words of text that
  // matched: a word whose terms include one, a CJK character in a pair
  // that matched.
  const marks = (text, matched) => {
    const out = [];
    for (const w of text.matchAll(WORD)) {
      if (!CJK.test(w[0])) {
        if (terms(w[0]).some((t) => matched.has(t))) out.push([w.index, w.index + w[0].length]);
        continue;
      }
      const cs = Array.from(w[0]);
      let at = w.index;
      cs.forEach((c, i) => {
        const pair = (a, b) => a && b && matched.has(norm(a) + norm(b));
        if (CJK.test(c) && (matched.has(norm(c)) || pair(cs[i - 1], c) || pair(c, cs[i + 1]))) {
          const last = out[out.length - 1];
          if (last && last[1] === at) last[1] += c.length;
          else out.push([at, at + c.length]);
        }
        at += c.length;
      });
    }
    return out;
  };

  // snippet returns the part of text, about 180 characters, that holds the
  // most marked words, with ellipses where it is cut.
  const SNIPPET = 180;
  const snippet = (text, matched) => {
    if (text.length <= SNIPPET) return text;
    const ms = marks(text, matched);
    let start = 0, most = 0;
    for (const [s] of ms) {
      const n = ms.filter(([a, b]) => a >= s && b <= s + SNIPPET - 30).length;
      if (n > most) { most = n; start = Math.max(0, s - 30); }
    }
    if (start) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  };

  // highlight appends text to el with every matched word in a <mark>.
  const highlight = (el, text, matched) => {
    let last = 0;
    for (const [a, b] of marks(text, matched)) {
      const mark = document.createElement("mark");
      mark.textContent = text.slice(a, b);
      el.append(text.slice(last, a), mark);
      last = b;
    }
    el.append(text.slice(last));
    return el;
  };

  // link returns the element of one result: its title, where it is, and
  // the passage that matched.
  const link = (r, matched) => {
    const a = document.createElement("a");
    const span = (cls, text) => {
      const el = document.createElement("span");
      el.className = cls;
      a.append(el);
      return highlight(el, text, matched);
    };
    a.href = r.url;
    span("search-title", r.title);
    if (r.context) span("search-context", r.context);
    if (r.text) span("search-snippet", snippet(r.text, matched));
    return a;
  };

  const fetchJSON = (url, fresh) => fetch(url, fresh ? { cache: "no-cache" } : {}).then((r) => {
    if (!r.ok) throw new Error(r.status + " " + url);
    return r.json();
  });

  if (typeof module === "object" && module) {
    module.exports = { terms, stem, norm, core, snippet, marks };
    return;
  }
  const base = document.documentElement.dataset.searchIndex;
  if (!base) return;
  const dir = base.endsWith("/") ? base : base + "/";
  const search = core(dir, fetchJSON);

  // The 404 page: the words of the missing address, searched for pages
  // that have most of them; of those, the ones in the same folders first.
  const missing = document.getElementById("pbNotFoundSearch");
  if (missing) {
    const root = new URL(dir + "..", location.href).pathname;
    const path = decodeURIComponent(location.pathname).slice(root.length).replace(/\b(index\.html?|README\.md)$|\.(html?|md)$/g, "");
    const parts = path.split("/").filter(Boolean), said = new Set(words(path));
    // near404 is how close an address is to the missing one: the folders
    // they share, and the share of the words of its last part, when that is
    // not one of them, that the missing one has; then how alike their
    // depths are.
    const near404 = (url) => {
      const b = decodeURIComponent(url.split("#")[0]).slice(root.length).split("/").filter(Boolean);
      let n = 0;
      while (n < parts.length - 1 && parts[n] === b[n]) n++;
      const last = b.length > n ? words(b[b.length - 1]) : [];
      return [n + last.filter((w) => said.has(w)).length / Math.max(last.length, 1), -Math.abs(parts.length - b.length)];
    };
    search.run(path.replace(/[^\p{L}\p{N}\p{M}]+/gu, " ").trim(), { partial: true }).then(({ found, matched }) => {
      found = found.map((r, i) => [...near404(r.url), -i, r]).sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]).slice(0, 5).map((x) => x[3]);
      if (!found.length) return;
      missing.querySelector("ul").replaceChildren(...found.map((r) => {
        const li = document.createElement("li");
        li.append(link(r, matched));
        return li;
      }));
      missing.hidden = false;
    }).catch(() => {});
  }

  const form = document.querySelector("div.search");
  const input = document.getElementById("pbSearchInput");
  const list = document.getElementById("pbSearchResults");
  if (!form || !input || !list) return;
  let pending, timer, seq = 0, active = -1;
  const status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  form.append(status);
  form.hidden = false;

  const render = ({ words, found, total, matched }) => {
    list.replaceChildren(...found.map((r, i) => {
      const li = document.createElement("li");
      const a = link(r, matched);
      // The link itself is the option, so that no control sits inside
      // another (the list item only holds it).
      li.setAttribute("role", "none");
      a.id = "pbResult" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      li.append(a);
      return li;
    }));
    select(-1);
    show(found.length > 0);
    const q = input.value.trim();
    if (!words.length) say("");
    else if (!total) say("No results for “" + q + "”", true);
    else say(total === 1 ? "1 result" : total > found.length ? found.length + " of " + total + " results" : total + " results");
  };

  // say announces text; a message shown in place of results is visible too.
  const say = (text, visible) => {
    status.textContent = text;
    status.toggleAttribute("data-shown", !!visible);
  };

  // update answers the query in the box: at once from the index files
  // fetched already, which takes a few milliseconds; when it needs more,
  // once typing pauses, so that a word typed quickly does not fetch the
  // results of each of its letters. The list is aria-busy from a keystroke
  // until the answer to the last one is shown.
  const update = async (fetching) => {
    const mine = ++seq;
    pending = false;
    try {
      const r = await search.run(input.value, { only: !fetching });
      if (mine === seq) render(r);
    } catch (e) {
      if (e === MISSING) {
        if (mine === seq) timer = setTimeout(update, 120, true);
        return;
      }
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
    search.load().catch(() => {});
    if (list.children.length && input.value.trim()) show(true);
  });
  input.addEventListener("input", () => {
    pending = true;
    list.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    queueMicrotask(update);
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
      // Not the browser's own clearing of a search field: the first Escape
      // closes the results, the second empties the box.
      e.preventDefault();
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
