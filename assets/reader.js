// Reader controls of the post page: view mode and theme (remembered), passages' permalinks, and
// opening the passage a link points to. The saved choices are applied before first paint by a one-line script in <head>;
// this module (deferred) only wires the controls, so applying them never shifts the layout.
// @ts-check
const root = document.documentElement;
const controls = /** @type {HTMLElement | null} */ (document.querySelector(".reader-controls"));
const originals = () => /** @type {NodeListOf<HTMLDetailsElement>} */ (document.querySelectorAll(".t > details"));
// Modes that show every original: their <details> are opened for real, so native semantics hold.
const OPEN_MODES = new Set(["open", "side", "en"]);

/** @param {string} key @param {string} value */
function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** @param {string} mode */
function syncDetails(mode) {
  const open = OPEN_MODES.has(mode);
  for (const d of originals()) d.open = open;
}

/** The passage at the top of the viewport, and how far from the top it is, to keep the reader's place. */
function anchorTurn() {
  for (const turn of document.querySelectorAll(".t")) {
    const top = turn.getBoundingClientRect().top;
    if (top >= -1) return { turn, top };
  }
  return undefined;
}

/** @param {string} mode */
function setView(mode) {
  const place = anchorTurn();
  root.dataset.view = mode;
  syncDetails(mode);
  store("view", mode);
  if (place) window.scrollBy(0, place.turn.getBoundingClientRect().top - place.top);
}

function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const turn = id ? document.getElementById(id) : null;
  if (!turn || !turn.classList.contains("t")) return;
  const details = /** @type {HTMLDetailsElement | null} */ (turn.querySelector(":scope > details"));
  // Shown even when the mode hides originals ("translation only": the class overrides that for this passage).
  turn.classList.add("revealed");
  if (details) details.open = true;
  turn.classList.remove("flash");
  void turn.offsetWidth; // restart the highlight animation
  turn.classList.add("flash");
}

if (controls) {
  // Whatever localStorage held, only a known mode is used (it also ends up in a selector below).
  // The modes are the control's own options (listed once, in _data/ui.json).
  const modes = [...controls.querySelectorAll('input[name="view"]')].map((input) => /** @type {HTMLInputElement} */ (input).value);
  const saved = root.dataset.view ?? "";
  const mode = modes.includes(saved) ? saved : "collapsed";
  root.dataset.view = mode;
  const radio = /** @type {HTMLInputElement | null} */ (controls.querySelector(`input[name="view"][value="${mode}"]`));
  if (radio) radio.checked = true;
  syncDetails(mode);
  controls.addEventListener("change", (e) => {
    const t = /** @type {HTMLInputElement | HTMLSelectElement} */ (e.target);
    if (t.name === "view") setView(t.value);
    if (t.name === "theme") {
      root.dataset.theme = t.value;
      store("theme", t.value);
    }
  });
  const theme = /** @type {HTMLSelectElement | null} */ (controls.querySelector('select[name="theme"]'));
  if (theme) theme.value = root.dataset.theme || "auto";
  controls.dataset.ready = "true";
}
// Every passage's permalink "#", at the end of its translation (in the margin, by site.css), named by
// the page's one hidden label (#tl). Added here, not written into the page: the same link on each of
// an archive's 425,000 passages was 18 MB of its markup. Without scripts the ids are still there.
if (document.getElementById("tl")) {
  for (const turn of document.querySelectorAll(".t")) {
    const translation = turn.querySelector(":scope > div");
    if (!translation || !turn.id) continue;
    const link = document.createElement("a");
    link.href = `#${turn.id}`;
    link.setAttribute("aria-labelledby", "tl");
    link.textContent = "#";
    translation.append(link);
  }
}
openTarget();
window.addEventListener("hashchange", openTarget);

// Contents: closed in the markup (one line on a phone); wider screens already show the list by CSS,
// so opening it here changes nothing on screen, only what assistive technology is told.
// Where the list is always shown, its summary is only a title: out of the tab order, so no key press
// toggles something that does not change.
const tocDetails = /** @type {HTMLDetailsElement | null} */ (document.querySelector(".toc details"));
const wide = matchMedia("(min-width: 40.01rem)");
const fitToc = () => {
  if (!tocDetails) return;
  if (wide.matches) tocDetails.open = true;
  const summary = tocDetails.querySelector("summary");
  if (summary) summary.tabIndex = wide.matches ? -1 : 0;
};
fitToc();
wide.addEventListener("change", fitToc);

// Contents: mark the section being read (the last heading above the top third of the viewport).
const tocLinks = new Map([...document.querySelectorAll('.toc a[href^="#s-"]')].map((a) => [(a.getAttribute("href") ?? "").slice(1), a]));
if (tocLinks.size && "IntersectionObserver" in window) {
  const sections = [...tocLinks.keys()].map((id) => document.getElementById(id)).filter((s) => s !== null);
  /** @type {Set<Element>} */
  const visible = new Set();
  const mark = () => {
    const current = sections.find((s) => visible.has(s)) ?? sections.filter((s) => s.getBoundingClientRect().top < 0).at(-1);
    for (const [id, a] of tocLinks) {
      if (current && id === current.id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
    mark();
  }, { rootMargin: "0px 0px -66% 0px" });
  for (const s of sections) observer.observe(s);
}
