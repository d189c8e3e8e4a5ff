// Sortable comparison tables (tablesort, served by the site). Click a column heading to sort;
// a rating cell sorts by its rank on the scale, which the page carries (data-rank, written from
// the site's data), so Strong, Good, Fair, Weak stay in the scale's order, not alphabetical,
// and a cell that says "Not assessed yet" sorts after all of them.
// A table whose corner cell is empty has properties for rows (Rating, Verdict, Size on disk),
// not a list of things, so it keeps its order.
(() => {
  document$.subscribe(() => {
    for (const table of document.querySelectorAll("article table:not([class])")) {
      if (!(table.tBodies[0]?.rows.length >= 4 && table.tHead)) continue;
      if (!table.tHead.rows[0]?.cells[0]?.textContent.trim()) continue;
      const ranks = [...table.querySelectorAll("td .fvd-rating[data-rank]")];
      for (const badge of ranks) {
        badge.closest("td").dataset.sort = badge.dataset.rank;
      }
      // "Not assessed yet" is no rank: it sorts after the lowest one, never among them.
      const unranked = String(Math.max(0, ...ranks.map((badge) => Number(badge.dataset.rank))) + 1);
      for (const gap of table.querySelectorAll("td .fvd-gap")) {
        gap.closest("td").dataset.sort = unranked;
      }
      new Tablesort(table);
    }
  });
})();
