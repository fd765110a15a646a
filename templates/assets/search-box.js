// Small enhancements for every page: "/" focuses the search box, which shows the best results in
// a dropdown as you type (the ARIA combobox pattern); without JavaScript it submits to /suche/.
const form = document.querySelector("form[data-search-form]");
const box = form?.querySelector("[data-search-box]");
if (form && box) suggestWhileTyping(form, box);

/**
 * The header search as a combobox with a listbox popup (WAI-ARIA Authoring Practices): the engine
 * loads on the first keystroke; arrow keys move through the results, Enter opens one (or, with
 * none chosen, the full search page), Escape closes the list and a second Escape empties the box.
 */
function suggestWhileTyping(form, box) {
  const list = document.createElement("ul");
  list.id = "suchvorschlaege";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Treffer");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-expanded", "false");
  box.setAttribute("aria-controls", list.id);

  let engine = null, loading = null, passageLink = null, generation = 0, active = -1, timer;
  const basePath = form.dataset.basePath ?? "";

  function load() {
    loading ??= import(form.dataset.searchEngine).then((module) => {
      passageLink = module.passageLink;
      return module.createSearch(form.dataset.searchIndex);
    });
    return loading;
  }

  function options() { return [...list.querySelectorAll("[role=option]")]; }

  /** Opens a result. On the page already shown, browsers skip the text fragment, so scroll to the section here. */
  function openResult(href) {
    const target = new URL(href, location.href);
    if (target.pathname !== location.pathname || !target.hash) { location.href = href; return; }
    const id = decodeURIComponent(target.hash.slice(1).split(":~:")[0]);
    close();
    history.pushState(null, "", "#" + encodeURIComponent(id));
    (document.getElementById(id) ?? document.querySelector("main"))?.scrollIntoView();
  }

  function close() {
    list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      box.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    } else {
      box.removeAttribute("aria-activedescendant");
    }
  }

  async function run() {
    const query = box.value;
    const mine = ++generation;
    if (!query.trim()) { close(); status.textContent = ""; return; }
    let response;
    try {
      engine ??= await load();
      response = await engine.search(query, { limit: 6 });
    } catch {
      if (mine === generation) { close(); status.textContent = "Die Vorschläge sind gerade nicht verfügbar; Enter öffnet die Suche."; }
      return;
    }
    if (mine !== generation) return;
    const options = response.results.map((result, index) => {
      const option = document.createElement("li");
      option.id = `suchvorschlag-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.href = basePath + passageLink(result);
      const title = document.createElement("span");
      title.className = "suggestion-title";
      title.textContent = result.title;
      const kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = result.kind;
      option.append(title, " ", kind);
      // As on /suche/: the words this page lacks, named and struck through ("Es fehlt: finden").
      const missing = (result.missing ?? []).map((i) => response.words?.[i]?.text).filter(Boolean);
      if (missing.length) {
        const line = document.createElement("span");
        line.className = "suggestion-missing";
        line.append("Es fehlt: ");
        missing.forEach((word, i) => {
          const struck = document.createElement("s");
          struck.textContent = word;
          line.append(...(i > 0 ? [", "] : []), struck);
        });
        option.append(" ", line);
      }
      option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box
      option.addEventListener("click", () => openResult(option.dataset.href));
      return option;
    });
    // Results with only some of the query's words follow in a group with its own heading.
    const partial = options.filter((_, index) => !response.results[index].complete);
    list.replaceChildren(...options.filter((_, index) => response.results[index].complete));
    if (partial.length) {
      const group = document.createElement("li");
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", "suchvorschlaege-teil");
      const heading = document.createElement("span");
      heading.id = "suchvorschlaege-teil";
      heading.className = "suggestion-heading";
      heading.textContent = "Treffer mit einem Teil Ihrer Suchwörter";
      const members = document.createElement("ul");
      members.setAttribute("role", "none");
      members.className = "suggestion-group";
      members.append(...partial);
      group.append(heading, members);
      list.append(group);
    }
    const more = document.createElement("li");
    more.id = "suchvorschlag-alle";
    more.setAttribute("role", "option");
    more.setAttribute("aria-selected", "false");
    more.className = "suggestion-all";
    more.dataset.href = `${basePath}/suche/?q=${encodeURIComponent(query)}`;
    more.textContent = response.total > response.results.length ? `Alle ${response.total} Treffer zeigen` : "Auf der Suchseite öffnen";
    more.addEventListener("mousedown", (event) => event.preventDefault());
    more.addEventListener("click", () => { location.href = more.dataset.href; });
    list.append(more);
    active = -1;
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
    box.removeAttribute("aria-activedescendant");
    status.textContent = response.total === 0 ? "Keine Treffer."
      : response.complete === 0 ? `Keine Seite mit allen Suchwörtern; ${response.total} mit einem Teil davon, mit den Pfeiltasten auswählen.`
        : `${response.total} ${response.total === 1 ? "Treffer" : "Treffer"}, mit den Pfeiltasten auswählen.`;
  }

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  });
  box.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) { if (box.value.trim()) run(); return; }
      event.preventDefault();
      highlight(active < 0 ? (event.key === "ArrowDown" ? 0 : -1) : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      openResult(options()[active].dataset.href);
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); } else if (box.value) { event.preventDefault(); box.value = ""; }
    }
  });
  box.addEventListener("blur", () => setTimeout(close, 150));
}
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const searchBox = document.querySelector("[data-search-box]");
  if (searchBox) { event.preventDefault(); searchBox.focus(); }
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
