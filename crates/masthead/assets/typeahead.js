// The story editor's type-ahead fields and story pickers: progressive enhancement of the
// plain form. Without this file the form offers selects and text fields; with it each of
// them gets a WAI-ARIA 1.2 combobox (input + listbox) asking /admin/suggest/..., while the
// original field stays in the form (hidden) and is what the form posts, exactly as before:
// the section selects, the topics select, the keywords and recommended_ids text fields and
// the credit_{n}_who/role selects. The Related toolbar button (editor.js sends
// `masthead:pick`) opens a dialog with the story type-ahead and answers `masthead:insert`.
(() => {
  "use strict";

  const form = document.getElementById("story-form");
  const config = document.getElementById("typeahead-config");
  if (!form || !config || !window.fetch) return;
  let labels = {};
  try { labels = JSON.parse(config.dataset.labels || "{}"); } catch (_) { return; }
  const edition = config.dataset.edition || "";
  const fill = (text, values) => String(text || "").replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : ""));
  let serial = 0;
  const nextId = (stem) => `ta-${stem}-${++serial}`;

  function element(name, attributes, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  async function suggest(kind, params) {
    const query = new URLSearchParams(params);
    if (edition && kind !== "bylines") query.set("edition", edition);
    try {
      const response = await fetch(`/admin/suggest/${kind}?${query}`, { credentials: "same-origin", headers: { accept: "application/json" } });
      if (!response.ok) return [];
      const answer = await response.json();
      return Array.isArray(answer.results) ? answer.results : [];
    } catch (_) {
      return [];
    }
  }

  const hint = element("span", { id: "ta-hint", hidden: true }, labels.hint || "");
  form.append(hint);

  // One combobox: an input that shows suggestions in a listbox as the user types.
  // `options(text)` gives [{ id?, label, detail?, data }]; `pick(option)` takes the choice.
  function combobox({ id, label, options, pick, lang, dir }) {
    const listId = `${id}-list`;
    const input = element("input", { id, type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId, "aria-describedby": "ta-hint", lang, dir: dir || "auto" });
    const list = element("ul", { id: listId, role: "listbox", class: "ta-list", hidden: true, "aria-label": label });
    const status = element("span", { class: "visually-hidden", role: "status", "aria-live": "polite" });
    const box = element("div", { class: "ta" }, input, list, status);
    let shown = [], active = -1, asked = 0, timer = null;

    const close = () => {
      list.hidden = true;
      list.removeAttribute("aria-busy");
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const highlight = (index) => {
      active = index;
      list.querySelectorAll("[role=option]").forEach((option, at) => option.setAttribute("aria-selected", String(at === index)));
      const current = list.children[index];
      if (current) { input.setAttribute("aria-activedescendant", current.id); current.scrollIntoView({ block: "nearest" }); }
      else input.removeAttribute("aria-activedescendant");
    };
    const choose = (index) => {
      const option = shown[index];
      if (!option) return;
      close();
      pick(option, input);
    };
    function render(found) {
      shown = found;
      list.replaceChildren(...found.map((option, at) => {
        const item = element("li", { id: `${listId}-${at}`, role: "option", "aria-selected": "false" },
          element("span", { lang, dir: "auto" }, option.label));
        if (option.detail) item.append(element("small", {}, option.detail));
        item.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the input
        item.addEventListener("click", () => choose(at));
        return item;
      }));
      list.hidden = found.length === 0;
      list.removeAttribute("aria-busy");
      input.setAttribute("aria-expanded", String(found.length > 0));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = found.length === 0 ? labels.no_results : found.length === 1 ? labels.one_result : fill(labels.results, { n: found.length });
    }
    async function refresh() {
      const mine = ++asked;
      const found = await options(input.value.trim());
      if (mine === asked && document.activeElement === input) render(found);
    }
    // Closes the list and forgets any suggestions still on their way.
    const reset = () => { clearTimeout(timer); asked++; close(); };
    // Until the suggestions for the text as typed arrive, the list shown is out of date
    // (aria-busy): the arrows ask for the new list at once, and Enter never picks from the old.
    input.addEventListener("input", () => {
      clearTimeout(timer);
      list.setAttribute("aria-busy", "true");
      timer = setTimeout(refresh, 150);
    });
    input.addEventListener("keydown", (event) => {
      const open = !list.hidden && list.getAttribute("aria-busy") !== "true";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) { clearTimeout(timer); refresh(); return; }
        const step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + shown.length + (active < 0 && step < 0 ? 1 : 0)) % shown.length);
      } else if (event.key === "Enter") { // never submits the form from here
        event.preventDefault();
        if (open && active >= 0) choose(active);
        else if (input.dataset.enter) input.dispatchEvent(new CustomEvent("ta:enter"));
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); event.stopPropagation(); reset(); }
      } else if (event.key === "Home" || event.key === "End") {
        if (open && active >= 0) { event.preventDefault(); highlight(event.key === "Home" ? 0 : shown.length - 1); }
      }
    });
    input.addEventListener("blur", reset);
    return { input, box, reset };
  }

  // The label of a field now belongs to its combobox.
  function relabel(field, inputId) {
    const label = form.querySelector(`label[for="${field.id}"]`);
    if (label) label.htmlFor = inputId;
  }

  const simple = (results) => results.map((result) => ({ label: result.label, data: result }));

  // ---- Sections: the primary one (a single choice) ----
  function singleSelect(select, kind) {
    if (!select) return;
    const selectedLabel = () => (select.value ? select.selectedOptions[0].textContent : "");
    const { input, box } = combobox({ id: nextId(select.id), label: form.querySelector(`label[for="${select.id}"]`)?.textContent || "",
      options: async (text) => simple(await suggest(kind, { q: text })),
      pick: (option, field) => { select.value = option.data.value; field.value = selectedLabel(); select.dispatchEvent(new Event("change", { bubbles: true })); } });
    relabel(select, input.id);
    input.value = selectedLabel();
    if (select.hasAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    input.addEventListener("change", () => {
      if (!input.value.trim()) { select.value = ""; select.dispatchEvent(new Event("change", { bubbles: true })); }
    });
    input.addEventListener("blur", () => { if (input.value.trim()) input.value = selectedLabel(); });
    select.hidden = true;
    select.after(box);
  }

  // ---- Chips: many choices, each removable ----
  function chipList(name, items, remove) {
    const list = element("ul", { class: "ta-chips", "aria-label": `${name}: ${labels.chosen}` });
    list.replaceChildren(...items.map((item) => {
      const button = element("button", { type: "button", "aria-label": fill(labels.remove_named, { label: item.label }) }, "×");
      button.addEventListener("click", () => remove(item, list));
      return element("li", {}, element("span", { dir: "auto" }, item.label), button);
    }));
    return list;
  }

  // After a chip goes, the focus moves to the next chip's button, else to the input.
  function focusAfterRemoval(list, at, input) {
    const buttons = list.querySelectorAll("button");
    (buttons[Math.min(at, buttons.length - 1)] || input).focus();
  }

  function multiSelect(select, kind) {
    if (!select) return;
    const name = form.querySelector(`label[for="${select.id}"]`)?.textContent.trim() || "";
    let chips = null;
    const draw = () => {
      const items = [...select.selectedOptions].map((option) => ({ value: option.value, label: option.textContent }));
      const next = chipList(name, items, (item, list) => {
        const at = items.indexOf(item);
        const option = [...select.options].find((candidate) => candidate.value === item.value);
        if (option) option.selected = false;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        draw();
        focusAfterRemoval(chips, at, input);
      });
      if (chips) chips.replaceWith(next); else box.before(next);
      chips = next;
    };
    const { input, box } = combobox({ id: nextId(select.id), label: name,
      options: async (text) => simple(await suggest(kind, { q: text })).filter((option) =>
        ![...select.selectedOptions].some((chosen) => chosen.value === option.data.value)),
      pick: (option, field) => {
        let chosen = [...select.options].find((candidate) => candidate.value === option.data.value);
        if (!chosen) { chosen = element("option", { value: option.data.value }, option.label); select.append(chosen); }
        chosen.selected = true;
        field.value = "";
        select.dispatchEvent(new Event("change", { bubbles: true }));
        draw();
      } });
    relabel(select, input.id);
    select.hidden = true;
    select.after(box);
    draw();
  }

  // ---- Keywords: many, and new ones may be typed (the field stays comma-separated) ----
  function keywordField(field) {
    if (!field) return;
    const name = form.querySelector(`label[for="${field.id}"]`)?.firstChild?.textContent.trim() || "";
    const current = () => field.value.split(",").map((word) => word.trim()).filter(Boolean);
    const same = (a, b) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
    let chips = null;
    const set = (words) => { field.value = words.join(", "); field.dispatchEvent(new Event("input", { bubbles: true })); draw(); };
    const draw = () => {
      const items = current().map((word) => ({ value: word, label: word }));
      const next = chipList(name, items, (item) => {
        const at = items.indexOf(item);
        set(current().filter((word) => word !== item.value));
        focusAfterRemoval(chips, at, input);
      });
      if (chips) chips.replaceWith(next); else box.before(next);
      chips = next;
    };
    const add = (word) => {
      const clean = word.replace(/,/g, " ").replace(/\s+/g, " ").trim();
      if (clean && !current().some((known) => same(known, clean))) set([...current(), clean]);
      input.value = "";
      reset();
    };
    const { input, box, reset } = combobox({ id: nextId(field.id), label: name, lang: field.lang, dir: field.dir,
      options: async (text) => {
        if (!text) return [];
        const found = simple(await suggest("keywords", { q: text })).filter((option) => !current().some((word) => same(word, option.data.value)));
        if (!found.some((option) => same(option.data.value, text)) && !current().some((word) => same(word, text))) {
          found.push({ label: fill(labels.new_keyword, { label: text }), data: { value: text } });
        }
        return found;
      },
      pick: (option) => add(option.data.value) });
    input.dataset.enter = "add";
    input.addEventListener("ta:enter", () => add(input.value));
    input.addEventListener("keydown", (event) => { if (event.key === ",") { event.preventDefault(); add(input.value); } });
    // "(comma-separated)" is how to type keywords without this script; the chips replace that.
    for (const hint of field.labels[0]?.querySelectorAll(".hint") || []) hint.hidden = true;
    relabel(field, input.id);
    if (field.hasAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    field.hidden = true;
    field.after(box);
    draw();
  }

  // ---- Stories: what the account may see, by headline ----
  const storyCache = new Map();
  const storyOption = (story) => ({ label: story.headline, detail: [story.status_label, story.section, story.updated && story.updated.text].filter(Boolean).join(" · "), data: story });
  async function findStories(text) {
    if (!text) return [];
    const found = await suggest("stories", { q: text });
    for (const story of found) storyCache.set(String(story.id), story);
    return found.map(storyOption);
  }
  async function knownStories(ids) {
    const missing = ids.filter((id) => !storyCache.has(id));
    for (let at = 0; at < missing.length; at += 10) {
      for (const story of await suggest("stories", { ids: missing.slice(at, at + 10).join(",") })) storyCache.set(String(story.id), story);
    }
    for (const id of missing) if (!storyCache.has(id)) storyCache.set(id, { id, headline: `#${id}` }); // not visible to this account
    return ids.map((id) => storyCache.get(id) || { id, headline: `#${id}` });
  }

  // ---- Recommended stories: cards kept in the recommended_ids field ----
  function recommendedField(field) {
    if (!field) return;
    const label = form.querySelector(`label[for="${field.id}"]`);
    if (label) label.textContent = labels.recommended_label;
    const name = labels.recommended_label;
    const ids = () => field.value.split(/[^0-9]+/).filter(Boolean);
    const cards = element("ul", { class: "ta-cards", "aria-label": `${name}: ${labels.chosen}` });
    for (const button of form.querySelectorAll("button[data-recommend]")) {
      const link = button.closest("li")?.querySelector("a");
      if (link) storyCache.set(button.dataset.recommend, { id: button.dataset.recommend, headline: link.textContent });
    }
    let setting = false; // our own changes redraw themselves; editor.js's Recommend buttons' do not
    const set = (list) => { setting = true; field.value = list.join(", "); field.dispatchEvent(new Event("input", { bubbles: true })); setting = false; };
    async function draw() {
      const stories = await knownStories(ids());
      recommendButtons(ids());
      cards.replaceChildren(...stories.map((story, at) => {
        const remove = element("button", { type: "button", class: "secondary", "aria-label": fill(labels.remove_named, { label: story.headline }) }, "×");
        remove.addEventListener("click", () => {
          set(ids().filter((id) => id !== String(story.id)));
          draw().then(() => focusAfterRemoval(cards, at, input));
        });
        const meta = storyOption(story).detail;
        return element("li", {}, element("span", {}, element("strong", { dir: "auto" }, story.headline), meta ? element("small", {}, ` ${meta}`) : null), remove);
      }));
    }
    const { input, box } = combobox({ id: nextId(field.id), label: name, lang: field.lang, dir: field.dir,
      options: async (text) => (await findStories(text)).filter((option) => !ids().includes(String(option.data.id))),
      pick: (option, typed) => { set([...ids(), String(option.data.id)]); typed.value = ""; draw(); } });
    relabel(field, input.id);
    field.addEventListener("input", () => { if (!setting) draw(); });
    field.hidden = true;
    field.after(cards, box);
    draw();
  }

  // The "Recommend" buttons beside the related stories (editor.js) follow the field: a
  // story taken off it (its card removed) can be recommended again.
  function recommendButtons(picked) {
    for (const button of form.querySelectorAll("button[data-recommend]")) {
      const chosen = picked.includes(button.dataset.recommend);
      button.disabled = chosen;
      button.textContent = chosen ? labels.recommended : labels.recommend;
    }
  }

  // ---- Bylines: any number of rows, each a staff author or an agency with a role ----
  function bylines() {
    let rows = [...form.querySelectorAll("p.nr-credit")];
    if (!rows.length) return;
    const template = rows[rows.length - 1].cloneNode(true);
    // The blank rows the plain form offers give way to the Add button (one stays if all are blank).
    const blank = (row) => !row.querySelector("select[name$=_who]").value;
    const kept = rows.filter((row) => !blank(row));
    for (const row of rows.slice(kept.length ? 0 : 1)) if (blank(row)) row.remove();
    rows = kept.length ? kept : rows.slice(0, 1);
    const fieldset = rows[0].closest("fieldset");
    const add = element("button", { type: "button", class: "secondary ta-add" }, labels.add_byline);
    rows[rows.length - 1].after(add);
    let highest = Math.max(...rows.map((row) => Number(row.querySelector("select").name.split("_")[1]) || 0));
    const renumber = () => fieldset.querySelectorAll("p.nr-credit").forEach((row, at) => {
      const n = at + 1;
      row.querySelector(".ta-who-label").textContent = fill(labels.byline, { n });
      row.querySelector("select[name$=_role]").labels[0].textContent = fill(labels.role, { n });
      row.querySelector(".ta-remove").setAttribute("aria-label", fill(labels.remove_byline, { n }));
    });
    function enhance(row) {
      const who = row.querySelector("select[name$=_who]");
      const label = row.querySelector(`label[for="${who.id}"]`);
      label.classList.add("ta-who-label");
      const text = () => (who.value ? who.selectedOptions[0].textContent : "");
      const { input, box } = combobox({ id: nextId(who.id), label: label.textContent,
        options: async (typed) => (await suggest("bylines", { q: typed })).map((result) =>
          ({ label: result.label, detail: result.kind === "agency" ? labels.agency : labels.staff, data: result })),
        pick: (option, field) => {
          if (![...who.options].some((known) => known.value === option.data.value)) who.append(element("option", { value: option.data.value }, option.label));
          who.value = option.data.value;
          field.value = text();
          who.dispatchEvent(new Event("change", { bubbles: true }));
        } });
      input.value = text();
      input.addEventListener("change", () => { if (!input.value.trim()) { who.value = ""; who.dispatchEvent(new Event("change", { bubbles: true })); } });
      input.addEventListener("blur", () => { if (input.value.trim()) input.value = text(); });
      label.htmlFor = input.id;
      who.hidden = true;
      who.after(box);
      const remove = element("button", { type: "button", class: "secondary ta-remove" }, "×");
      remove.addEventListener("click", () => {
        const next = row.nextElementSibling && row.nextElementSibling.matches("p.nr-credit") ? row.nextElementSibling : null;
        row.remove();
        renumber();
        form.dispatchEvent(new Event("change", { bubbles: true }));
        (next ? next.querySelector("input[role=combobox]") : add).focus();
      });
      row.classList.add("ta-credit");
      row.append(remove);
      return input;
    }
    rows.forEach(enhance);
    add.addEventListener("click", () => {
      const row = template.cloneNode(true);
      highest += 1;
      for (const field of row.querySelectorAll("select")) {
        const part = field.name.split("_")[2];
        field.id = field.name = `credit_${highest}_${part}`;
        field.selectedIndex = 0;
      }
      row.querySelectorAll("label").forEach((label, at) => { label.htmlFor = row.querySelectorAll("select")[at].id; });
      add.before(row);
      const input = enhance(row);
      renumber();
      input.focus();
    });
    renumber();
  }

  // ---- The Related toolbar button: a dialog with the story type-ahead ----
  function relatedDialog() {
    if (typeof HTMLDialogElement !== "function") return;
    const titleId = nextId("related-title");
    const { input, box } = combobox({ id: nextId("related-story"), label: labels.find_story,
      options: findStories,
      pick: (option) => {
        dialog.close();
        form.dispatchEvent(new CustomEvent("masthead:insert", { detail: { kind: "related", value: String(option.data.id) } }));
      } });
    const cancel = element("button", { type: "button", class: "secondary" }, labels.cancel);
    const dialog = element("dialog", { class: "ta-dialog", "aria-labelledby": titleId },
      element("h2", { id: titleId }, labels.related_title),
      element("label", { for: input.id }, labels.find_story), box,
      element("p", { class: "nr-buttons" }, cancel));
    let opener = null;
    cancel.addEventListener("click", () => { dialog.close(); if (opener) opener.focus(); });
    dialog.addEventListener("cancel", () => { if (opener) setTimeout(() => opener.focus(), 0); });
    document.body.append(dialog);
    form.addEventListener("masthead:pick", (event) => {
      if (!event.detail || event.detail.kind !== "related") return;
      event.preventDefault();
      opener = document.activeElement;
      input.value = "";
      dialog.showModal();
      input.focus();
    });
  }

  // ---- Related blocks in the editor show their story's headline ----
  function relatedCards() {
    const editorBox = form.querySelector(".editor-box");
    if (!editorBox) return;

    async function show() {
      const blocks = [...editorBox.querySelectorAll("div[data-related]")];
      const wanted = blocks.map((block) => block.dataset.related).filter((id) => !storyCache.has(id));
      if (wanted.length) await knownStories([...new Set(wanted)]);
      for (const block of blocks) {
        const story = storyCache.get(block.dataset.related) || { headline: `#${block.dataset.related}` };
        // The headline in its own direction, so an Arabic headline under an English label reads right.
        const shown = block.querySelector("bdi");
        if (!shown || shown.textContent !== story.headline || block.childNodes.length !== 2) {
          block.replaceChildren(element("span", {}, `${labels.related_block}: `), element("bdi", {}, story.headline));
        }
        block.classList.add("ta-related");
      }
    }
    new MutationObserver(show).observe(editorBox, { childList: true, subtree: true });
    show();
  }

  singleSelect(form.querySelector("#section_id"), "sections");
  multiSelect(form.querySelector("#secondary_section_ids"), "sections");
  multiSelect(form.querySelector("#topic_ids"), "topics");
  keywordField(form.querySelector("#keywords"));
  bylines();
  recommendedField(form.querySelector("#recommended_ids"));
  relatedDialog();
  relatedCards();
})();
