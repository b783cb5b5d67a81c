// A report's citations, kept up to date with what the reader cites, and
// copying. The page's citation names the report; when the address names a
// paragraph (reached through its ¶ link), it names that paragraph
// instead, and a "Copy citation" button follows the paragraph. The date
// the reader accessed the page, which the build cannot know, is added.
// Choosing a ¶ link copies the paragraph's address. Without this script
// the ¶ links remain links to the paragraph, and the citation remains
// selectable text.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var cite = document.querySelector(".cite[data-permalink]");
  var copying = !!(navigator.clipboard && window.isSecureContext);

  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function copy(text, button) {
    navigator.clipboard.writeText(text).then(function () {
      var label = button.textContent;
      status.textContent = "Copied";
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = label; status.textContent = ""; }, 1600);
    }, function () {});
  }
  function button(label, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-button";
    b.textContent = label;
    b.addEventListener("click", function () { copy(text(), b); });
    return b;
  }

  if (cite) {
    var permalink = cite.getAttribute("data-permalink");
    var head = cite.querySelector("h2");
    var para = cite.querySelector(".cite-para");
    var tail = cite.querySelector(".cite-tail");
    var accessed = cite.querySelector(".cite-accessed");
    var bib = cite.querySelector(".cite-bibtex code");
    var tailText = tail.textContent;
    var bibText = bib ? bib.textContent : "";
    var now = new Date();
    var iso = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
    accessed.textContent = " (accessed " + now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear() + ").";
    var target = null;

    var update = function () {
      var m = /^#p-(\d+)$/.exec(window.location.hash);
      var n = m && document.getElementById("p-" + m[1]) ? m[1] : "";
      var url = n ? permalink + "#p-" + n : permalink;
      head.textContent = n ? "Cite paragraph " + n : "Cite this report";
      para.textContent = n ? ", paragraph " + n : "";
      tail.textContent = tailText.split(permalink).join(url);
      if (bib) {
        bib.textContent = bibText.split("{" + permalink + "}").join("{" + url + "}")
          .replace(/\n}\n?$/, ",\n  urldate      = {" + iso + "}\n}\n");
      }
      if (target) { target.remove(); target = null; }
      if (n && copying) {
        var anchor = document.querySelector('#p-' + n + ' a.anchor');
        if (anchor) {
          target = button("Copy citation", function () { return cite.querySelector(".cite-text").textContent.trim(); });
          anchor.insertAdjacentElement("afterend", target);
        }
      }
    };
    update();
    window.addEventListener("hashchange", update);
  }

  if (!copying) return;
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.anchor");
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    // The link still navigates (the address bar shows the paragraph);
    // copying is added, never instead.
    navigator.clipboard.writeText(a.href).then(function () {
      a.classList.add("copied");
      window.setTimeout(function () { a.classList.remove("copied"); }, 1600);
    }, function () {});
  });
  document.querySelectorAll(".cite-text, .cite-bibtex").forEach(function (el) {
    var label = el.classList.contains("cite-text") ? "Copy citation" : "Copy BibTeX";
    el.insertAdjacentElement("afterend", button(label, function () { return el.textContent.trim() + "\n"; }));
  });
})();
