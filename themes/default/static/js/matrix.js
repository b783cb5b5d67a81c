/* Plenary: ordering the states × topics matrix. The build writes it with
   the states that made the most statements first; this script adds a
   choice of order (by name, by total, by any topic) that sorts the rows
   in place, and says so to screen readers. Without it the order stays
   the build's. */
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  if (!table || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var label = document.createElement("label");
  label.className = "matrix-order";
  label.textContent = "Order by ";
  var select = document.createElement("select");
  [["total", "most statements"], ["name", "state, A to Z"]].concat(heads.slice(1, -1).map(function (th, i) {
    return [String(i + 1), "most on " + th.textContent.trim()];
  })).forEach(function (o) {
    var opt = document.createElement("option");
    opt.value = o[0];
    opt.textContent = o[1];
    select.appendChild(opt);
  });
  label.appendChild(select);
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  label.appendChild(status);
  table.parentNode.parentNode.insertBefore(label, table.parentNode);

  function num(row, i) {
    var t = row.cells[i].textContent.trim();
    return t === "" ? 0 : Number(t);
  }
  select.addEventListener("change", function () {
    var rows = Array.prototype.slice.call(body.rows);
    var v = select.value;
    var last = heads.length - 1;
    var col = v === "total" ? last : v === "name" ? 0 : Number(v);
    rows.sort(function (a, b) {
      if (col === 0) return a.cells[0].textContent.localeCompare(b.cells[0].textContent);
      return num(b, col) - num(a, col) || num(b, last) - num(a, last);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (th, i) {
      if (i === col) th.setAttribute("aria-sort", col === 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    status.textContent = "Ordered by " + select.options[select.selectedIndex].textContent;
  });
})();
