// The search page (/suche/): an accessible UI over engine.js. Progressive enhancement: without
// JavaScript the page explains itself and links the A-Z lists; with it, results appear as you type.
import { createSearch, passageLink } from "./engine.js";

const page = document.querySelector("[data-search-page]");
if (page) start(page);

async function start(page) {
  const form = page.querySelector("form");
  const input = form.querySelector("input[type=search]");
  const status = page.querySelector("[data-status]");
  const list = page.querySelector("[data-results]");
  // Results with only some of the query's words, under "Treffer mit einem Teil Ihrer Suchwörter".
  const partialHeading = page.querySelector("[data-partial-heading]");
  const partialList = page.querySelector("[data-partial-results]");
  const facetBox = page.querySelector("[data-facets]");
  const help = page.querySelector("[data-no-hits]");
  const basePath = page.dataset.index.replace(/\/suche\/index\/?$/, "");
  for (const element of page.querySelectorAll(".no-js")) element.hidden = true;

  const summary = facetBox.querySelector("[data-facet-summary]");
  // As on /blaupausen/: the filters collapse behind "Filter (n)" on narrow screens, so the first
  // result is in view, and stand open beside the results on wide ones.
  const wide = matchMedia("(min-width: 48.01rem)");
  facetBox.open = wide.matches;
  wide.addEventListener("change", () => { facetBox.open = wide.matches; });

  const FILTER_KEYS = ["type", "city", "theme", "project"];
  const filters = {};
  /** Sets the query and the filters from the address (on load and on Back/Forward). */
  function readAddress() {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") ?? "";
    for (const key of FILTER_KEYS) {
      const values = params.getAll(key);
      if (values.length) filters[key] = values; else delete filters[key];
    }
  }
  readAddress();

  let engine;
  try {
    engine = await createSearch(page.dataset.index);
  } catch (error) {
    unavailable(error);
    return;
  }

  /** Shows the engine's German message where the results would be, and the A-Z lists instead. */
  function unavailable(error) {
    status.textContent = error?.name === "SearchUnavailableError" ? error.message : "Die Suche ist gerade nicht verfügbar.";
    status.classList.add("results-error");
    list.replaceChildren();
    showPartial([]);
    facetBox.hidden = true;
    facetBox.parentElement.classList.add("without-facets");
    for (const element of page.querySelectorAll(".no-js")) element.hidden = false;
  }

  /** Shows `items` under the heading for partial matches, or hides both when there are none. */
  function showPartial(items) {
    partialList.replaceChildren(...items);
    partialList.hidden = partialHeading.hidden = items.length === 0;
  }

  let generation = 0;
  /** Searches; `record` adds the new state to the history (a filter was changed), else it replaces the entry. */
  async function run(record = false) {
    const query = input.value;
    const mine = ++generation;
    if (!query.trim()) {
      list.replaceChildren();
      showPartial([]);
      facetBox.hidden = true;
      facetBox.parentElement.classList.add("without-facets");
      status.textContent = "";
      return;
    }
    let response;
    try {
      response = await engine.search(query, { filters, limit: 20 });
    } catch (error) {
      if (mine === generation) unavailable(error);
      return;
    }
    if (mine !== generation) return; // A newer keystroke already asked again.
    status.classList.remove("results-error");
    for (const element of page.querySelectorAll(".no-js")) element.hidden = true;
    render(query, response);
    updateAddress(query, record);
  }

  function render(query, response) {
    const shown = response.results.length;
    const partial = response.total - response.complete;
    // A query without a page that has all its words says so, and shows the pages with some of them.
    status.textContent = response.total === 0
      ? `Keine Treffer für „${query}“.`
      : response.complete === 0
        ? `Keine Seite enthält alle Suchwörter von „${query}“; ${partial} ${partial === 1 ? "Seite enthält" : "Seiten enthalten"} einen Teil davon.`
        : `${response.complete} Treffer für „${query}“` + (partial > 0 ? `, dazu ${partial} mit einem Teil der Suchwörter` : "")
          + (shown < response.total ? `; die ersten ${shown} werden angezeigt.` : ".");
    list.replaceChildren(...response.results.filter((result) => result.complete).map((result) => resultItem(result, response.words)));
    showPartial(response.results.filter((result) => !result.complete).map((result) => resultItem(result, response.words)));
    renderFacets(response.facets);
    if (response.total === 0) noHits(query);
    else help.hidden = true;
  }

  /** No hits is no dead end: close words from the index, the A–Z lists, and whom to ask. */
  async function noHits(query) {
    const mine = generation;
    const words = await engine.suggestions(query);
    const neighbours = await engine.neighbours(query);
    if (mine !== generation) return;
    const parts = [];
    if (words.length) parts.push(queryLinks("Meinten Sie ", words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)), "?"));
    if (neighbours.length) parts.push(queryLinks("Verwandte Begriffe mit Treffern: ", neighbours, "."));
    const browse = document.createElement("p");
    browse.textContent = "Oder stöbern Sie in den Verzeichnissen unten.";
    parts.push(browse);
    if (page.dataset.feedback) {
      const ask = document.createElement("p");
      const link = document.createElement("a");
      link.href = page.dataset.feedback;
      link.textContent = "Fragen Sie das Team";
      ask.append(link, ", wenn Sie eine Lösung suchen, die hier noch fehlt.");
      parts.push(ask);
    }
    help.replaceChildren(...parts);
    help.hidden = false;
    // The directories, without the sentence for browsers without JavaScript.
    for (const element of page.querySelectorAll(".no-js")) {
      element.hidden = false;
      for (const note of element.querySelectorAll(".no-js-note")) note.hidden = true;
    }
  }

  /** A sentence of links that each search for one of `terms`. */
  function queryLinks(before, terms, after) {
    const line = document.createElement("p");
    line.append(before);
    terms.forEach((term, index) => {
      const link = document.createElement("a");
      link.href = `${basePath}/suche/?q=${encodeURIComponent(term)}`;
      link.textContent = term;
      link.addEventListener("click", (event) => { event.preventDefault(); input.value = term; run(); });
      if (index > 0) line.append(index === terms.length - 1 ? " oder " : ", ");
      line.append(link);
    });
    line.append(after);
    return line;
  }

  function resultItem(result, words) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.className = "result-title";
    link.href = basePath + passageLink(result);
    link.textContent = result.title;
    const meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = [result.kind, ...(result.cities ?? [])].join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "result-excerpt";
    const parts = result.excerpt.length ? result.excerpt : [{ text: result.summary ?? "", mark: false }];
    for (const part of parts) {
      if (part.mark) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(document.createTextNode(part.text));
      }
    }
    item.append(link, meta, excerpt);
    const missing = missingWords(result, words);
    if (missing) {
      missing.className = "result-missing";
      item.append(missing);
    }
    return item;
  }

  function renderFacets(facets) {
    // The <summary> stays: the filters are collapsible, which matters on narrow screens where the results come first.
    facetBox.replaceChildren(...facetBox.querySelectorAll(":scope > summary"));
    facetBox.hidden = facets.length === 0;
    const active = Object.values(filters).reduce((n, values) => n + values.length, 0);
    summary.textContent = `Filter (${active})`;
    facetBox.parentElement.classList.toggle("without-facets", facetBox.hidden);
    for (const group of facets) {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = group.label;
      fieldset.append(legend);
      for (const value of group.values) {
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = group.key;
        box.value = value.value;
        box.checked = value.selected;
        box.addEventListener("change", () => {
          const selected = new Set(filters[group.key] ?? []);
          if (box.checked) selected.add(value.value); else selected.delete(value.value);
          if (selected.size) filters[group.key] = [...selected]; else delete filters[group.key];
          run(true).then(() => facetBox.querySelector(`input[name="${CSS.escape(group.key)}"][value="${CSS.escape(value.value)}"]`)?.focus());
        });
        label.append(box, document.createTextNode(` ${value.value} (${value.count})`));
        fieldset.append(label);
      }
      facetBox.append(fieldset);
    }
  }

  function updateAddress(query, record) {
    const next = new URLSearchParams();
    next.set("q", query);
    for (const [key, values] of Object.entries(filters)) for (const value of values) next.append(key, value);
    const address = `${location.pathname}?${next}`;
    if (address === location.pathname + location.search) return;
    // Typing replaces the entry (one per keystroke would bury Back); a filter adds one, so Back undoes it.
    if (record) history.pushState(null, "", address); else history.replaceState(null, "", address);
  }

  addEventListener("popstate", () => {
    readAddress();
    run();
  });

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  // Arrow keys move between the search field and the results.
  page.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...page.querySelectorAll("[data-results] a.result-title, [data-partial-results] a.result-title")];
    if (links.length === 0) return;
    const current = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown") {
      event.preventDefault();
      links[0].focus();
    } else if (current >= 0) {
      event.preventDefault();
      const next = current + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus(); else links[Math.min(next, links.length - 1)].focus();
    }
  });
  if (input.value) run();
}

/**
 * "Es fehlt: ~~finden~~" for a result that lacks some of the query's words (as Google's "Missing:"),
 * the words struck through and named in words, so that neither colour nor the line alone says it;
 * null for a result with every word. The header box (search-box.js) says it the same way.
 */
function missingWords(result, words) {
  const missing = (result.missing ?? []).map((i) => words?.[i]?.text).filter(Boolean);
  if (missing.length === 0) return null;
  const line = document.createElement("p");
  line.append("Es fehlt: ");
  missing.forEach((word, i) => {
    if (i > 0) line.append(", ");
    const struck = document.createElement("s");
    struck.textContent = word;
    line.append(struck);
  });
  return line;
}
