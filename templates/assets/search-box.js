// Small enhancements for every page: "/" focuses the search box. The search itself runs on /suche/.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector("[data-search-box]");
  if (box) { event.preventDefault(); box.focus(); }
});

// "Quellenangabe kopieren": copies the attribution text and says so to screen readers. Without
// JavaScript the button stays hidden and the text can be selected by hand.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status");
  if (!source) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = source.textContent.trim();
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // Older browsers and non-secure contexts: select the text and use the legacy command.
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied = document.execCommand && document.execCommand("copy");
    }
    if (status) status.textContent = copied ? "Quellenangabe kopiert." : "Bitte markieren und mit Strg+C kopieren.";
  });
}
