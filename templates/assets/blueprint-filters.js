// The filters of the blueprint lists when JavaScript runs. Without it every filter value is a link
// to a page of its own and the list comes in the order of relevance. With it, on the overview, the
// values become checkboxes that combine (any value within a filter, every filter at once), "Passt
// zu unserer Größe" becomes a number field, a control sorts the cards, and the state lives in the
// address (`?betrieb=2&einwohner=35000&sortierung=datum`), so it can be shared and Back restores it.

/** The orders the sort control offers; each compares two cards, ties keep the order of relevance. */
const SORTS = [
  { value: "relevanz", label: "Relevanz", compare: () => 0 },
  { value: "reifegrad", label: "Reifegrad", compare: (a, b) => number(b, "maturityRank") - number(a, "maturityRank") },
  { value: "betrieb", label: "Anzahl Kommunen im Betrieb", compare: (a, b) => number(b, "operation") - number(a, "operation") },
  { value: "datum", label: "Datum (neueste zuerst)", compare: (a, b) => (b.dataset.date ?? "").localeCompare(a.dataset.date ?? "") },
  { value: "titel", label: "Titel (A–Z)", compare: (a, b) => title(a).localeCompare(title(b), "de") },
];
const SIZE = "groesse";
const INHABITANTS = "einwohner";
const SORT = "sortierung";

/**
 * The filters collapse behind "Filter (n)" on narrow screens, so the first result is in view; on
 * wide screens they stand open beside the list. The page is written collapsed, which also serves
 * phones without JavaScript. (The search page does the same for its filters.)
 */
function openOnWideScreens(details) {
  const wide = matchMedia("(min-width: 64rem)");
  details.open = wide.matches;
  wide.addEventListener("change", () => { details.open = wide.matches; });
  // Beside the list the summary is the filters' heading (styled so): it does not hide them.
  details.querySelector("summary")?.addEventListener("click", (event) => { if (wide.matches) event.preventDefault(); });
}

function number(card, name) { return Number(card.dataset[name] ?? 0); }
function title(card) { return card.querySelector(".card-title")?.textContent.trim() ?? ""; }

function enhance(nav, cards) {
  const list = cards[0].parentElement;
  const relevance = new Map(cards.map((card, index) => [card, index]));
  const keysOf = new Map(cards.map((card) => [card, new Set(card.dataset.facetKeys.split(" "))]));
  const count = document.querySelector("[data-result-count]");
  const summary = document.querySelector("[data-facet-summary]");
  const groups = [...nav.querySelectorAll(".facet-group")].map((group, index) => checkboxes(group, index));
  const size = groups.find((group) => group.name === SIZE);
  const inhabitants = size ? numberField(size) : null;
  const sort = sortControl(document.querySelector("[data-result-bar]"));
  let lastSource = null;

  /** A filter's links become checkboxes in a fieldset named by the filter's title. */
  function checkboxes(group, groupIndex) {
    const fieldset = document.createElement("fieldset");
    fieldset.className = "facet-group";
    const legend = document.createElement("legend");
    legend.className = "facet-title";
    legend.textContent = group.querySelector(".facet-title").textContent;
    const listOfValues = group.querySelector("ul");
    const items = [...listOfValues.querySelectorAll("li[data-facet-key]")].map((item, index) => {
      const link = item.querySelector("a");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = `filter-${groupIndex}-${index}`;
      box.value = item.dataset.facetKey;
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = link.textContent;
      const counter = item.querySelector(".facet-count");
      // The count belongs to the option: inside the label, read with it and wrapped with it.
      label.append(" ", counter);
      item.replaceChildren(box, " ", label);
      box.addEventListener("change", () => changed("filter"));
      return { box, count: counter };
    });
    fieldset.append(legend, listOfValues);
    group.replaceWith(fieldset);
    const name = items[0]?.box.value.split(":")[0];
    return { name, fieldset, items };
  }

  /** "Passt zu unserer Größe": a number field instead of the size bands, filtering by `suitable_for`. */
  function numberField(group) {
    const wrapper = document.createElement("p");
    wrapper.className = "facet-number";
    const label = document.createElement("label");
    label.htmlFor = "filter-einwohner";
    label.textContent = "Einwohnerzahl";
    const input = document.createElement("input");
    input.id = "filter-einwohner";
    input.type = "number";
    input.inputMode = "numeric";
    input.min = "0";
    input.step = "1";
    input.autocomplete = "off";
    input.setAttribute("aria-describedby", "filter-einwohner-hinweis");
    const hint = document.createElement("span");
    hint.id = "filter-einwohner-hinweis";
    hint.className = "hint";
    hint.textContent = "Zeigt die Blaupausen, die für eine Kommune dieser Größe gedacht sind.";
    wrapper.append(label, input, hint);
    group.fieldset.querySelector("ul").replaceWith(wrapper);
    for (const item of group.items) item.box.checked = false;
    group.items = [];
    input.addEventListener("input", () => changed(INHABITANTS));
    return input;
  }

  /** "Sortieren nach" beside the result count. */
  function sortControl(bar) {
    const wrapper = document.createElement("p");
    wrapper.className = "result-sort";
    const label = document.createElement("label");
    label.htmlFor = "sortierung";
    label.textContent = "Sortieren nach";
    const select = document.createElement("select");
    select.id = "sortierung";
    for (const option of SORTS) select.append(new Option(option.label, option.value));
    select.addEventListener("change", () => changed(SORT));
    wrapper.append(label, " ", select);
    bar.append(wrapper);
    return select;
  }

  function population() {
    const value = inhabitants?.value.trim() ?? "";
    return /^\d+$/.test(value) ? Number(value) : null;
  }

  function fits(card, people) {
    if (people === null) return true;
    const min = card.dataset.suitableMin, max = card.dataset.suitableMax;
    // A blueprint that names no size is left out: nobody said it suits this one.
    if (!min && !max) return false;
    return (!min || people >= Number(min)) && (!max || people <= Number(max));
  }

  function matches(card, exceptGroup, people) {
    return fits(card, people) && groups.every((group, index) => {
      if (index === exceptGroup) return true;
      const selected = group.items.filter((i) => i.box.checked).map((i) => i.box.value);
      return selected.length === 0 || selected.some((key) => keysOf.get(card).has(key));
    });
  }

  function update() {
    const people = population();
    let shown = 0;
    for (const card of cards) {
      card.hidden = !matches(card, -1, people);
      if (!card.hidden) shown++;
    }
    groups.forEach((group, index) => {
      for (const item of group.items) {
        const n = cards.filter((card) => keysOf.get(card).has(item.box.value) && matches(card, index, people)).length;
        item.count.textContent = `(${n})`;
      }
    });
    const order = SORTS.find((s) => s.value === sort.value) ?? SORTS[0];
    const sorted = [...cards].sort((a, b) => order.compare(a, b) || relevance.get(a) - relevance.get(b));
    list.append(...sorted);
    const active = groups.reduce((n, g) => n + g.items.filter((i) => i.box.checked).length, 0) + (people === null ? 0 : 1);
    summary.textContent = `Filter (${active})`;
    const noun = shown === 1 ? "Blaupause" : "Blaupausen";
    count.textContent = active === 0 ? `${shown} ${noun}`
      : shown === 0 ? "Keine Blaupause passt zu allen Filtern. Nehmen Sie einen Filter zurück."
      : `${shown} ${noun} ${shown === 1 ? "passt" : "passen"} zu den Filtern.`;
  }

  function address() {
    const params = new URLSearchParams();
    for (const group of groups) {
      for (const item of group.items) if (item.box.checked) params.append(group.name, item.box.value.slice(group.name.length + 1));
    }
    const people = population();
    if (people !== null) params.set(INHABITANTS, String(people));
    if (sort.value !== SORTS[0].value) params.set(SORT, sort.value);
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : "") + location.hash;
  }

  /** After a change: redraw and record it; typing a number replaces its own entry instead of adding one per digit. */
  function changed(source) {
    update();
    const next = address();
    if (next === location.pathname + location.search + location.hash) return;
    if (source === INHABITANTS && lastSource === INHABITANTS) history.replaceState(null, "", next);
    else history.pushState(null, "", next);
    lastSource = source;
  }

  /** Sets the controls from the address (on load and on Back/Forward). */
  function restore() {
    const params = new URLSearchParams(location.search);
    for (const group of groups) {
      const wanted = new Set(params.getAll(group.name).map((value) => `${group.name}:${value}`));
      for (const item of group.items) item.box.checked = wanted.has(item.box.value);
    }
    if (inhabitants) inhabitants.value = params.get(INHABITANTS) ?? "";
    sort.value = SORTS.some((s) => s.value === params.get(SORT)) ? params.get(SORT) : SORTS[0].value;
    lastSource = null;
    update();
  }

  addEventListener("popstate", restore);
  restore();
}

const panel = document.querySelector("[data-facet-panel]");
if (panel) openOnWideScreens(panel);
const nav = document.querySelector("[data-facet-nav]");
const cards = [...document.querySelectorAll("li.card[data-facet-keys]")];
// On a filter page (a value is the current page) the links stay: that page is one value's list.
if (nav && cards.length && !nav.querySelector("[aria-current]")) enhance(nav, cards);
