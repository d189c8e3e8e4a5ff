// The interactive chooser and the decision records.
//
// The chooser walks a decision tree one question at a time. The answers live in the page address
// (?question=answer&...), so a link reproduces the result and back/forward step through it. An
// address whose answers no longer fit the tree (the questions changed since it was shared) says
// so and keeps the answers that still fit. The tree, each outcome's page and each path's decision
// record come from the container's data-tree attribute, made at build time from the dataset.
//
// A decision record (div.fvd-record before a Markdown code block) gains copy and download
// buttons; on an outcome page opened with the chooser's answers, the record of those answers
// replaces the one that lists every way to the outcome.
(() => {
  function walk(tree, params) {
    const path = [];
    let questionId = tree.start;
    while (questionId) {
      const question = tree.questions[questionId];
      const answer = question.answers.find((candidate) => candidate.id === params.get(questionId));
      if (!answer) return { path, questionId, outcomeId: null };
      path.push({ questionId, answer });
      if (answer.outcome) return { path, questionId: null, outcomeId: answer.outcome };
      questionId = answer.next;
    }
    return { path, questionId: null, outcomeId: null };
  }

  function queryFor(path) {
    const params = new URLSearchParams();
    for (const step of path) params.set(step.questionId, step.answer.id);
    return params.toString();
  }

  function addressFor(path) {
    const query = queryFor(path);
    return `${location.pathname}${query ? `?${query}` : ""}#walk`;
  }

  // Parameters of the address that the walk did not use: answers to questions that are gone,
  // answers that no longer exist, or answers after the point where the walk stopped.
  function unusedAnswers(params, path) {
    const used = new Set(path.map((step) => step.questionId));
    return [...params.keys()].filter((key) => !used.has(key));
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function outcomeContent(outcomeId) {
    // Everything between the outcome's heading and the next heading of the same or higher level.
    const heading = document.getElementById(`o-${outcomeId}`);
    const nodes = [];
    for (let node = heading?.nextElementSibling; node && !/^H[1-3]$/.test(node.tagName); node = node.nextElementSibling) {
      nodes.push(node.cloneNode(true));
    }
    return nodes;
  }

  function announce(button, text) {
    const original = button.textContent;
    button.textContent = text;
    setTimeout(() => { button.textContent = original; }, 2000);
  }

  // Copy and download buttons for a record; ``text`` returns the record's current Markdown.
  function recordActions(text, filename) {
    const copy = element("button", { type: "button", class: "md-button md-button--primary" }, "Copy decision record");
    copy.addEventListener("click", () => {
      navigator.clipboard?.writeText(text()).then(() => announce(copy, "Record copied"), () => announce(copy, "Copy failed"));
    });
    const download = element("button", { type: "button", class: "md-button" }, "Download as Markdown");
    download.addEventListener("click", () => {
      const link = element("a", { href: URL.createObjectURL(new Blob([text()], { type: "text/markdown" })), download: filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });
    return element("div", { class: "fvd-record__actions" }, copy, download);
  }

  function go(container, tree, path) {
    history.pushState(null, "", addressFor(path));
    draw(container, tree);
    (container.querySelector(".fvd-chooser__answers button") ?? container.querySelector(".fvd-chooser__result"))?.focus();
  }

  function draw(container, tree) {
    const params = new URLSearchParams(location.search);
    const { path, questionId, outcomeId } = walk(tree, params);
    const parts = [];
    const unused = unusedAnswers(params, path);
    if (unused.length) {
      parts.push(element("p", { class: "fvd-chooser__notice", role: "status" },
        `This address holds ${unused.length === 1 ? "an answer" : "answers"} that no longer fit the questions (${unused.join(", ")}): `
        + "the flowchart changed after the link was made. The answers that still fit are kept; continue from here."));
    }
    if (path.length) {
      const steps = element("ol", { class: "fvd-chooser__path" });
      path.forEach((step, index) => {
        const change = element("button", { type: "button", class: "md-button fvd-chooser__change" }, "Change");
        change.addEventListener("click", () => go(container, tree, path.slice(0, index)));
        steps.append(element("li", {}, `${tree.questions[step.questionId].text} `, element("strong", {}, step.answer.label), " ", change));
      });
      parts.push(steps);
    }
    if (questionId) {
      const question = tree.questions[questionId];
      const group = element("div", { class: "fvd-chooser__answers", role: "group", "aria-labelledby": "fvd-chooser-question" });
      for (const answer of question.answers) {
        const button = element("button", { type: "button", class: "md-button", "data-answer": answer.id }, answer.label);
        button.addEventListener("click", () => go(container, tree, [...path, { questionId, answer }]));
        group.append(button);
      }
      parts.push(element("p", { id: "fvd-chooser-question", class: "fvd-chooser__question" }, question.text), group);
    }
    if (outcomeId) {
      const outcome = tree.outcomes[outcomeId];
      const query = queryFor(path);
      const record = tree.records[query];
      const page = element("a", { href: `${outcome.page}?${query}` }, "Read the full recommendation: why, what you add, costs and risks");
      const result = element("section", { class: "fvd-chooser__result", tabindex: "-1", "data-outcome": outcomeId },
        element("p", { class: "fvd-chooser__title" }, "Recommendation: ", element("strong", {}, outcome.title)),
        ...outcomeContent(outcomeId).filter((node) => !node.classList.contains("fvd-outcome-more")),
        element("p", {}, page),
        element("h3", { class: "fvd-chooser__record-title" }, "Your decision record"),
        recordActions(() => record, `decision-${tree.id}-${outcomeId}.md`),
        // The record scrolls in its own box, so it takes keyboard focus, as Material's code blocks do.
        element("div", { class: "fvd-chooser__record highlight" }, element("pre", {}, element("code", { tabindex: "0" }, record))));
      const restart = element("button", { type: "button", class: "md-button" }, "Start again");
      restart.addEventListener("click", () => go(container, tree, []));
      // The link names the outcome's own page with the answers: pasted into chat, it unfurls with the
      // outcome's card (the chooser's address would show the flowchart's, whatever the answers).
      const copy = element("button", { type: "button", class: "md-button" }, "Copy link to this result");
      copy.addEventListener("click", () => navigator.clipboard?.writeText(page.href).then(() => announce(copy, "Link copied")));
      parts.push(result, element("p", { class: "fvd-chooser__controls" }, restart, " ", copy));
    }
    container.replaceChildren(...parts);
  }

  function mountRecord(holder) {
    const code = holder.nextElementSibling?.querySelector("pre > code");
    if (!code || holder.querySelector(".fvd-record__actions")) return;
    const records = JSON.parse(holder.dataset.records);
    const answered = records[new URLSearchParams(location.search).toString()];
    if (answered) code.textContent = answered;
    holder.append(recordActions(() => code.textContent, holder.dataset.filename));
  }

  function mountAll() {
    for (const container of document.querySelectorAll(".fvd-chooser")) draw(container, JSON.parse(container.dataset.tree));
    for (const holder of document.querySelectorAll(".fvd-record")) mountRecord(holder);
  }

  document$.subscribe(mountAll);
  window.addEventListener("popstate", mountAll);
})();
