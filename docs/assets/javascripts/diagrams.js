// Renders ``` mermaid fences (div.fvd-mermaid) with the Mermaid build this site serves itself.
// Loaded on every page, it fetches Mermaid only when a diagram scrolls into view, like a lazily
// loaded image: a reader who stays at the top of the page (the chooser) downloads and runs none
// of it. It runs on every page view through Material's document$ (instant navigation included)
// and re-renders when the reader switches between light and dark mode.
(() => {
  const moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  let mermaidModule = null;
  let diagramCount = 0;

  const theme = () => (document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default");

  async function render(elements) {
    mermaidModule ??= import(moduleUrl).then((module) => module.default);
    const mermaid = await mermaidModule;
    // antiscript: node links ("click ... href") work; labels are escaped when the page is generated.
    // dagre: the classic flowchart layout; Mermaid 12 defaults to ELK, which adds a 1.6 MB download.
    mermaid.initialize({ startOnLoad: false, securityLevel: "antiscript", theme: theme(), layout: "dagre" });
    for (const element of elements) {
      element.dataset.source ??= element.textContent;
      diagramCount += 1;
      const { svg, bindFunctions } = await mermaid.render(`fvd-diagram-${diagramCount}`, element.dataset.source);
      element.innerHTML = svg;
      bindFunctions?.(element);
      element.dataset.theme = theme();
    }
  }

  function renderOrLog(elements) {
    render(elements).catch((error) => console.error("Diagram failed to render:", error));
  }

  let visibility = null;
  function renderPage() {
    visibility?.disconnect();  // the previous page's diagrams are gone after instant navigation
    visibility = new IntersectionObserver((entries) => {
      const visible = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
      visible.forEach((element) => visibility.unobserve(element));
      if (visible.length) renderOrLog(visible);
    });
    document.querySelectorAll(".fvd-mermaid").forEach((element) => visibility.observe(element));
  }

  document$.subscribe(renderPage);
  new MutationObserver(() => {
    const stale = [...document.querySelectorAll(".fvd-mermaid[data-theme]")].filter((e) => e.dataset.theme !== theme());
    if (stale.length) renderOrLog(stale);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
