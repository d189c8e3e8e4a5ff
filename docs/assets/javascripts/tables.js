// Sortable comparison tables (tablesort, served by the site). Click a column heading to sort;
// a rating cell sorts by its rank on the scale, which the page carries (data-rank, written from
// the site's data), so Strong, Good, Fair, Weak stay in the scale's order, not alphabetical.
(() => {
  document$.subscribe(() => {
    for (const table of document.querySelectorAll("article table:not([class])")) {
      if (!(table.tBodies[0]?.rows.length >= 4 && table.tHead)) continue;
      for (const badge of table.querySelectorAll("td .fvd-rating[data-rank]")) {
        badge.closest("td").dataset.sort = badge.dataset.rank;
      }
      new Tablesort(table);
    }
  });
})();
