// The interactive chooser: walks a decision tree one question at a time. The answers live in
// the page address (?question=answer&...), so a link reproduces the result and back/forward
// step through it. The tree comes from the container's data-tree attribute; the outcome's
// reasons are the page's own "Outcomes" section, so the text version stays the one source.
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

  function addressFor(path) {
    const params = new URLSearchParams();
    for (const step of path) params.set(step.questionId, step.answer.id);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}#walk`;
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

  function go(container, tree, path) {
    history.pushState(null, "", addressFor(path));
    draw(container, tree);
    (container.querySelector(".fvd-chooser__answers button") ?? container.querySelector(".fvd-chooser__result"))?.focus();
  }

  function draw(container, tree) {
    const { path, questionId, outcomeId } = walk(tree, new URLSearchParams(location.search));
    const parts = [];
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
      const result = element("section", { class: "fvd-chooser__result", tabindex: "-1", "data-outcome": outcomeId },
        element("p", { class: "fvd-chooser__title" }, "Recommendation: ", element("strong", {}, tree.outcomes[outcomeId].title)),
        ...outcomeContent(outcomeId));
      const restart = element("button", { type: "button", class: "md-button md-button--primary" }, "Start again");
      restart.addEventListener("click", () => go(container, tree, []));
      const copy = element("button", { type: "button", class: "md-button" }, "Copy link to this result");
      copy.addEventListener("click", () => navigator.clipboard?.writeText(location.href).then(() => { copy.textContent = "Link copied"; }));
      parts.push(result, element("p", {}, restart, " ", copy));
    }
    container.replaceChildren(...parts);
  }

  function mountAll() {
    for (const container of document.querySelectorAll(".fvd-chooser")) {
      const tree = JSON.parse(container.dataset.tree);
      draw(container, tree);
    }
  }

  document$.subscribe(mountAll);
  window.addEventListener("popstate", mountAll);
})();
