// The editor's Embed and Link dialogs, in place of `window.prompt()`: the toolbar's Embed
// and Link buttons (and Ctrl+K) send `masthead:pick` ({ kind: "embed" } or { kind: "link",
// value: href }) to the form; this script takes it, asks for the address in a <dialog>
// with a preview of what readers will see, and answers with `masthead:insert`, which
// editor.js turns into the block or the link. The addresses are checked with the editor's
// own rules (window.mastheadEditor, as in crates/richtext); the server checks them again.
(() => {
  "use strict";

  const form = document.getElementById("story-form");
  const panel = document.getElementById("writing-aids");
  const rules = window.mastheadEditor;
  if (!form || !panel || !rules || typeof HTMLDialogElement !== "function") return;
  let t = {};
  try { t = JSON.parse(panel.dataset.aidsLabels || "{}"); } catch (_) { /* keep empty */ }
  const make = (tag, attrs, ...children) => {
    const el = document.createElement(tag);
    for (const [name, val] of Object.entries(attrs || {})) el.setAttribute(name, val);
    el.append(...children);
    return el;
  };

  // One dialog, shaped for the kind asked: an address field, a message, and buttons.
  function dialog(kind) {
    const id = `aids-${kind}-dialog`;
    const box = make("dialog", { class: "nr-dialog", id, "aria-labelledby": `${id}-title` });
    const input = make("input", { id: `${id}-url`, type: "url", dir: "ltr", autocomplete: "off", "aria-describedby": `${id}-message` });
    const message = make("p", { id: `${id}-message`, class: "nr-dialog-message", "aria-live": "polite" });
    const ok = make("button", { type: "submit", class: "primary" }, kind === "embed" ? t.insert : t.link_apply);
    const cancel = make("button", { type: "button", class: "secondary" }, t.cancel);
    const buttons = make("p", { class: "nr-buttons" }, ok, " ", cancel);
    const inner = make("form", { method: "dialog" },
      make("h2", { id: `${id}-title` }, kind === "embed" ? t.embed_title : t.link_title),
      make("label", { for: input.id }, kind === "embed" ? t.embed_url : t.link_url), input, message, buttons);
    box.append(inner);
    document.body.append(box);
    cancel.addEventListener("click", () => box.close());
    return { box, input, message, inner, buttons };
  }

  let pending = null; // what a dialog answered, sent when it closes

  // ---- Embed ----
  const embed = dialog("embed");
  // Any other https page becomes a link card, with the title the writer types here.
  const titleField = make("input", { id: "aids-embed-dialog-title-text", dir: "auto", autocomplete: "off" });
  const titleRow = make("p", { hidden: "" }, make("label", { for: titleField.id }, t.card_title), titleField);
  embed.buttons.before(titleRow);
  function embedPreview() {
    const url = embed.input.value.trim(), provider = url && rules.embedProvider(url);
    const host = url && !provider && rules.linkCardHost(url);
    embed.message.replaceChildren();
    embed.message.classList.toggle("field-error", Boolean(url) && !provider && !host);
    titleRow.hidden = !host;
    if (!url) return null;
    if (!provider && !host) { embed.message.textContent = t.embed_bad; return null; }
    if (host) {
      const card = make("span", { class: "nr-embed-preview" }, make("strong", { dir: "auto" }, titleField.value.trim() || url),
        make("span", { class: "nr-embed-host", dir: "ltr" }, host));
      embed.message.append(make("strong", {}, `${t.embed_preview}: `), t.card_preview, card);
      return { kind: "link_card", value: url, title: titleField.value.trim() };
    }
    const what = (provider === "YouTube" ? t.embed_video : t.embed_card).replace("{provider}", provider);
    embed.message.append(make("strong", {}, `${t.embed_preview}: `), what,
      make("span", { class: "nr-embed-preview", dir: "ltr" }, `${url.slice(8).split(/[/?#]/)[0].toLowerCase()} · ${url}`));
    return { kind: "embed", value: url };
  }
  embed.input.addEventListener("input", embedPreview);
  titleField.addEventListener("input", embedPreview);
  embed.inner.addEventListener("submit", (event) => {
    const answer = embedPreview();
    if (!answer) { event.preventDefault(); embed.input.focus(); return; }
    pending = answer;
  });

  // ---- Link ----
  const link = dialog("link");
  const remove = make("button", { type: "button", class: "secondary" }, t.link_remove);
  link.buttons.append(" ", remove);
  link.input.addEventListener("input", () => { link.message.textContent = ""; link.message.classList.remove("field-error"); });
  link.inner.addEventListener("submit", (event) => {
    const href = link.input.value.trim();
    if (href && !rules.safeLink(href)) {
      event.preventDefault();
      link.message.textContent = t.link_bad;
      link.message.classList.add("field-error");
      link.input.focus();
      return;
    }
    pending = { kind: "link", value: href };
  });
  remove.addEventListener("click", () => { pending = { kind: "link", value: "" }; link.box.close(); });

  form.addEventListener("masthead:pick", (event) => {
    const { kind, value } = event.detail || {};
    const target = kind === "embed" ? embed : kind === "link" ? link : null;
    if (!target) return;
    event.preventDefault();
    target.input.value = kind === "link" ? value || "https://" : "";
    titleField.value = "";
    titleRow.hidden = true;
    target.message.textContent = "";
    target.message.classList.remove("field-error");
    remove.hidden = !(kind === "link" && value);
    target.box.showModal();
    target.input.focus();
  });
  // ---- A link card's title, edited in place ----
  // Each card in the text gets a labelled field for its title. The field writes the card's
  // data-title, which is what the editor's cleaning reads and the form posts (the server
  // cleans it again); an empty field leaves the card titled by its address.
  const area = document.querySelector("#story-form .editor-area");
  let cards = 0;
  function editableCard(card) {
    const id = `aids-card-title-${++cards}`;
    const field = make("input", { id, class: "nr-card-title", dir: "auto", autocomplete: "off" });
    field.value = card.dataset.title || "";
    field.addEventListener("input", () => {
      const title = field.value.trim();
      if (title) card.dataset.title = title; else delete card.dataset.title;
    });
    // Enter would submit the story form, and the editor's paste handler would take the text.
    field.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
    field.addEventListener("paste", (event) => event.stopPropagation());
    // The label is in the interface's language, which may run the other way from the text.
    const label = make("label", { for: id, lang: panel.dataset.uiLang || "en", dir: panel.dataset.uiDir || "ltr" }, t.card_title);
    card.replaceChildren(label, field,
      make("span", { class: "nr-embed-host", dir: "ltr" }, card.dataset.linkCard));
  }
  const editableCards = () => {
    for (const card of area.querySelectorAll("div[data-link-card]:not(:has(.nr-card-title))")) editableCard(card);
  };
  if (area) {
    new MutationObserver(editableCards).observe(area, { childList: true, subtree: true });
    editableCards();
  }

  // The answer goes to the editor once the dialog has closed and given focus back, so the
  // editor puts the caret after what it inserted.
  for (const target of [embed, link]) {
    target.box.addEventListener("close", () => {
      const answer = pending;
      pending = null;
      if (answer) form.dispatchEvent(new CustomEvent("masthead:insert", { detail: answer }));
    });
  }
})();
