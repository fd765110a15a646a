// The header on phones: "Suche" and "Menü" open the search box and the navigation in place.
// Without this script both are links (to /suche/ and to the navigation, which CSS shows as the
// link's target), so nothing depends on it; with it they are disclosure buttons with aria-expanded.
const header = document.querySelector("[data-site-header]");
if (header) {
  const buttons = [...header.querySelectorAll("button[aria-controls]")];
  for (const link of header.querySelectorAll("[data-no-script-fallback]")) link.hidden = true;
  const close = () => {
    for (const button of buttons) button.setAttribute("aria-expanded", "false");
    header.removeAttribute("data-open");
  };
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const opening = button.getAttribute("aria-expanded") !== "true";
      close();
      if (!opening) return;
      button.setAttribute("aria-expanded", "true");
      header.setAttribute("data-open", button.getAttribute("aria-controls"));
      if (button.getAttribute("aria-controls") === "kopfsuche") header.querySelector("#suchfeld")?.focus();
    });
  }
  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !header.hasAttribute("data-open")) return;
    const open = buttons.find((button) => button.getAttribute("aria-expanded") === "true");
    // The search box's own list of suggestions closes first (search-box.js handles that Escape).
    if (event.defaultPrevented) return;
    close();
    open?.focus();
  });
}

// Paper cannot open a disclosure: the numbers behind "Die Zahlen als Tabelle" and other closed
// <details> are opened for printing and closed again afterwards.
const closedForPrint = [];
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    if (details.closest("header, nav, .page-tools")) continue;
    details.open = true;
    closedForPrint.push(details);
  }
});
window.addEventListener("afterprint", () => {
  for (const details of closedForPrint.splice(0)) details.open = false;
});
