/* Plenary: two or three states side by side, on /compare/.
   Progressive enhancement: without this script the form asks the search
   endpoint for the statements of the states chosen (or, on a site without
   one, says where each state's pages are). With it, the page reads the
   states' data files (/data/states/<slug>.json, written by the build) and
   lays out their statements by topic and by session, in parallel columns,
   with counts and the statements in which their words agree. The choice
   is kept in the address (?a=france&b=china), so a comparison can be
   shared. Content is inserted as text only. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-compare]");
  var out = document.getElementById("compare-results");
  if (!form || !out || !window.fetch || !window.URLSearchParams || !window.Promise ||
      !window.history.pushState || !out.replaceChildren) {
    return;
  }
  var page = form.getAttribute("data-compare");
  var dir = form.getAttribute("data-data");
  var KEYS = ["a", "b", "c"];
  var SHOWN = 5; // statements per state and group before "all of them"
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-key]"));
  var slugOf = {};
  var nameOf = {};
  Array.prototype.forEach.call(document.querySelectorAll("#compare-states option"), function (o) {
    slugOf[o.value.toLowerCase()] = o.getAttribute("data-slug");
    nameOf[o.getAttribute("data-slug")] = o.value;
  });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function date(iso) {
    var p = iso.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }
  function message(text) {
    out.replaceChildren(add(el("p", { "class": "search-error", role: "alert" }), text));
  }

  // What a state's statement says, as a set of its words, to tell where
  // two states' words agree: words of four letters or more, without the
  // names of the states compared.
  var STOP = {};
  ("that this with from have which their they been also were would should could about other there these those " +
    "said says noted added stated stressed highlighted emphasised emphasized underlined supported welcomed " +
    "delegation delegations state states").split(" ").forEach(function (w) { STOP[w] = true; });
  function words(text, names) {
    var set = {};
    var n = 0;
    text.toLowerCase().split(/[^a-z0-9\u00c0-\u024f]+/).forEach(function (w) {
      if (w.length >= 4 && !STOP[w] && !names[w] && !set[w]) { set[w] = true; n++; }
    });
    return { set: set, n: n };
  }
  function similarity(a, b) {
    if (!a.n || !b.n) { return 0; }
    var shared = 0;
    Object.keys(a.set).forEach(function (w) { if (b.set[w]) { shared++; } });
    return shared / (a.n + b.n - shared);
  }

  // prepare indexes a state's data file by topic and by session.
  function prepare(d, names) {
    var reports = {};
    d.reports.forEach(function (r) { reports[r.slug] = r; });
    var s = { d: d, byTopic: {}, bySession: {}, topics: {}, sessions: {} };
    d.topics.forEach(function (t) { s.topics[t.key] = t; });
    d.sessions.forEach(function (x) { s.sessions[x.key] = x; });
    d.statements.forEach(function (st) {
      var r = reports[st.report];
      if (!r) { return; }
      var item = { st: st, r: r, words: null, names: names };
      st.topics.forEach(function (k) { (s.byTopic[k] = s.byTopic[k] || []).push(item); });
      (s.bySession[r.session] = s.bySession[r.session] || []).push(item);
    });
    return s;
  }

  function statement(item, showSession) {
    var li = el("li");
    add(li, add(el("blockquote"), el("p", {}, item.st.text)));
    var meta = el("p", { "class": "meta" });
    add(meta, el("a", { href: item.r.url + "#p-" + item.st.paragraph }, item.r.title + ", paragraph " + item.st.paragraph),
      " · " + date(item.r.date));
    if (showSession) { add(meta, " · " + showSession); }
    return add(li, meta);
  }

  // agreements lists the pairs of statements of two states in one group
  // that share a session and whose words agree most.
  function agreements(states, lists) {
    var pairs = [];
    for (var i = 0; i < states.length; i++) {
      for (var j = i + 1; j < states.length; j++) {
        (lists[i] || []).forEach(function (a) {
          if (!a.words) { a.words = words(a.st.text, a.names); }
          (lists[j] || []).forEach(function (b) {
            if (a.r.session !== b.r.session) { return; }
            if (!b.words) { b.words = words(b.st.text, b.names); }
            var sim = similarity(a.words, b.words);
            if (sim >= 0.3) { pairs.push({ sim: sim, a: a, b: b, i: i, j: j }); }
          });
        });
      }
    }
    pairs.sort(function (x, y) { return y.sim - x.sim; });
    return pairs.slice(0, 3);
  }

  // group renders one topic or session: a summary with the counts, and
  // the columns, made when it is opened.
  function group(states, title, lists, allURL, allLabel, sessionTitle) {
    var det = el("details", { "class": "compare-group" });
    var sum = add(el("summary"), el("span", { "class": "compare-title" }, title));
    var counts = el("span", { "class": "compare-counts" });
    states.forEach(function (s, i) {
      add(counts, (i ? " · " : "") + s.d.name + " " + (lists[i] ? lists[i].length : 0));
    });
    add(det, add(sum, " ", counts));
    var made = false;
    det.addEventListener("toggle", function () {
      if (made || !det.open) { return; }
      made = true;
      var agree = agreements(states, lists);
      if (agree.length) {
        var box = add(el("div", { "class": "compare-agree" }), el("h4", {}, "Where their words agree"));
        var ul = el("ul");
        agree.forEach(function (p) {
          var li = el("li");
          add(li, el("p", { "class": "meta" }, states[p.i].d.name + " and " + states[p.j].d.name + ", " + Math.round(p.sim * 100) + "% of their words shared"));
          add(li, add(el("ol", { "class": "said" }), statement(p.a), statement(p.b)));
          ul.appendChild(li);
        });
        det.appendChild(add(box, ul));
      }
      var cols = el("div", { "class": "compare-cols" });
      states.forEach(function (s, i) {
        var list = lists[i] || [];
        var col = add(el("section"), el("h4", {}, s.d.name + ": " + plural(list.length, "statement", "statements")));
        if (list.length) {
          var ol = el("ol", { "class": "said" });
          list.slice(0, SHOWN).forEach(function (item) {
            ol.appendChild(statement(item, sessionTitle ? sessionTitle(item) : ""));
          });
          col.appendChild(ol);
          if (list.length > SHOWN || allURL) {
            add(col, add(el("p"), el("a", { href: allURL(s) }, allLabel(s, list.length))));
          }
        } else {
          add(col, el("p", { "class": "note" }, "Nothing here."));
        }
        cols.appendChild(col);
      });
      det.appendChild(cols);
    });
    return det;
  }

  function sessionName(states, key) {
    for (var i = 0; i < states.length; i++) {
      if (states[i].sessions[key]) { return states[i].sessions[key].title; }
    }
    return "";
  }

  function render(states) {
    var names = states.map(function (s) { return s.d.name; });
    var frag = document.createDocumentFragment();
    var h = el("h2", { id: "compare-heading", tabindex: "-1" }, names.join(" · "));
    frag.appendChild(h);
    var table = el("table", { "class": "list compare-summary" });
    add(table, el("caption", {}, "What each said in the archive"));
    var head = el("tr");
    ["State", "Statements", "Sessions", "Topics"].forEach(function (t, i) {
      head.appendChild(el("th", { scope: "col", "class": i ? "num" : "" }, t));
    });
    add(table, add(el("thead"), head));
    var body = el("tbody");
    states.forEach(function (s) {
      var tr = el("tr");
      add(tr, add(el("th", { scope: "row" }), el("a", { href: s.d.url }, s.d.name)));
      [s.d.statement_count, s.d.sessions.length, s.d.topics.length].forEach(function (n) {
        tr.appendChild(el("td", { "class": "num" }, String(n)));
      });
      body.appendChild(tr);
    });
    frag.appendChild(add(table, body));

    // Topics, most discussed by the states together first.
    var topics = {};
    states.forEach(function (s) {
      s.d.topics.forEach(function (t) {
        topics[t.key] = topics[t.key] || { key: t.key, title: t.title, n: 0 };
        topics[t.key].n += t.count;
      });
    });
    var tsec = add(el("section", { "aria-labelledby": "compare-topics" }), el("h3", { id: "compare-topics" }, "By topic"));
    add(tsec, el("p", { "class": "note" }, "Open a topic to read each state's newest statements on it side by side."));
    Object.keys(topics).map(function (k) { return topics[k]; }).sort(function (a, b) { return b.n - a.n || (a.title < b.title ? -1 : 1); })
      .forEach(function (t) {
        tsec.appendChild(group(states, t.title, states.map(function (s) { return s.byTopic[t.key]; }),
          function (s) { return s.d.url + "topics/" + t.key + "/"; },
          function (s, n) { return "All " + plural(n, "statement", "statements") + " of " + s.d.name + " on " + t.title; },
          function (item) { return sessionName(states, item.r.session); }));
      });
    frag.appendChild(tsec);

    // Sessions, newest first.
    var sessions = {};
    states.forEach(function (s) {
      s.d.sessions.forEach(function (x) { sessions[x.key] = sessions[x.key] || { key: x.key, title: x.title, last: "" }; });
      s.d.reports.forEach(function (r) {
        var x = sessions[r.session];
        if (x && r.date > x.last) { x.last = r.date; }
      });
    });
    var ssec = add(el("section", { "aria-labelledby": "compare-sessions" }), el("h3", { id: "compare-sessions" }, "By session"));
    Object.keys(sessions).map(function (k) { return sessions[k]; }).sort(function (a, b) { return a.last < b.last ? 1 : a.last > b.last ? -1 : 0; })
      .forEach(function (x) {
        ssec.appendChild(group(states, x.title, states.map(function (s) { return s.bySession[x.key]; }),
          function (s) { return s.d.url + "sessions/" + x.key + "/"; },
          function (s, n) { return "All " + plural(n, "statement", "statements") + " of " + s.d.name + " at this session"; }));
      });
    frag.appendChild(ssec);
    out.replaceChildren(frag);
    h.focus();
  }

  function load(slugs) {
    out.replaceChildren(el("p", { role: "status" }, "Loading…"));
    Promise.all(slugs.map(function (s) {
      return fetch(dir + encodeURIComponent(s) + ".json").then(function (r) {
        if (!r.ok) { throw new Error(nameOf[s] + ": " + r.status); }
        return r.json();
      });
    })).then(function (data) {
      var names = {};
      data.forEach(function (d) {
        d.name.toLowerCase().split(/[^a-z0-9\u00c0-\u024f]+/).forEach(function (w) { names[w] = true; });
      });
      render(data.map(function (d) { return prepare(d, names); }));
    }, function (err) {
      message("The states' data could not be read (" + err.message + ").");
    });
  }

  function slugFor(v) {
    v = v.trim();
    return slugOf[v.toLowerCase()] || (nameOf[v] ? v : "");
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var slugs = [];
    var unknown = [];
    inputs.forEach(function (i) {
      if (!i.value.trim()) { return; }
      var s = slugFor(i.value);
      if (!s) { unknown.push(i.value.trim()); } else if (slugs.indexOf(s) < 0) { slugs.push(s); }
    });
    if (unknown.length) { message("No state in the archive is called " + unknown.join(", ") + ": choose one from the list."); return; }
    if (slugs.length < 2) { message("Choose two or three different states."); return; }
    var q = new URLSearchParams();
    slugs.forEach(function (s, i) { q.set(KEYS[i], s); });
    window.history.pushState(null, "", page + "?" + q.toString());
    load(slugs);
  });
  function fromAddress() {
    var p = new URLSearchParams(window.location.search);
    var slugs = KEYS.map(function (k) { return p.get(k); }).filter(function (s) { return s && nameOf[s]; });
    inputs.forEach(function (inp, i) { inp.value = slugs[i] ? nameOf[slugs[i]] : ""; });
    if (slugs.length >= 2) { load(slugs); } else { out.replaceChildren(); }
  }
  window.addEventListener("popstate", fromAddress);
  // The states' data files are large: they are asked for once the page
  // itself has been painted, so that they never hold it up.
  var later = function () {
    window.requestAnimationFrame(function () { window.setTimeout(fromAddress, 0); });
  };
  if (document.readyState === "complete") {
    later();
  } else {
    window.addEventListener("load", later);
  }
})();
