// The directory's search box, over Pagefind's JS API.
// Loaded by the small loader in main.html only when someone opens or types in
// a search box, so pages cost nothing for search until it is used. Pagefind
// picks the index of the page's <html lang> and fetches only the chunks a
// query needs. Works with filters alone (no words typed), cheaply.

const FILTERS = ["type", "language", "nationality", "region", "topic", "cost"];
const PAGE = 10;

let strings = {};
let pagefind = null;
let totals = {};

const el = (tag, attrs = {}, text = "") => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
};

const say = (key, n) => (strings[key] || key).replace("#", String(n ?? ""));

function collator() {
  try {
    return new Intl.Collator(document.documentElement.lang);
  } catch {
    return new Intl.Collator();
  }
}

let totalsLoaded = null;

// The filter lists (every value with its count) cost ~40 KiB at 2,000
// entries, so they load when someone opens "Filters", not with the search.
function loadTotals() {
  totalsLoaded ||= pagefind.filters().then((t) => (totals = t || {}));
  return totalsLoaded;
}

function buildFilters(form) {
  const box = form.querySelector("[data-dir-filters]");
  const order = collator();
  const names = FILTERS.filter((n) => totals[n] && Object.keys(totals[n]).length);
  for (const name of names) {
    const id = `${form.querySelector("input").id}-${name}`;
    const label = el("label", { for: id, class: "dir-search__filter" });
    label.append(el("span", {}, say(name)));
    const select = el("select", { id, "data-filter": name });
    select.append(el("option", { value: "" }, say("all")));
    const values = Object.keys(totals[name]).sort((a, b) => order.compare(a, b));
    for (const value of values) select.append(el("option", { value }, value));
    label.append(select);
    box.append(label);
  }
  const clear = el("button", { type: "button", class: "dir-search__clear" }, say("clear"));
  clear.addEventListener("click", () => {
    for (const s of box.querySelectorAll("select")) s.value = "";
    run(form);
  });
  box.append(clear);
  showCounts(form, totals);
  if (form.querySelector("input").value.trim()) run(form); // counts for the words typed
}

function wireFilters(form) {
  const box = form.querySelector("[data-dir-filters]");
  const toggle = form.querySelector(".dir-search__toggle");
  toggle.addEventListener("click", async () => {
    const open = box.hidden;
    if (open && !box.childElementCount) {
      await loadTotals();
      if (!box.childElementCount) buildFilters(form);
    }
    box.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  });
  toggle.parentElement.hidden = false;
}

function showCounts(form, counts) {
  for (const select of form.querySelectorAll("select[data-filter]")) {
    const byValue = counts[select.dataset.filter] || {};
    for (const option of select.options) {
      if (!option.value) continue;
      option.textContent = `${option.value} (${byValue[option.value] ?? 0})`;
    }
  }
}

function chosenFilters(form) {
  const chosen = {};
  for (const select of form.querySelectorAll("select[data-filter]")) {
    if (select.value) chosen[select.dataset.filter] = select.value;
  }
  return chosen;
}

async function showResults(form, results, from, words, current = () => true) {
  const list = form.querySelector(".dir-search__results");
  const page = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  if (!current()) return; // a newer search has started meanwhile
  if (from === 0) list.replaceChildren();
  for (const data of page) {
    const item = el("li", { class: "dir-search__result" });
    const link = el("a", { href: data.url }, data.meta?.title || data.url);
    const excerpt = el("p", { class: "dir-search__excerpt" });
    if (words) {
      // Pagefind escapes page text; only <mark> is markup.
      excerpt.innerHTML = data.excerpt.replace(strings.every_page, "");
    } else {
      const text = data.content.replace(strings.every_page, "").replace(data.meta?.title || "", "");
      excerpt.textContent = text.trim().slice(0, 160) + (text.length > 160 ? "…" : "");
    }
    item.append(link, excerpt);
    list.append(item);
  }
  form.querySelector(".dir-search__more")?.remove();
  if (results.length > from + PAGE) {
    const more = el("button", { type: "button", class: "dir-search__more" }, say("more"));
    more.addEventListener("click", () => showResults(form, results, from + PAGE, words));
    list.after(more);
  }
}

async function run(form) {
  const query = form.querySelector("input").value.trim();
  const filters = chosenFilters(form);
  const status = form.querySelector(".dir-search__status");
  const ticket = (form.dirSearchTicket = (form.dirSearchTicket || 0) + 1);
  if (!query && !Object.keys(filters).length) {
    status.textContent = "";
    form.querySelector(".dir-search__results").replaceChildren();
    form.querySelector(".dir-search__more")?.remove();
    showCounts(form, totals);
    finished(form);
    return;
  }
  // Filters alone: search the word every entry page carries (see main.html),
  // which loads one small index chunk instead of the whole word index.
  const current = () => ticket === form.dirSearchTicket;
  try {
    const found = await pagefind.search(query || strings.every_page, { filters });
    if (!current() || !found) return; // a newer search has started
    status.textContent = found.results.length ? say("found", found.results.length) : say("none");
    if (totalsLoaded) showCounts(form, found.filters || {}); // filter chunks are loaded
    await showResults(form, found.results, 0, Boolean(query), current);
  } catch {
    if (current()) status.textContent = say("failed"); // e.g. the connection dropped
  }
  finished(form);
}

function finished(form) {
  // A counter tests and scripts can wait on: one more search has been shown.
  form.dataset.searches = String(Number(form.dataset.searches || 0) + 1);
}

function wire(form) {
  if (form.dataset.dirSearchReady) return;
  form.dataset.dirSearchReady = "yes";
  wireFilters(form);
  let timer = 0;
  form.querySelector("input").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(form), 250);
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("select[data-filter]")) run(form);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(form);
  });
  if (form.querySelector("input").value.trim()) run(form);
}

export async function start(root) {
  const forms = [...document.querySelectorAll("[data-dir-search]")];
  strings = JSON.parse(document.getElementById("dir-search-strings")?.textContent || "{}");
  for (const form of forms) form.querySelector(".dir-search__status").textContent = say("loading");
  try {
    pagefind = await import(`${root}pagefind/pagefind.js`);
    await pagefind.init();
  } catch (error) {
    for (const form of forms) form.querySelector(".dir-search__status").textContent = say("failed");
    throw error;
  }
  for (const form of forms) {
    form.querySelector(".dir-search__status").textContent = "";
    wire(form);
  }
}
