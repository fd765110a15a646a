// Filtering and sorting /nachnutzung/ when JavaScript runs. Without it the table (cards on a
// phone) lists every adoption, sorted by blueprint; with it the form above them appears and
// narrows both to one blueprint or municipality and sorts them by blueprint, municipality or date.
const form = document.querySelector("[data-adoption-filters]");
const lists = [...document.querySelectorAll("tbody, .adoption-cards")].filter((list) => list.querySelector("[data-adoption]"));
if (form && lists.length) enhance(form);

function enhance(form) {
  const filters = [...form.querySelectorAll("select[data-filter]")];
  const sort = form.querySelector("select[data-sort]");
  const status = form.querySelector("[data-filter-status]");
  const collator = new Intl.Collator("de");
  // The page lists the rows by blueprint; their position restores that order exactly.
  const byPosition = (a, b) => a.dataset.position - b.dataset.position;
  const compare = {
    blueprint: byPosition,
    municipality: (a, b) => collator.compare(a.dataset.municipality, b.dataset.municipality) || byPosition(a, b),
    // Newest first; an adoption without a date last.
    since: (a, b) => (b.dataset.since || "").localeCompare(a.dataset.since || "") || byPosition(a, b),
  };
  for (const list of lists) [...list.children].forEach((item, index) => { item.dataset.position = index; });

  function update() {
    let shown = 0;
    const total = lists[0].children.length;
    for (const list of lists) {
      const items = [...list.children];
      for (const item of items) {
        item.hidden = !filters.every((f) => f.value === "" || item.dataset[f.dataset.filter] === f.value);
      }
      items.sort(compare[sort.value]).forEach((item) => list.append(item));
      if (list === lists[0]) shown = items.filter((item) => !item.hidden).length;
    }
    const any = filters.some((f) => f.value !== "");
    const noun = total === 1 ? "Nachnutzung" : "Nachnutzungen";
    status.textContent = any ? `${shown} von ${total} ${noun} ${shown === 1 ? "passt" : "passen"} zur Auswahl.` : "";
  }

  for (const select of [...filters, sort]) select.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
}
