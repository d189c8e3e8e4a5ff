// One click copies a link: the ¶ beside every heading and the # in every matrix cell put the
// full address of that section or cell on the clipboard (and still move the page there).
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

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.headerlink, a.fvd-permalink");
    if (!link || !navigator.clipboard) return;
    const address = new URL(link.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(address).then(
      () => announce("Link copied"),
      () => announce("Copy the address from the address bar"),
    );
  });
})();
