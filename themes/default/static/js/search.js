/* Plenary search: results as you type on the search page.
   Progressive enhancement: without this script the form is sent to the
   search endpoint, which answers the results as a page. With it, the page
   asks the endpoint's JSON API and shows the results in place, keeping the
   search in the address so it can be shared.
   The markup is the theme's: the page carries the search partials rendered
   once into <template> elements, which the endpoint renders its own page
   with too; this script copies them and fills them in by their data
   attributes (data-each, data-show, data-text, data-marked, data-href,
   data-attr-NAME, data-class-NAME, each naming a field). Content is
   inserted as text only: the one piece of markup in an answer, <mark> in
   excerpts, is rebuilt as elements, never parsed as HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-api]");
  var results = document.getElementById("results");
  var resultsTemplate = document.getElementById("search-results-template");
  var errorTemplate = document.getElementById("search-error-template");
  if (!form || !results || !resultsTemplate || !errorTemplate || !("content" in resultsTemplate) ||
      !window.fetch || !window.URLSearchParams || !window.history.replaceState || !results.replaceChildren) {
    return;
  }
  var api = form.getAttribute("data-api");
  var input = form.querySelector("input[name=q]");
  var FILTERS = ["state", "speaker", "topic", "session"];
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
      var text = document.createTextNode(unescapeText(part));
      if (marked) {
        var m = document.createElement("mark");
        m.appendChild(text);
        parent.appendChild(m);
      } else {
        parent.appendChild(text);
      }
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

  // A link to other results runs that search in place.
  function searchLink(a, p) {
    a.setAttribute("href", pageURL(p));
    a.addEventListener("click", function (ev) {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) { return; }
      ev.preventDefault();
      params = p;
      run();
    });
  }

  function present(v) {
    return Array.isArray(v) ? v.length > 0 : !!v;
  }

  // bind fills one element's own data attributes from data, and removes
  // them, so that an outer pass never fills it again.
  function bind(el, data) {
    Array.prototype.slice.call(el.attributes).forEach(function (a) {
      var name = a.name;
      var v = data[a.value];
      if (name === "data-show") {
        if (!present(v) && el.parentNode) { el.parentNode.removeChild(el); }
      } else if (name === "data-text") {
        el.textContent = v === undefined || v === null ? "" : String(v);
      } else if (name === "data-marked") {
        el.replaceChildren();
        appendExcerpt(el, v || "");
      } else if (name === "data-href") {
        if (v instanceof URLSearchParams) { searchLink(el, v); } else { el.setAttribute("href", v || ""); }
      } else if (name.indexOf("data-attr-") === 0) {
        var attr = name.slice(10);
        if (v === true) { el.setAttribute(attr, "true"); } else if (v) { el.setAttribute(attr, String(v)); } else { el.removeAttribute(attr); }
      } else if (name.indexOf("data-class-") === 0) {
        el.classList.toggle(name.slice(11), !!v);
      } else {
        return;
      }
      el.removeAttribute(name);
    });
  }

  // fill makes root, a copy of a template, show data: each data-each
  // element becomes one filled copy per item of its list, then every
  // other element is bound.
  function fill(root, data) {
    var each;
    while ((each = root.querySelector("[data-each]"))) {
      var list = data[each.getAttribute("data-each")] || [];
      each.removeAttribute("data-each");
      list.forEach(function (item) {
        var copy = each.cloneNode(true);
        fill(copy, item);
        bind(copy, item);
        each.parentNode.insertBefore(copy, each);
      });
      each.parentNode.removeChild(each);
    }
    Array.prototype.slice.call(root.querySelectorAll("*")).forEach(function (el) { bind(el, data); });
  }

  function statusText(res) {
    var n = res.total;
    var text = n === 0 ? "No report matches" : n + (n === 1 ? " report matches" : " reports match");
    if (res.query) { text += " “" + res.query + "”"; }
    var fields = /(^|\s)\+?(state|speaker|topic|session|kind):/i.test(params.get("q") || "");
    if (fields || FILTERS.some(function (f) { return params.getAll(f).some(function (v) { return v.trim() !== ""; }); }) || params.get("from") || params.get("to")) {
      text += " with the chosen filters";
    }
    text += ".";
    if (res.pages > 1) { text += " Page " + res.page + " of " + res.pages + "."; }
    return text;
  }

  var KINDS = { state: "State", speaker: "Speaker", topic: "Topic", session: "Session" };

  // without is the search's parameters without one filter value: the
  // filter's other values as the answer lists them (res.filters), so a
  // value given by another name ("Turkey" for "turkiye") goes too.
  function without(res, name, value) {
    return withParams(function (p) {
      p.delete("page");
      p.delete(name);
      (res.filters || []).forEach(function (f) {
        if (f.filter === name && f.value !== value) { p.append(name, f.value); }
      });
    });
  }

  // facetGroups are the facets as the page shows them: states, speakers,
  // topics, then the sessions of each process in a group of their own.
  function facetGroups(facets) {
    var groups = [["States", "state", facets.states || []], ["Speakers", "speaker", facets.speakers || []], ["Topics", "topic", facets.topics || []]];
    var at = {};
    (facets.sessions || []).forEach(function (f) {
      var title = "Sessions" + (f.process ? " · " + f.process : "");
      if (!(title in at)) { at[title] = groups.length; groups.push([title, "session", []]); }
      groups[at[title]][2].push(f);
    });
    return groups.filter(function (g) { return g[2].length > 0; });
  }

  // said links, when the search is filtered by states and sessions, the
  // site's page of what each state said at each session, as the
  // endpoint's results page does.
  var states = form.getAttribute("data-states");
  function said(facets) {
    var links = [];
    if (!states) { return links; }
    (facets.states || []).filter(function (f) { return f.selected; }).forEach(function (st) {
      (facets.sessions || []).filter(function (f) { return f.selected; }).forEach(function (ss) {
        links.push({ Label: st.label + " at " + ss.label, Count: ss.count, Selected: false,
          Href: states + encodeURIComponent(st.value) + "/sessions/" + encodeURIComponent(ss.value) + "/" });
      });
    });
    return links;
  }

  // view is what the results partial shows (resultspage.Results), made
  // from the JSON answer; links are the parameters of the search they run.
  function view(res) {
    var byDate = res.sort === "date";
    var facets = res.facets || {};
    var saidLinks = said(facets);
    return {
      Query: res.query, Status: statusText(res), Notice: res.notice || "", Total: res.total, Page: res.page, Pages: res.pages,
      Paged: res.pages > 1,
      Filters: (res.filters || []).map(function (f) {
        return { Kind: KINDS[f.filter] || f.filter, Label: f.label, Remove: without(res, f.filter, f.value) };
      }),
      Hits: res.hits.map(function (h) {
        return { URL: h.url, Title: h.title, Date: h.date, DateText: humanDate(h.date), Session: h.session,
          Excerpt: h.excerpt || "", NamedHere: (h.paragraph_states || []).join(", ") };
      }),
      Prev: res.page > 1 ? withParams(function (p) { p.set("page", res.page - 1); }) : null,
      Next: res.page < res.pages && (res.page + 1) * res.size <= 1000 ? withParams(function (p) { p.set("page", res.page + 1); }) : null,
      Relevance: byDate ? withParams(function (p) { p.set("sort", "relevance"); p.delete("page"); }) : null,
      Newest: byDate ? null : withParams(function (p) { p.set("sort", "date"); p.delete("page"); }),
      Groups: facetGroups(facets).map(function (g) {
        return { Title: g[0], Links: g[2].map(function (f) {
          return { Label: f.label, Count: f.count, Selected: !!f.selected,
            Href: f.selected ? without(res, g[1], f.value) : withParams(function (p) { p.delete("page"); p.append(g[1], f.value); }) };
        }) };
      }).concat(saidLinks.length ? [{ Title: "What they said", Links: saidLinks }] : [])
    };
  }

  function render(res) {
    var frag = resultsTemplate.content.cloneNode(true);
    fill(frag, view(res));
    var own = frag.querySelector("[role=status]");
    status.textContent = own ? own.textContent : "";
    if (own) { own.parentNode.removeChild(own); }
    results.replaceChildren(frag);
  }

  function showError(msg) {
    var frag = errorTemplate.content.cloneNode(true);
    fill(frag, { Message: msg });
    status.textContent = "";
    results.replaceChildren(frag);
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
