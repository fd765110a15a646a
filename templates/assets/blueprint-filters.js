// Combining the filters of /blaupausen/ when JavaScript runs. Without it every filter value is a
// link to a page of its own; with it, on the overview, the values become checkboxes that combine:
// any value within a group, every group at once. Counts follow the other groups' selection.
const nav = document.querySelector("[data-facet-nav]");
const cards = [...document.querySelectorAll("li.card[data-facet-keys]")];
if (nav && cards.length && !nav.querySelector("[aria-current]")) enhance(nav);

function enhance(nav) {
  const status = document.createElement("p");
  status.className = "facet-status";
  status.setAttribute("role", "status");
  nav.append(status);
  const groups = [...nav.querySelectorAll(".facet-group")].map((group, groupIndex) => {
    const items = [...group.querySelectorAll("li[data-facet-key]")].map((item, index) => {
      const link = item.querySelector("a");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = `filter-${groupIndex}-${index}`;
      box.value = item.dataset.facetKey;
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = link.textContent;
      const count = item.querySelector(".facet-count");
      item.replaceChildren(box, " ", label, " ", count);
      box.addEventListener("change", update);
      return { box, count };
    });
    return { items };
  });
  const keysOf = new Map(cards.map((card) => [card, new Set(card.dataset.facetKeys.split(" "))]));

  function matches(card, exceptGroup) {
    return groups.every((group, index) => {
      if (index === exceptGroup) return true;
      const selected = group.items.filter((i) => i.box.checked).map((i) => i.box.value);
      return selected.length === 0 || selected.some((key) => keysOf.get(card).has(key));
    });
  }

  function update() {
    let shown = 0;
    for (const card of cards) {
      card.hidden = !matches(card, -1);
      if (!card.hidden) shown++;
    }
    for (const section of document.querySelectorAll("main section")) {
      const inside = section.querySelectorAll("li.card");
      if (inside.length) section.hidden = [...inside].every((card) => card.hidden);
    }
    groups.forEach((group, index) => {
      for (const item of group.items) {
        const count = cards.filter((card) => keysOf.get(card).has(item.box.value) && matches(card, index)).length;
        item.count.textContent = `(${count})`;
      }
    });
    const any = groups.some((g) => g.items.some((i) => i.box.checked));
    status.textContent = any ? `${shown} ${shown === 1 ? "Blaupause passt" : "Blaupausen passen"} zu den Filtern.` : "";
  }
}
