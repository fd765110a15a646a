// Small enhancements for every page: "/" focuses the search box. The search itself runs on /suche/.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector("[data-search-box]");
  if (box) { event.preventDefault(); box.focus(); }
});
