// Sortable comparison tables (tablesort, served by the site). Click a column heading to sort;
// rating columns sort by the scale's order (Strong, Good, Fair, Weak), not alphabetically.
(() => {
  const scale = ["Strong", "Good", "Fair", "Weak"];
  const rating = (text) => scale.findIndex((label) => text.trim().startsWith(label));

  Tablesort.extend("rating", (item) => rating(item) >= 0, (a, b) => rating(b) - rating(a));

  document$.subscribe(() => {
    for (const table of document.querySelectorAll("article table:not([class])")) {
      if (table.tBodies[0]?.rows.length >= 4 && table.tHead) new Tablesort(table);
    }
  });
})();
