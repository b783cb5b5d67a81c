/* Plenary search: results as you type on the search page.
   Progressive enhancement: without this script the form is sent to the
   search endpoint, which answers the same results as a page. With it, the
   page asks the endpoint's JSON API, shows results and facet filters as you
   type, and keeps the search in the address so it can be shared. Content is
   inserted as text only: the one piece of markup in an answer, <mark> in
   excerpts, is rebuilt as elements, never parsed as HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-api]");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.URLSearchParams || !window.history.replaceState || !results.replaceChildren) {
    return;
  }
  var api = form.getAttribute("data-api");
  var input = form.querySelector("input[name=q]");
  var FILTERS = ["state", "topic", "session"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var params = new URLSearchParams(window.location.search);
  var timer = 0;
  var inflight = null;

  // One live region, kept across searches, says how many results there
  // are; the results themselves are not read out on every keystroke.
  var status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  results.removeAttribute("aria-live");
  results.parentNode.insertBefore(status, results);

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  // The excerpt is escaped text with <mark> and </mark>: split on them,
  // undo the five escapes the server writes, insert as text.
  var ENTITIES = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&#34;": "\"", "&#39;": "'", "&quot;": "\"" };
  function unescapeText(s) {
    return s.replace(/&(lt|gt|amp|quot|#34|#39);/g, function (m) { return ENTITIES[m]; });
  }
  function appendExcerpt(parent, html) {
    var marked = false;
    html.split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      if (part === "") { return; }
      var text = unescapeText(part);
      parent.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
    });
  }

  function humanDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || "");
    return m ? String(Number(m[3])) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : s;
  }

  // The page's own address with the search's parameters, for links that
  // work when opened in a new tab and for the address bar.
  function pageURL(p) {
    var q = p.toString();
    return window.location.pathname + (q ? "?" + q : "");
  }

  function withParams(change) {
    var p = new URLSearchParams(params.toString());
    change(p);
    return p;
  }

  function hasSearch(p) {
    if ((p.get("q") || "").trim() !== "") { return true; }
    return FILTERS.some(function (f) { return p.getAll(f).length > 0; }) || p.get("from") || p.get("to");
  }

  function link(text, p, attrs) {
    var a = el("a", attrs, text);
    a.href = pageURL(p);
    a.addEventListener("click", function (ev) {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) { return; }
      ev.preventDefault();
      params = p;
      run();
    });
    return a;
  }

  function renderHit(hit) {
    var li = el("li", { "class": "search-hit" });
    var h2 = el("h2");
    h2.appendChild(el("a", { href: hit.url }, hit.title));
    li.appendChild(h2);
    var meta = el("p", { "class": "meta" });
    meta.appendChild(el("time", { datetime: hit.date }, humanDate(hit.date)));
    if (hit.session) { meta.appendChild(document.createTextNode(" · " + hit.session)); }
    li.appendChild(meta);
    var ex = el("p", { "class": "search-excerpt" });
    appendExcerpt(ex, hit.excerpt || "");
    li.appendChild(ex);
    if (hit.paragraph_states && hit.paragraph_states.length) {
      li.appendChild(el("p", { "class": "meta" }, "Named here: " + hit.paragraph_states.join(", ")));
    }
    return li;
  }

  function renderFacets(facets) {
    var aside = el("aside", { "class": "search-facets", "aria-label": "Filter the results" });
    [["States", "state", facets.states], ["Topics", "topic", facets.topics], ["Sessions", "session", facets.sessions]].forEach(function (g) {
      if (!g[2] || !g[2].length) { return; }
      aside.appendChild(el("h2", null, g[0]));
      var ul = el("ul");
      g[2].forEach(function (f) {
        var p = withParams(function (p) {
          p.delete("page");
          if (f.selected) {
            var keep = p.getAll(g[1]).filter(function (v) {
              return v.trim().toLowerCase().replace(/\s+/g, "-") !== f.value && v !== f.label;
            });
            p.delete(g[1]);
            keep.forEach(function (v) { p.append(g[1], v); });
          } else {
            p.append(g[1], f.value);
          }
        });
        var attrs = f.selected ? { "aria-current": "true", "class": "selected" } : null;
        var li = el("li");
        li.appendChild(link(f.label, p, attrs));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "count" }, String(f.count)));
        ul.appendChild(li);
      });
      aside.appendChild(ul);
    });
    return aside;
  }

  function render(res) {
    var n = res.total;
    var text = n === 0 ? "No report matches" : n + (n === 1 ? " report matches" : " reports match");
    if (res.query) { text += " “" + res.query + "”"; }
    text += ".";
    if (res.pages > 1) { text += " Page " + res.page + " of " + res.pages + "."; }
    status.textContent = text;

    var layout = el("div", { "class": "search-layout" });
    var main = el("div", { "class": "search-main" });
    if (res.hits.length) {
      var ol = el("ol", { "class": "search-hits" });
      res.hits.forEach(function (h) { ol.appendChild(renderHit(h)); });
      main.appendChild(ol);
    }
    if (res.pages > 1) {
      var nav = el("nav", { "class": "search-pager", "aria-label": "Result pages" });
      if (res.page > 1) {
        nav.appendChild(link("Previous page", withParams(function (p) { p.set("page", res.page - 1); }), { rel: "prev" }));
      }
      if (res.page < res.pages && (res.page + 1) * res.size <= 1000) {
        nav.appendChild(link("Next page", withParams(function (p) { p.set("page", res.page + 1); }), { rel: "next" }));
      }
      main.appendChild(nav);
    }
    var sort = el("p", { "class": "search-sort" });
    var byDate = res.sort === "date";
    sort.appendChild(document.createTextNode(byDate ? "Newest first · " : "By relevance · "));
    sort.appendChild(link(byDate ? "sort by relevance" : "sort by date",
      withParams(function (p) { p.set("sort", byDate ? "relevance" : "date"); p.delete("page"); })));
    main.appendChild(sort);
    layout.appendChild(main);
    layout.appendChild(renderFacets(res.facets || {}));
    results.replaceChildren(layout);
  }

  function showError(msg) {
    status.textContent = "";
    results.replaceChildren(el("p", { "class": "search-error", role: "alert" }, msg));
  }

  function run() {
    window.history.replaceState(null, "", pageURL(params));
    if (inflight) { inflight.abort(); inflight = null; }
    if (!hasSearch(params)) {
      status.textContent = "";
      results.replaceChildren();
      return;
    }
    var ctl = window.AbortController ? new AbortController() : null;
    inflight = ctl;
    var q = new URLSearchParams(params.toString());
    q.delete("format");
    fetch(api + "?" + q.toString(), { headers: { Accept: "application/json" }, signal: ctl ? ctl.signal : undefined })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; },
          function () { return { ok: false, body: { error: "The search service answered " + r.status + "." } }; });
      })
      .then(function (r) {
        if (inflight !== ctl) { return; }
        inflight = null;
        if (r.ok) { render(r.body); } else { showError(r.body.error || "The search failed."); }
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") { return; }
        showError("The search service cannot be reached. Try again in a moment.");
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      params.set("q", input.value);
      params.delete("page");
      run();
    }, 250);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    window.clearTimeout(timer);
    params.set("q", input.value);
    params.delete("page");
    run();
  });

  // A shared link opens the static page with the search in its address;
  // the endpoint's own page arrives with results already in it.
  if (input.value === "" && params.get("q")) { input.value = params.get("q"); }
  if (hasSearch(params) && results.children.length === 0) { run(); }
}());
