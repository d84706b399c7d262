// The editor's writing aids: live counts, title lengths, search-result and social-card
// previews, the checklist before publishing (and its dialog on Publish, Schedule and
// Submit), and the keyboard shortcuts with their help panel.
//
// Without this file the panel (templates/admin/_writing_aids.html) shows the counts and
// the checklist as the story was last saved. The checklist's rules are the server's
// (src/domain/publish_checklist.rs): `checkStory` below mirrors them, with the limits the
// page gives in `data-aids-limits`; change both together.
(() => {
  "use strict";

  const panel = document.getElementById("writing-aids");
  const form = document.getElementById("story-form");
  if (!panel || !form) return;
  const parse = (text) => { try { return JSON.parse(text || "{}"); } catch (_) { return {}; } };
  const t = parse(panel.dataset.aidsLabels), limits = parse(panel.dataset.aidsLimits);
  const field = (name) => form.elements.namedItem(name);
  const value = (name) => { const el = field(name); return el && typeof el.value === "string" ? el.value : ""; };
  const fill = (template, n) => String(template || "").replace("{n}", String(n));
  const byId = (id) => document.getElementById(id);
  const make = (tag, attrs, ...children) => {
    const el = document.createElement(tag);
    for (const [name, val] of Object.entries(attrs || {})) el.setAttribute(name, val);
    el.append(...children);
    return el;
  };

  // ---- Counts ----
  const length = (text) => Array.from(text.trim()).length; // characters, not UTF-16 units
  const countWords = (text) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  function bodyText() { // the body's words as the server counts them: no image captions
    const html = value("body").replace(/<\/(p|h2|h3|li|blockquote|cite|div)>|<br\s*\/?>/gi, " $&");
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const figure of doc.querySelectorAll("figure")) figure.remove();
    return doc.body.textContent || "";
  }
  const searchTitle = () => (value("seo_title").trim() ? value("seo_title") : value("headline")).trim();
  function showLength(id, template, n, limit) {
    const el = byId(id);
    if (!el) return;
    el.textContent = fill(template, n) + (n > limit ? `: ${t.too_long}` : "");
    el.classList.toggle("nr-aids-long", n > limit);
  }

  // ---- The checklist (as domain/publish_checklist.rs) ----
  const serverImage = panel.dataset.leadImage, serverImageId = (panel.dataset.leadImageId || "").trim();
  function leadImage() {
    const id = value("hero_image_id").trim();
    if (!/^\d+$/.test(id) || Number(id) === 0) return "missing";
    // A new id is checked for alt text when the story is saved; until then it counts as given.
    return id === serverImageId ? serverImage : "with_alt";
  }
  function checkStory(words) {
    const image = leadImage();
    const checks = [
      ["lead_image", image !== "missing"],
      ["lead_image_alt", image === "with_alt"],
      ["section", value("section_id").trim() !== "" || value("kind") === "page"],
      ["standfirst", value("standfirst").trim() !== ""],
      ["body", words > 0],
      ["seo_title", length(searchTitle()) <= limits.search],
      ["headline", length(value("headline")) <= limits.social],
    ];
    return checks.filter(([check]) => check !== "lead_image_alt" || image !== "missing");
  }
  function showChecklist(checks) {
    const list = byId("aids-checklist");
    if (!list) return;
    list.replaceChildren(...checks.map(([check, passed]) => make("li",
      { "data-check": check, class: passed ? "nr-check-ok" : "nr-check-warn" },
      make("span", { class: "visually-hidden" }, `${passed ? t.passed : t.warning} `), t[`check_${check}`])));
  }

  // ---- Previews ----
  // A placeholder is in the interface's language, which may run the other way.
  const placeholder = (text) => make("span", { lang: panel.dataset.uiLang || "en", dir: panel.dataset.uiDir || "ltr" }, text);
  const show = (id, text, fallback) => {
    const el = byId(id);
    if (el) el.replaceChildren(text || (fallback ? placeholder(fallback) : ""));
  };
  function showPreviews() {
    const title = searchTitle(), description = (value("seo_description").trim() || value("standfirst").trim());
    show("aids-serp-title", title, t.no_title);
    show("aids-serp-text", description, t.no_description);
    show("aids-card-title", value("headline").trim(), t.no_title);
    show("aids-card-text", description, "");
    const url = byId("aids-serp-url"), slug = value("slug").trim();
    if (url && slug) url.textContent = url.textContent.replace(/[^/]*$/, slug);
  }

  let checks = [];
  function update() {
    const words = countWords(bodyText());
    const wpm = limits.wpm || 230;
    byId("aids-words").textContent = `${fill(t.words, words)} · ${fill(t.reading, Math.ceil(words / wpm))}`;
    showLength("aids-search-length", t.search_length, length(searchTitle()), limits.search);
    showLength("aids-social-length", t.social_length, length(value("headline")), limits.social);
    showPreviews();
    checks = checkStory(words);
    showChecklist(checks);
  }
  let pending = null;
  const soon = () => { if (!pending) pending = requestAnimationFrame(() => { pending = null; update(); }); };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  // Pickers insert blocks without an input event.
  form.addEventListener("masthead:insert", () => setTimeout(soon, 0));
  update();

  // ---- A dialog before publishing with warnings ----
  const warned = new Set(["publish", "schedule", "submit"]);
  let anyway = false;
  const dialog = make("dialog", { class: "nr-dialog", id: "aids-publish-dialog", "aria-labelledby": "aids-dialog-title" });
  const warningList = make("ul", { class: "nr-checklist" });
  const goBack = make("button", { type: "button", class: "secondary" }, t.go_back);
  const publishAnyway = make("button", { type: "button", class: "primary" }, t.publish_anyway);
  dialog.append(make("h2", { id: "aids-dialog-title" }, t.dialog_title), make("p", {}, t.dialog_intro), warningList,
    make("p", { class: "nr-buttons" }, publishAnyway, " ", goBack));
  document.body.append(dialog);
  let submitter = null;
  form.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (anyway || !button || !warned.has(button.value)) return;
    update();
    const open = checks.filter(([, passed]) => !passed);
    if (!open.length) return;
    event.preventDefault();
    event.stopImmediatePropagation(); // the editor's own submit handler stops autosave
    submitter = button;
    warningList.replaceChildren(...open.map(([check]) => make("li", { class: "nr-check-warn" }, t[`check_${check}`])));
    dialog.showModal();
    goBack.focus();
  }, { capture: true });
  goBack.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => { if (!anyway && submitter) submitter.focus(); });
  publishAnyway.addEventListener("click", () => {
    anyway = true;
    dialog.close();
    form.requestSubmit(submitter);
  });

  // ---- Keyboard shortcuts and their help panel ----
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
  const mod = mac ? "⌘" : "Ctrl", alt = mac ? "⌥" : "Alt";
  const click = (selector) => { const el = document.querySelector(selector); if (el) el.click(); return Boolean(el); };
  // Ctrl+B, I and K are the editor's own (editor.js); these add the rest. Alt with a digit
  // (as in Google Docs) leaves Ctrl+2 to the browser's tabs; `event.key` is the typed
  // character, so AltGr+2 typing "@" on a European keyboard is not taken for a heading.
  const shortcuts = [
    { keys: [mod, "B"], label: t.key_bold },
    { keys: [mod, "I"], label: t.key_italic },
    { keys: [mod, "K"], label: t.key_link },
    { keys: [mod, alt, "2"], label: t.key_h2, alt: true, key: "2", code: "Digit2", run: () => click(".editor-button-h2") },
    { keys: [mod, alt, "3"], label: t.key_h3, alt: true, key: "3", code: "Digit3", run: () => click(".editor-button-h3") },
    { keys: [mod, "S"], label: t.key_save, key: "s", run: () => click('#story-form button[name="action"][value="save"]') },
    { keys: [mod, alt, "P"], label: t.key_preview, alt: true, key: "p", code: "KeyP", run: () => click("#story-form button[formaction$='/preview']") },
    { keys: [mod, "/"], label: t.key_help, key: "/", run: () => openHelp() },
  ];
  const help = make("dialog", { class: "nr-dialog", id: "aids-shortcuts", "aria-labelledby": "aids-shortcuts-title" });
  const closeHelp = make("button", { type: "button", class: "secondary" }, t.close);
  const rows = shortcuts.map((s) => make("tr", {}, make("th", { scope: "row" }, s.label),
    make("td", { dir: "ltr" }, ...s.keys.flatMap((key, i) => (i ? ["+", make("kbd", {}, key)] : [make("kbd", {}, key)])))));
  help.append(make("h2", { id: "aids-shortcuts-title" }, t.shortcuts), make("table", { class: "nr-shortcuts" }, make("tbody", {}, ...rows)),
    make("p", { class: "nr-buttons" }, closeHelp));
  document.body.append(help);
  let helpOpener = null;
  function openHelp() {
    if (help.open) return;
    helpOpener = document.activeElement;
    help.showModal();
    closeHelp.focus();
  }
  closeHelp.addEventListener("click", () => help.close());
  help.addEventListener("close", () => { if (helpOpener && helpOpener.focus) helpOpener.focus(); });
  const toolbar = document.querySelector(".editor-toolbar");
  const helpButton = make("button", { type: "button", class: "editor-button editor-button-help", "aria-label": t.shortcuts,
    title: `${t.shortcuts} (${mod}+/)`, "aria-keyshortcuts": mac ? "Meta+/" : "Control+/", "aria-haspopup": "dialog" }, "⌨");
  helpButton.addEventListener("click", openHelp);
  if (toolbar) toolbar.append(helpButton); else panel.querySelector("h2").after(helpButton);
  document.addEventListener("keydown", (event) => {
    if (!(mac ? event.metaKey : event.ctrlKey) || event.shiftKey || dialog.open || help.open) return;
    const key = event.key.toLowerCase();
    // On a Mac, Option changes the character (⌥2 types "™"): there the key's place counts.
    const matches = (s) => s.key === key || (mac && event.altKey && s.code === event.code);
    const shortcut = shortcuts.find((s) => s.run && matches(s) && Boolean(s.alt) === event.altKey);
    if (shortcut) { event.preventDefault(); shortcut.run(); }
  });
})();
