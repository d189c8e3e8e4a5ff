// Sortable comparison tables (tablesort, served by the site). Click a column heading to sort;
// a rating cell sorts by its rank on the scale, which the page carries (data-rank, written from
// the site's data), so Strong, Good, Fair, Weak stay in the scale's order, not alphabetical.
// A table whose corner cell is empty has properties for rows (Rating, Verdict, Size on disk),
// not a list of things, so it keeps its order.
(() => {
  document$.subscribe(() => {
    for (const table of document.querySelectorAll("article table:not([class])")) {
      if (!(table.tBodies[0]?.rows.length >= 4 && table.tHead)) continue;
      if (!table.tHead.rows[0]?.cells[0]?.textContent.trim()) continue;
      for (const badge of table.querySelectorAll("td .fvd-rating[data-rank]")) {
        badge.closest("td").dataset.sort = badge.dataset.rank;
      }
      new Tablesort(table);
    }
  });
})();
