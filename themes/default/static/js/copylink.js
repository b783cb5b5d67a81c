// Copies a paragraph's address to the clipboard when its ¶ link is
// chosen, and adds Copy buttons to citations. Without this script, or
// without clipboard access, the ¶ links remain ordinary links to the
// paragraph, and the citations remain selectable text.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;

  function flash(el) {
    el.classList.add("copied");
    window.setTimeout(function () { el.classList.remove("copied"); }, 1600);
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.anchor");
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    // The link still navigates (the address bar shows the paragraph);
    // copying is added, never instead.
    navigator.clipboard.writeText(a.href).then(function () { flash(a); }, function () {});
  });

  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.querySelectorAll(".cite-text, .cite-bibtex").forEach(function (el) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-button";
    b.textContent = el.classList.contains("cite-text") ? "Copy citation" : "Copy BibTeX";
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(el.textContent.trim() + "\n").then(function () {
        var label = b.textContent;
        status.textContent = "Copied";
        b.textContent = "Copied";
        window.setTimeout(function () { b.textContent = label; status.textContent = ""; }, 1600);
      }, function () {});
    });
    el.insertAdjacentElement("afterend", b);
  });
})();
