// One click copies a link or a citation. The ¶ beside every heading and the # in every matrix
// cell put the full address of that section or cell on the clipboard (and still move the page
// there). The buttons under each citable section (macros/render/citations.py) copy its address,
// or its citation in Markdown or plain text, written at build time; this script only adds the
// day it was copied. Listeners sit on the document, so pages loaded by instant navigation work too.
(() => {
  let status = null;

  function announce(message) {
    status ??= Object.assign(document.createElement("div"), { className: "fvd-toast", role: "status" });
    if (!status.isConnected) document.body.append(status);
    status.textContent = message;
    status.classList.add("fvd-toast--visible");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => status.classList.remove("fvd-toast--visible"), 2000);
  }

  // Where the Clipboard API is missing (a page served over plain http), a selected text area still copies.
  function fallbackCopy(text) {
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text, done) {
    const written = navigator.clipboard ? navigator.clipboard.writeText(text) : fallbackCopy(text);
    written.then(() => announce(done), () => announce("Copying failed: copy the address from the address bar"));
  }

  function today() {
    const now = new Date();
    const pad = (number) => String(number).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  const COPIED = { link: "Link copied", markdown: "Citation copied as Markdown", text: "Citation copied as plain text" };

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".fvd-cite button[data-copy]");
    if (button) {
      const cite = button.closest(".fvd-cite");
      const kind = button.dataset.copy;
      const link = new URL(cite.dataset.link, location.href).href;
      copy(kind === "link" ? link : `${cite.dataset[kind]} Retrieved ${today()}.`, COPIED[kind]);
      return;
    }
    const permalink = event.target.closest("a.headerlink, a.fvd-permalink");
    if (permalink) copy(new URL(permalink.getAttribute("href"), location.href).href, "Link copied");
  });
})();
