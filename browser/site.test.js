// Real-browser tests of the built archive: Debian's Chromium driven by
// playwright-core (no browser is ever downloaded), axe-core on every page
// type, the Nu HTML Checker on every page, and every internal link.
//
//	cd browser && npm ci --ignore-scripts && npm test
//
// The test builds the repository's own archive (config.toml, content/,
// themes/) into a temporary folder with the plenary command, starts
// plenary-search on its index, and serves the site on 127.0.0.1 with
// /search forwarded to the endpoint, as the proxy in production does.
//
// Environment:
//
//	CHROMIUM            the browser (default /usr/bin/chromium, else chromium on PATH)
//	JAVA                java for the Nu HTML Checker (default java on PATH)
//	PLENARY_ARTIFACTS   where screenshots and reports go (default a new temporary folder)
//	PLENARY_BROWSER_REQUIRED=1  fail instead of skipping when chromium or java is missing (CI)
//	PLENARY_BROWSER_REPORTS=N   test a generated archive of N reports (plenary bench's) instead of
//	                            the repository's own: the pages of what states said, the matrices
//	                            and the lists are then as large as a real archive's (1000 in CI)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const required = process.env.PLENARY_BROWSER_REQUIRED === "1";
const generated = Number(process.env.PLENARY_BROWSER_REPORTS || 0);

// The page types of the site, one address each, for screenshots, axe and
// the browser's console. Filled in before() from the built site.
const pages = {};

let tmp, site, artifacts, baseURL, chromium, java, browser, searchProc, server;
let skipReason = "";

function which(cmd) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return "";
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8", ".json": "application/json; charset=utf-8", ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".png": "image/png", ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

// serve answers like a static host in front of plenary-search: the site's
// files, folders as their index.html, /404.html for what is missing, and
// /search (not /search/, the search page) forwarded to the endpoint. With
// no searchPort it is a static host alone (GitHub Pages), serving dir
// under prefix (a project site's sub-path).
function serve(port, searchPort, dir = site, prefix = "/") {
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (searchPort && (url.pathname.endsWith("/search") || url.pathname === "/healthz")) {
      const up = http.request({ host: "127.0.0.1", port: searchPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
      req.pipe(up);
      return;
    }
    let p = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!p.startsWith(dir) || !url.pathname.startsWith(prefix)) { p = path.join(dir, "\0missing"); }
    try {
      let st = await fsp.stat(p);
      if (st.isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { Location: url.pathname + "/" + url.search });
          res.end();
          return;
        }
        p = path.join(p, "index.html");
        st = await fsp.stat(p);
      }
      res.writeHead(200, { "Content-Type": types[path.extname(p)] || "application/octet-stream", "Content-Length": st.size });
      if (req.method === "HEAD") { res.end(); return; }
      fs.createReadStream(p).pipe(res);
    } catch {
      const body = await fsp.readFile(path.join(dir, "404.html")).catch(() => "not found");
      res.writeHead(404, { "Content-Type": types[".html"] });
      res.end(req.method === "HEAD" ? undefined : body);
    }
  });
  return new Promise((resolve) => srv.listen(port, "127.0.0.1", () => resolve(srv)));
}

async function copyArchive(dest, baseURL) {
  await fsp.mkdir(dest, { recursive: true });
  for (const d of ["content", "themes"]) {
    await fsp.cp(path.join(root, d), path.join(dest, d), { recursive: true });
  }
  // The site's absolute addresses (canonical, feeds, sitemap) point at
  // the test server, so the link check follows them too.
  const cfg = await fsp.readFile(path.join(root, "config.toml"), "utf8");
  await fsp.writeFile(path.join(dest, "config.toml"), cfg.replace(/^baseURL\s*=.*$/m, `baseURL = "${baseURL}"`));
}

before(async () => {
  chromium = process.env.CHROMIUM || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : which("chromium"));
  java = process.env.JAVA || which("java");
  if (chromium && !fs.existsSync(chromium)) chromium = "";
  if (java && !fs.existsSync(java)) java = "";
  const go = which("go");
  if (!chromium || !java || !go) {
    skipReason = `needs ${[!chromium && "chromium (apt-get install chromium)", !java && "java (apt-get install default-jre-headless)", !go && "go"].filter(Boolean).join(", ")}`;
    if (required) throw new Error(skipReason);
    return;
  }
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "plenary-browser-"));
  artifacts = process.env.PLENARY_ARTIFACTS ? path.resolve(process.env.PLENARY_ARTIFACTS) : path.join(tmp, "artifacts");
  await fsp.mkdir(path.join(artifacts, "screenshots"), { recursive: true });
  console.log(`# artifacts: ${artifacts}`);

  const [port, searchPort] = [await freePort(), await freePort()];
  baseURL = `http://127.0.0.1:${port}/`;
  let src = path.join(tmp, "archive");
  site = path.join(tmp, "public");
  const bin = path.join(tmp, "bin");
  const opts = { cwd: root, maxBuffer: 16 << 20, env: { ...process.env, CGO_ENABLED: "0" } };
  await Promise.all([
    run(go, ["build", "-o", path.join(bin, "plenary"), "./cmd/plenary"], opts),
    run(go, ["build", "-o", path.join(bin, "plenary-search"), "./cmd/plenary-search"], opts),
  ]);
  const index = path.join(tmp, "search.bleve");
  const flags = ["build", "--quiet", "--dest", site, "--index", index];
  if (generated > 0) {
    // A generated archive with the bundled theme, at the test server's address.
    await run(path.join(bin, "plenary"), ["bench", "--reports", String(generated), "--keep", path.join(tmp, "gen")], opts);
    src = path.join(tmp, "gen", "archive");
    flags.push("--base-url", baseURL, "--search-endpoint", "search");
  } else {
    await copyArchive(src, baseURL);
  }
  await run(path.join(bin, "plenary"), [...flags, "--source", src], opts);

  searchProc = spawn(path.join(bin, "plenary-search"), ["--index", index, "--addr", `127.0.0.1:${searchPort}`], { stdio: ["ignore", "ignore", "inherit"] });
  server = await serve(port, searchPort);
  await waitFor(`http://127.0.0.1:${searchPort}/healthz`, 10000);

  // One page of each type, taken from the built site: Brazil's, where it
  // has them, else the first state's.
  const dirs = (dir) => fs.readdirSync(path.join(site, dir), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "page").map((d) => d.name).sort();
  const first = (dir) => dirs(dir)[0];
  const report = first("reports");
  const state = fs.existsSync(path.join(site, "states", "brazil")) ? "brazil" : dirs("states").filter((d) => d !== "matrix")[0];
  const other = dirs("states").filter((d) => d !== "matrix" && d !== state)[0];
  const atSession = dirs(`states/${state}/sessions`)[0];
  const onTopic = dirs(`states/${state}/topics`)[0];
  Object.assign(pages, {
    home: "/", reports: "/reports/", report: `/reports/${report}/`, sessions: "/sessions/", session: `/sessions/${atSession}/`,
    states: "/states/", state: `/states/${state}/`, "state-topics": `/states/${state}/topics/`,
    "state-at-session": `/states/${state}/sessions/${atSession}/`, "state-on-topic": `/states/${state}/topics/${onTopic}/`,
    matrix: "/states/matrix/", "session-matrix": `/states/matrix/sessions/${atSession}/`,
    compare: `/compare/?a=${state}&b=${other}`, topics: "/topics/", topic: `/topics/${first("topics")}/`, search: "/search/",
    "search-results": "/search?q=Programme+of+Action", "not-found": "/no-such-page/",
  });
  for (const d of dirs("states")) {
    const t = path.join(site, "states", d, "topics");
    const paged = fs.existsSync(t) && dirs(`states/${d}/topics`).find((k) => fs.existsSync(path.join(t, k, "page")));
    if (paged) { pages["state-on-topic-archive"] = `/states/${d}/topics/${paged}/page/${dirs(`states/${d}/topics/${paged}/page`)[0]}/`; break; }
  }
  if (fs.existsSync(path.join(site, "reports", "page"))) pages["reports-archive"] = `/reports/page/${dirs("reports/page")[0]}/`;

  const { chromium: pw } = require("playwright-core");
  browser = await pw.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
});

after(async () => {
  await browser?.close();
  searchProc?.kill();
  for (const p of published.procs) p.kill();
  await new Promise((r) => (server ? server.close(r) : r()));
  for (const srv of published.servers) await new Promise((r) => srv.close(r));
  if (tmp) {
    for (const d of ["archive", "public", ".public.versions", "bin", "search.bleve", "endpoint", "pages"]) await fsp.rm(path.join(tmp, d), { recursive: true, force: true });
  }
});

// published holds the sites built as GitHub Pages would serve them: under
// a sub-path of a static host, with the endpoint on a host of its own or
// with none, each started on first use.
const published = { procs: [], servers: [], sites: {} };

// publishedSite builds the archive for http://127.0.0.1:PORT/plenary/ with
// --search-endpoint endpoint ("" for none; "elsewhere" for an endpoint on
// another origin, localhost and a port of its own, started here) and
// serves it as a static host alone.
async function publishedSite(endpoint) {
  if (published.sites[endpoint]) return published.sites[endpoint];
  const [port, searchPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}/plenary/`;
  const search = endpoint === "elsewhere" ? `http://localhost:${searchPort}/search` : endpoint;
  const dir = path.join(tmp, "pages", endpoint || "none");
  const index = path.join(dir, "search.bleve");
  await copyArchive(path.join(dir, "archive"), "http://localhost:1313/");
  await run(path.join(tmp, "bin", "plenary"), ["build", "--quiet", "--source", path.join(dir, "archive"), "--dest", path.join(dir, "public"),
    "--index", index, "--base-url", base, "--search-endpoint", search], { cwd: root, maxBuffer: 16 << 20 });
  if (search) {
    const proc = spawn(path.join(tmp, "bin", "plenary-search"), ["--index", index, "--addr", `127.0.0.1:${searchPort}`], { stdio: ["ignore", "ignore", "inherit"] });
    published.procs.push(proc);
    await waitFor(`http://127.0.0.1:${searchPort}/healthz`, 10000);
  }
  published.servers.push(await serve(port, null, path.join(dir, "public"), "/plenary/"));
  return (published.sites[endpoint] = { base, search });
}

// page opens a new page that fails the test on any script error or failed
// request of the site.
async function open(t, opts = {}) {
  const ctx = await browser.newContext({ baseURL, ...opts });
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/404 \(Not Found\)/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on("requestfailed", (r) => {
    // A browser fetches the icon after the page has loaded, and drops the
    // request when the test moves on: not a problem of the site.
    if (/\/favicon\.svg$/.test(r.url()) && r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  t.after(async () => {
    await ctx.close();
    assert.deepEqual(problems, [], "the browser reported problems");
  });
  return page;
}

function skip(t) {
  if (skipReason) { t.skip(skipReason); return true; }
  return false;
}

test("home → state → the exact paragraph of a statement", async (t) => {
  if (skip(t)) return;
  const page = await open(t);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "States" }).click();
  await page.waitForURL("**/states/");
  await page.getByRole("link", { name: "Brazil", exact: true }).first().click();
  await page.waitForURL("**/states/brazil/");
  assert.equal(await page.locator("h1").innerText(), "Brazil");
  const link = page.locator("section.statements a.para").first();
  const quote = await page.locator("section.statements blockquote").first().innerText();
  const href = await link.getAttribute("href");
  const n = /#p-(\d+)$/.exec(href)?.[1];
  assert.ok(n, `a statement links to a paragraph: ${href}`);
  await link.click();
  await page.waitForURL(`**#p-${n}`);
  const target = page.locator(`[id="p-${n}"]`);
  assert.equal(await target.count(), 1);
  assert.ok(await page.evaluate(() => document.querySelector(":target") !== null && document.querySelector(":target").id === location.hash.slice(1)), "the paragraph is the :target");
  const text = await target.innerText();
  assert.match(text, /Brazil/);
  // The statement on the state's page is part of that paragraph.
  const start = quote.replace(/^…\s*/, "").replace(/\s*…$/, "").slice(0, 60).replace(/\s+/g, " ");
  assert.ok(text.replace(/\s+/g, " ").includes(start), `paragraph ${n} holds the quoted statement:\n${start}\n${text}`);
  assert.ok(await target.isVisible());
  const box = await target.boundingBox();
  assert.ok(box && box.y >= -1 && box.y < (page.viewportSize()?.height ?? 720), `paragraph ${n} is scrolled into view (y=${box?.y})`);
});

test("search as you type, then a facet, with JavaScript", async (t) => {
  if (skip(t)) return;
  const page = await open(t);
  await page.goto("/search/");
  await page.locator("#q-page").pressSequentially("Programme of Action", { delay: 20 });
  await page.locator("#results .search-hit").first().waitFor();
  await page.waitForURL(/[?&]q=Programme/);
  const hits = await page.locator("#results .search-hit").count();
  assert.ok(hits >= 1, "results appear as you type");
  assert.match(await page.locator(".search-status").innerText(), /\d/);
  const excerpt = page.locator("#results .search-excerpt mark").first();
  assert.ok(await excerpt.count(), "excerpts mark the words");
  // A facet narrows the results in place and keeps the search in the address.
  const facet = page.locator(".search-facets a").first();
  const label = (await facet.innerText()).trim();
  await facet.click();
  await page.waitForURL(/[?&](state|speaker|topic|session)=/);
  await page.locator(".search-facets a[aria-current=true]").first().waitFor();
  assert.equal((await page.locator(".search-facets a[aria-current=true]").first().innerText()).trim(), label);
  assert.ok(await page.locator("#results .search-hit").count() >= 1);
  // The filter in use is listed with a link that removes it.
  const inUse = page.locator(".search-filters li").first();
  assert.ok((await inUse.innerText()).includes(label.replace(/\s*\d+\s*reports?$/, "").trim()), "the filter in use is listed");
  await inUse.locator("a.remove").click();
  await page.waitForURL((u) => !/[?&](state|speaker|topic|session)=/.test(u.search));
  await page.locator(".search-facets").first().waitFor();
  assert.equal(await page.locator(".search-filters li").count(), 0, "the filter is removed");
  // A hit leads to its paragraph.
  const href = await page.locator("#results .search-hit h2 a").first().getAttribute("href");
  assert.ok(href.startsWith(baseURL + "reports/") && /\/reports\/[^/]+\/(#p-\d+)?$/.test(href), `a hit links to a report's paragraph: ${href}`);
});

test("search submitted without JavaScript", async (t) => {
  if (skip(t)) return;
  const page = await open(t, { javaScriptEnabled: false });
  await page.goto("/");
  await page.locator("#q-home").fill("Programme of Action");
  await Promise.all([page.waitForURL(/\/search\?q=Programme/), page.locator("#q-home").press("Enter")]);
  assert.ok(await page.locator(".search-hit").count() >= 1, "the endpoint answers with the results page");
  assert.equal(await page.locator("main input[name=q]").inputValue(), "Programme of Action");
  const facet = page.locator(".search-facets a").first();
  await Promise.all([page.waitForURL(/[?&](state|speaker|topic|session)=/), facet.click()]);
  assert.ok(await page.locator(".search-hit").count() >= 1, "a facet works as a plain link");
});

test("screenshots at 375 and 1280 px", async (t) => {
  if (skip(t)) return;
  const wide = [];
  for (const [width, scheme] of [[375, "light"], [375, "dark"], [1280, "light"], [1280, "dark"]]) {
    const page = await open(t, { viewport: { width, height: 900 }, colorScheme: scheme });
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      const file = path.join(artifacts, "screenshots", `${name}-${width}${scheme === "dark" ? "-dark" : ""}.png`);
      if (name === "compare") await page.locator("#compare-heading").waitFor();
      await page.screenshot({ path: file, fullPage: !generated || !/matrix|state-on-topic/.test(name) });
      const over = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > w + 1)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
        return { by: document.documentElement.scrollWidth - w, wide };
      });
      if (over.by > 0) wide.push(`${url} at ${width} px scrolls sideways by ${over.by} px: ${over.wide.join(", ")}`);
    }
  }
  // Nothing is wider than the window: no sideways scrolling on a phone.
  assert.equal(wide.length, 0, wide.join("\n"));
});

test("axe-core: no serious or critical violations on any page type", async (t) => {
  if (skip(t)) return;
  const axe = require.resolve("axe-core/axe.min.js");
  const failures = [];
  const report = {};
  for (const [width, scheme] of [[1280, "light"], [1280, "dark"], [375, "light"], [375, "dark"]]) {
    const page = await open(t, { colorScheme: scheme, bypassCSP: true, viewport: { width, height: 800 } });
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      if (name === "search") {
        // The page as a script fills it: results and facets.
        await page.locator("#q-page").fill("Brazil");
        await page.locator("#results .search-hit").first().waitFor();
      }
      if (name === "compare") {
        // The comparison as its script lays it out, one topic opened.
        await page.locator("#compare-heading").waitFor();
        await page.locator(".compare-group > summary").first().click();
        await page.locator(".compare-cols").first().waitFor();
      }
      await page.addScriptTag({ path: axe });
      const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      report[`${name}-${width}-${scheme}`] = res.violations;
      for (const v of res.violations) {
        if (v.impact === "serious" || v.impact === "critical") {
          failures.push(`${url} (${width} px, ${scheme}): ${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + n.failureSummary.replace(/\s+/g, " ")).join("\n  ")}`);
        } else {
          t.diagnostic(`${url} (${width} px, ${scheme}): ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
        }
      }
    }
  }
  await fsp.writeFile(path.join(artifacts, "axe.json"), JSON.stringify(report, null, 1));
  assert.equal(failures.length, 0, failures.join("\n"));
});

test("Nu HTML Checker: every page is valid HTML", async (t) => {
  if (skip(t)) return;
  // The endpoint's pages are not files of the site: save them for the check.
  const dyn = path.join(tmp, "endpoint");
  await fsp.mkdir(dyn, { recursive: true });
  for (const [name, q] of [["results", "q=Programme+of+Action"], ["filtered", "q=security&state=brazil"], ["none", "q=zzzzqqq"], ["error", "q=%22"]]) {
    const r = await fetch(`${baseURL}search?${q}`, { headers: { Accept: "text/html" } });
    await fsp.writeFile(path.join(dyn, `${name}.html`), await r.text());
  }
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  // A generated archive has thousands of pages: every page kind, and a
  // sample of the rest, every one the same way.
  let targets = [site, dyn];
  if (generated > 0) {
    const all = [];
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".html")) all.push(p);
      }
    };
    walk(site);
    all.sort();
    const kinds = Object.values(pages).filter((u) => !u.includes("?") && !u.includes("no-such")).map((u) => path.join(site, u, "index.html"));
    const step = Math.max(1, Math.floor(all.length / 400));
    targets = [...new Set([...kinds.filter((f) => fs.existsSync(f)), ...all.filter((_, i) => i % step === 0)]), dyn];
    t.diagnostic(`the Nu checker reads ${targets.length - 1} of ${all.length} pages`);
  }
  let out;
  try {
    out = await run(java, ["-Xss4m", "-jar", jar, "--format", "json", "--skip-non-html", "--also-check-svg", ...targets], { maxBuffer: 64 << 20 });
  } catch (e) {
    if (e.code === undefined || e.stderr === undefined) throw e;
    out = e; // exit 1 when there are errors; they are read below.
  }
  const messages = JSON.parse(out.stderr || "{\"messages\":[]}").messages;
  await fsp.writeFile(path.join(artifacts, "vnu.json"), JSON.stringify(messages, null, 1));
  const rel = (u) => (u || "").replace(/^file:/, "").replace(site, "").replace(dyn, "/search?…");
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
  const warned = new Map();
  for (const m of messages.filter((m) => m.type !== "error")) {
    const k = `${m.subType || m.type}: ${m.message}`;
    if (!warned.has(k)) warned.set(k, { n: 0, first: rel(m.url) });
    warned.get(k).n++;
  }
  for (const [k, { n, first }] of warned) t.diagnostic(`${k} (${n}×, first on ${first})`);
  assert.equal(errors.length, 0, errors.map((m) => `${rel(m.url)}:${m.lastLine}: ${m.message} [${(m.extract || "").trim()}]`).join("\n"));
});

test("no broken internal links in the whole site", async (t) => {
  if (skip(t)) return;
  const { LinkChecker } = await import("linkinator");
  const checker = new LinkChecker();
  const origin = baseURL.replace(/\/$/, "");
  const result = await checker.check({
    path: baseURL, recurse: true, concurrency: generated ? 4 : 8, timeout: 30000,
    // A busy machine drops a connection now and then: try again.
    retryErrors: true, retryErrorsCount: 3, retryErrorsJitter: 500,
    // Only this site: every other address is left alone (the network is closed).
    linksToSkip: (link) => Promise.resolve(!link.startsWith(origin)),
  });
  const broken = result.links.filter((l) => l.state === "BROKEN");
  const checked = result.links.filter((l) => l.state === "OK").length;
  t.diagnostic(`${checked} internal links checked`);
  assert.ok(checked > 100, `the checker followed the site (${checked} links)`);
  assert.equal(broken.length, 0, broken.map((l) => `${l.url} (${l.status}) on ${l.parent}`).join("\n"));
  // Fragments: every #p-N and other anchor a page links to exists on its target.
  const missing = [];
  const ids = new Map();
  const idsOf = async (p) => {
    if (!ids.has(p)) {
      const f = path.join(site, p, p.endsWith("/") ? "index.html" : "");
      const html = await fsp.readFile(f, "utf8").catch(() => "");
      ids.set(p, new Set([...html.matchAll(/\sid=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2])));
    }
    return ids.get(p);
  };
  for (const l of result.links) {
    const u = new URL(l.url);
    if (!u.hash || u.origin !== origin || !u.pathname.endsWith("/")) continue;
    const id = decodeURIComponent(u.hash.slice(1));
    if (!(await idsOf(u.pathname)).has(id)) missing.push(`${u.pathname}${u.hash} on ${l.parent}`);
  }
  assert.equal(missing.length, 0, `links to missing anchors:\n${missing.join("\n")}`);
});

test("a project site on a static host, its search endpoint on another host", async (t) => {
  if (skip(t)) return;
  const { base, search } = await publishedSite("elsewhere");
  const page = await open(t, { baseURL: base });
  // With JavaScript: the site's search page asks the endpoint across origins.
  await page.goto(base + "search/");
  await page.locator("#q-page").pressSequentially("Programme of Action", { delay: 20 });
  await page.locator("#results .search-hit").first().waitFor();
  const hit = await page.locator("#results .search-hit h2 a").first().getAttribute("href");
  assert.ok(hit.startsWith(base + "reports/"), `a hit leads to the site: ${hit}`);
  // Without JavaScript: the header's form goes to the endpoint, whose page
  // is the site's, styled, with the site's menu.
  const plain = await open(t, { baseURL: base, javaScriptEnabled: false });
  await plain.goto(base);
  await plain.locator("#q-home").fill("Programme of Action");
  await Promise.all([plain.waitForURL(search + "?q=Programme*"), plain.locator("#q-home").press("Enter")]);
  assert.ok(await plain.locator(".search-hit").count() >= 1, "the endpoint answers with its results page");
  const styled = await plain.evaluate(() => getComputedStyle(document.querySelector(".search-hits")).listStyleType === "none" &&
    getComputedStyle(document.querySelector(".site-header nav ul")).display === "flex");
  assert.ok(styled, "the results page is styled by the site's stylesheet");
  assert.equal(await plain.locator(".site-header nav a", { hasText: "States" }).getAttribute("href"), base + "states/");
  const facet = plain.locator(".search-facets a").first();
  await Promise.all([plain.waitForURL(new RegExp("^" + search.replace(/[.?]/g, "\\$&") + "\\?.*(state|speaker|topic|session)=")), facet.click()]);
  await Promise.all([plain.waitForURL(base + "states/"), plain.locator(".site-header nav a", { hasText: "States" }).click()]);
  assert.equal(await plain.locator("h1").innerText(), "States");
});

test("a project site on a static host without a search endpoint", async (t) => {
  if (skip(t)) return;
  const { base } = await publishedSite("");
  const page = await open(t, { baseURL: base });
  await page.goto(base);
  assert.equal(await page.locator("form[role=search]").count(), 0, "no search box that leads nowhere");
  const note = page.locator(".site-header .search-none");
  assert.match(await note.innerText(), /No search on this site/);
  await Promise.all([page.waitForURL(base + "search/"), note.getByRole("link", { name: "No search on this site" }).click()]);
  assert.match(await page.locator("main").innerText(), /without a search service/);
  await Promise.all([page.waitForURL(base + "topics/"), page.locator("main").getByRole("link", { name: "Topics", exact: true }).click()]);
  const axe = require.resolve("axe-core/axe.min.js");
  const failures = [];
  for (const url of [base, base + "search/"]) {
    await page.goto(url);
    await page.addScriptTag({ path: axe });
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of res.violations) if (v.impact === "serious" || v.impact === "critical") failures.push(`${url}: ${v.id}: ${v.help}`);
  }
  assert.equal(failures.length, 0, failures.join("\n"));
  const narrow = await open(t, { baseURL: base, viewport: { width: 375, height: 900 } });
  await narrow.goto(base);
  await narrow.screenshot({ path: path.join(artifacts, "screenshots", "no-search-375.png"), fullPage: true });
  const over = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `the note scrolls sideways by ${over} px at 375 px`);
});

test("a state at a session, compared with another, and the matrix ordered", async (t) => {
  if (skip(t)) return;
  const page = await open(t);
  // From a session's speakers to what one said there, marked.
  await page.goto(pages.session);
  const speaker = page.locator("#speakers ~ ul.counts a, section[aria-labelledby=speakers] ul.counts a").first();
  await Promise.all([page.waitForURL(/\/states\/[^/]+\/sessions\/[^/]+\/$/), speaker.click()]);
  assert.ok(await page.locator("ol.said li mark").count() >= 1, "the state's sentences are marked");
  const para = await page.locator("ol.said li p.meta a").first().getAttribute("href");
  assert.match(para, /\/reports\/[^/]+\/#p-\d+$/);
  // The comparison lays out both states by topic, from its address.
  await page.goto(pages.compare);
  await page.locator("#compare-heading").waitFor();
  assert.ok(await page.locator("table.compare-summary tbody tr").count() === 2, "both states are summarised");
  await page.locator(".compare-group > summary").first().click();
  assert.equal(await page.locator(".compare-group[open] .compare-cols > section").count(), 2, "a column per state");
  // The form keeps the choice in the address.
  await page.locator("#compare-c").fill("");
  await Promise.all([page.waitForURL(/\/compare\/\?a=[^&]+&b=[^&]+$/), page.locator(".compare-form button").click()]);
  await page.locator("#compare-heading").waitFor();
  await page.locator("table.compare-summary").waitFor();
  // The matrix orders its rows by name.
  await page.goto(pages.matrix);
  await page.locator(".matrix-order select").selectOption("name");
  const names = await page.locator("table.matrix tbody th").allInnerTexts();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), "rows are A to Z");
});
