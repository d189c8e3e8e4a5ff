// The comparison builder (docs/compare.md): tick criteria, give each an importance, and the
// matrix below shows only those, must-haves first. The choice lives in the page address
// (?criterion=importance&...), so reloading or sharing the link restores it. Everything shown
// comes from the page: the rows are the build's, and the Markdown export of each row was
// written at build time (the form's data-export); this script only picks pieces and joins them.
// No total is computed: ratings are ordered labels, not numbers (the page says why).
(() => {
  function choicesOf(form) {
    return [...form.querySelectorAll("input[type=checkbox][data-criterion]")].map((box) => {
      const choice = box.closest(".fvd-compare__choice");
      return {
        id: box.dataset.criterion,
        box,
        select: choice.querySelector("select"),
        title: choice.querySelector("label").textContent,
      };
    });
  }

  function readAddress(choices) {
    const params = new URLSearchParams(location.search);
    for (const { id, box, select } of choices) {
      const level = params.get(id);
      box.checked = level !== null;
      const known = [...select.options].some((option) => option.value === level);
      select.value = known ? level : [...select.options].find((option) => option.defaultSelected).value;
    }
  }

  function query(choices) {
    // Other parameters (such as the search's ?h=) stay as they were.
    const params = new URLSearchParams(location.search);
    for (const { id } of choices) params.delete(id);
    for (const { id, box, select } of choices) if (box.checked) params.set(id, select.value);
    const text = params.toString();
    return text ? `?${text}` : "";
  }

  function levelsOf(choices) {
    return [...choices[0].select.options].map((option) => ({ id: option.value, label: option.textContent }));
  }

  function draw(form, choices, matrix, data) {
    const levels = levelsOf(choices);
    const rank = (choice) => levels.findIndex((level) => level.id === choice.select.value);
    const picked = choices.filter((choice) => choice.box.checked);
    const shown = picked.length ? [...picked].sort((a, b) => rank(a) - rank(b)) : choices;
    const tbody = matrix.rows.get(choices[0].id)?.closest("tbody");
    for (const choice of choices) {
      choice.select.disabled = !choice.box.checked;
      const row = matrix.rows.get(choice.id);
      row.hidden = !shown.includes(choice);
      const mark = matrix.marks.get(choice.id);
      const level = choice.box.checked ? levels[rank(choice)] : null;
      mark.textContent = level ? level.label : "";
      mark.dataset.importance = level ? level.id : "";
    }
    tbody?.append(...shown.map((choice) => matrix.rows.get(choice.id)), ...choices.filter((c) => !shown.includes(c)).map((c) => matrix.rows.get(c.id)));

    // Frameworks rated lowest on the scale for a must-have: the scale says to look elsewhere.
    const lowest = form.dataset.lowestRank;
    const warnings = [];
    for (const choice of picked.filter((c) => rank(c) === 0)) {
      matrix.rows.get(choice.id).querySelectorAll("td").forEach((cell, column) => {
        if (cell.querySelector(`.fvd-rating[data-rank="${lowest}"]`)) {
          warnings.push(`${matrix.frameworks[column]} on ${choice.title}`);
        }
      });
    }
    const status = form.querySelector(".fvd-compare__status");
    status.textContent = status.dataset.base = picked.length
      ? `Showing ${picked.length} of ${choices.length} criteria, most important first.`
        + (warnings.length ? ` Rated ${form.dataset.lowestLabel} on a ${levels[0].label.toLowerCase()}: ${warnings.join("; ")}.` : "")
      : `Nothing ticked: all ${choices.length} criteria are shown. Tick some to compare only those and export them.`;

    for (const button of form.querySelectorAll("[data-action=copy], [data-action=download]")) button.disabled = !picked.length;
    const markdown = picked.length ? exportOf(shown, data, choices) : "";
    form.querySelector("[data-role=markdown]").textContent = markdown;
    const cite = form.querySelector(".fvd-cite");
    if (cite) Object.assign(cite.dataset, citationOf(shown, data, data.address + query(choices)));
    return markdown;
  }

  // The copy buttons (permalinks.js) copy what these attributes hold: the address with the choice,
  // and a citation of the criteria shown, in the form macros/render/citations.py gives a section.
  function citationOf(shown, data, link) {
    const cited = (kind) => {
      const parts = data.cite[kind];
      const rows = shown.map((choice) => parts.criteria[choice.id]);
      const title = `${parts.title}: ${rows.map((row) => row.name).join(", ")}`;
      const ratings = rows.map((row) => `${row.name}: ${row.ratings}.`).join(" ");
      const dates = rows.flatMap((row) => row.reviewed).sort();
      const reviewed = dates[0] === dates.at(-1) ? dates[0] : `from ${dates[0]} to ${dates.at(-1)}`;
      const facts = `${ratings} Holds for ${[...new Set(rows.map((row) => row.holds_for))].join("; ")}; reviewed ${reviewed}.`;
      const stop = /[.!?]$/.test(parts.site) ? "" : ".";
      return kind === "markdown"
        ? `[${title}](${link}), *${parts.site}*${stop} ${facts}`
        : `${title}. ${facts} ${parts.site}${stop} ${link}`;
    };
    return { link, markdown: cited("markdown"), text: cited("text") };
  }

  function exportOf(shown, data, choices) {
    const rows = shown.map((choice) => {
      const [before, after] = data.rows[choice.id];
      return before + data.importance[choice.select.value] + after;
    });
    const [before, after] = data.link;
    return [data.title, "", ...data.head, ...rows, "", ...data.notes, "", before + query(choices) + after, ""].join("\n");
  }

  function matrixOf(form) {
    const marks = new Map();
    const rows = new Map();
    for (const mark of document.querySelectorAll(".fvd-compare__importance[data-criterion]")) {
      marks.set(mark.dataset.criterion, mark);
      rows.set(mark.dataset.criterion, mark.closest("tr"));
    }
    const table = rows.values().next().value?.closest("table");
    const frameworks = [...(table?.tHead?.rows[0]?.cells ?? [])].map((cell) => cell.textContent.trim());
    return { marks, rows, frameworks };
  }

  function announce(form, message) {
    const status = form.querySelector(".fvd-compare__status");
    status.textContent = `${status.dataset.base} ${message}`;
  }

  function mount(form) {
    const data = JSON.parse(form.dataset.export);
    const choices = choicesOf(form);
    const matrix = matrixOf(form);
    if (!choices.length || choices.some((choice) => !matrix.rows.has(choice.id))) return;
    let markdown = "";
    const update = () => {
      history.replaceState(history.state, "", `${location.pathname}${query(choices)}${location.hash}`);
      markdown = draw(form, choices, matrix, data);
    };
    readAddress(choices);
    markdown = draw(form, choices, matrix, data);

    form.addEventListener("fvd-redraw", () => {
      readAddress(choices);
      markdown = draw(form, choices, matrix, data);
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", (event) => {
      if (event.target.matches("[data-criterion]")) update();
    });
    form.addEventListener("click", (event) => {
      const action = event.target.closest("button[data-action]")?.dataset.action;
      if (action === "all" || action === "none") {
        for (const choice of choices) choice.box.checked = action === "all";
        update();
      } else if (action === "copy") {
        if (!navigator.clipboard) {
          announce(form, "Copying failed: use the download or select the Markdown below.");
          return;
        }
        navigator.clipboard.writeText(markdown).then(
          () => announce(form, "Copied the Markdown."),
          () => announce(form, "Copying failed: use the download or select the Markdown below."),
        );
      } else if (action === "download") {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
        link.download = data.filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
        announce(form, "Downloaded the Markdown.");
      }
    });
  }

  function mountAll() {
    for (const form of document.querySelectorAll("form.fvd-compare[data-export]")) mount(form);
  }

  document$.subscribe(mountAll);
  window.addEventListener("popstate", () => {
    // Back or forward within the page (Material reloads the content when the path changes).
    for (const form of document.querySelectorAll("form.fvd-compare[data-export]")) form.dispatchEvent(new Event("fvd-redraw"));
  });
})();
