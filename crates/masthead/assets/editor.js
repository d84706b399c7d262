// The story editor: progressive enhancement of <textarea name="body" data-editor>.
//
// Without this file the writer edits the textarea directly (canonical HTML or plain text)
// and the server (crates/richtext) cleans whatever arrives. With it, a contenteditable area
// edits the same HTML; each change is cleaned with the server's allow-list and copied back
// into the textarea, which is still what the form submits. The Content-Security-Policy
// forbids inline scripts and styles: no style attributes, eval or inline handlers here;
// the looks come from admin.css.
(() => {
  "use strict";

  const textarea = document.querySelector("#story-form textarea[data-editor]");
  if (!textarea || !window.DOMParser || typeof document.execCommand !== "function") return;
  const form = textarea.form;
  // The words, in the account's interface language: `data-labels` holds
  // `chrome.t.editor.script` (crates/masthead/src/domain/i18n_newsroom_editor_script.rs).
  let labels;
  try { labels = JSON.parse(textarea.dataset.labels); } catch (_) { return; } // the plain textarea stays
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));

  // ---- The allow-list, as in crates/richtext: change both together ----
  const words = (list) => new Set(list.split(" "));
  const DROP = words("applet area audio base button canvas datalist embed frame frameset head iframe " +
    "img input link map math meta noembed noframes noscript object optgroup option param picture " +
    "script select source style svg template textarea title track video xml xmp");
  const PARAGRAPHS = words("address caption dd dt legend p pre summary");
  const CONTAINERS = words("div article aside center details dl fieldset form header hgroup main nav " +
    "search section table tbody td tfoot th thead tr");
  const SPACES = /([ \t\n\r\f\u00a0\u2028\u2029]+)/;
  const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
  const PLAIN = { b: false, i: false, href: null };
  const EMBED_HOSTS = new Map(Object.entries({
    YouTube: "youtube.com www.youtube.com m.youtube.com youtu.be",
    X: "x.com www.x.com twitter.com www.twitter.com mobile.twitter.com",
    Instagram: "instagram.com www.instagram.com",
    Facebook: "facebook.com www.facebook.com m.facebook.com fb.watch",
  }).flatMap(([name, hosts]) => hosts.split(" ").map((host) => [host, name])));

  function httpsParts(url) { // [host, path] of an https URL an embed or link card may hold
    if (/[\s"<>\\\u0000-\u001f\u007f-\u009f]/.test(url) || url.slice(0, 8).toLowerCase() !== "https://") return null;
    const rest = url.slice(8), end = rest.search(/[/?#]/);
    const host = end < 0 ? rest : rest.slice(0, end), path = end < 0 ? "" : rest.slice(end);
    return host && host.includes(".") && !/[@:]/.test(host) ? [host, path] : null;
  }
  function embedProvider(url) {
    const parts = httpsParts(url);
    if (!parts || !parts[1].replace(/^\/+/, "")) return null;
    return EMBED_HOSTS.get(parts[0].toLowerCase()) || null;
  }
  const linkCardHost = (url) => { const parts = httpsParts(url); return parts ? parts[0].toLowerCase() : null; };
  const cardTitle = (title) => Array.from((title || "").split(/[\s\u0000-\u001f\u007f-\u009f]+/).filter(Boolean).join(" ")).slice(0, 300).join("");
  function safeLink(href) {
    if (href == null) return null;
    const url = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
    if (/[\u0000-\u001f\u007f-\u009f]/.test(url)) return null;
    if (url.startsWith("/")) return /^\/[/\\]/.test(url) ? null : url;
    const colon = url.indexOf(":"), scheme = url.slice(0, colon).toLowerCase(), rest = url.slice(colon + 1);
    const ok = scheme === "http" || scheme === "https" ? rest.startsWith("//") && rest.length > 2
      : scheme === "mailto" && rest.length > 0;
    return colon > 0 && ok ? `${scheme}:${rest}` : null;
  }
  window.mastheadEditor = { embedProvider, safeLink, linkCardHost }; // for the Embed and Link dialogs (embed_dialog.js)
  function positiveId(value) {
    const id = /^\s*\+?\d+\s*$/.test(value || "") ? Number(value) : 0;
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  }
  // The few style declarations that mean something in pasted HTML (Google Docs, Word).
  function parseStyle(style) {
    const out = { bold: null, italic: null, hidden: false, list: null, marker: false };
    for (const declaration of style.split(";")) {
      const at = declaration.indexOf(":");
      if (at < 0) continue;
      const name = declaration.slice(0, at).trim().toLowerCase();
      const value = declaration.slice(at + 1).replace(/!important\s*$/i, "").trim().toLowerCase();
      const first = value.split(/\s+/)[0];
      if (name === "font-weight") {
        out.bold = /^bold(er)?$/.test(value) || (/^\d+$/.test(value) ? Number(value) >= 600 : /^(normal|lighter)$/.test(value) ? false : out.bold);
      } else if (name === "font-style") {
        out.italic = value === "normal" ? false : /^(italic|oblique)/.test(value) || out.italic;
      } else if (/^(display:none|visibility:hidden|mso-hide:all)$/.test(`${name}:${value}`)) out.hidden = true;
      else if (name === "mso-list" && first === "ignore") out.marker = true;
      else if (name === "mso-list" && first && first !== "none") out.list = first;
    }
    return out;
  }

  // One paragraph's (or item's, heading's...) runs. A space at a format's edge goes to the
  // plainer side, never into a link.
  const weight = (run) => (run.b ? 1 : 0) + (run.i ? 1 : 0) + (run.href ? 3 : 0);
  class Line {
    constructor() { this.runs = []; this.space = false; }
    get empty() { return this.runs.length === 0; }
    addSpace() { this.space = this.runs.length > 0; }
    text() { return this.runs.map((run) => run.text).join(""); }
    add(word, fmt) {
      let last = this.runs[this.runs.length - 1];
      if (this.space && last) {
        if (last.href && fmt.href && last.href !== fmt.href) this.runs.push({ ...PLAIN, text: " " });
        else if (weight(last) <= weight(fmt)) last.text += " "; else word = " " + word;
      }
      this.space = false;
      last = this.runs[this.runs.length - 1];
      if (last && last.b === fmt.b && last.i === fmt.i && last.href === fmt.href) last.text += word;
      else this.runs.push({ text: word, b: fmt.b, i: fmt.i, href: fmt.href });
    }
  }

  // Collects blocks; one structured block (heading, list, quote, figure) is open at a time
  // and block elements nested in it only separate words (so nested lists flatten).
  class Builder {
    constructor() { Object.assign(this, { blocks: [], cap: null, para: new Line(), loose: true, breaks: 0, wordList: null }); }
    line() {
      const cap = this.cap;
      if (!cap) return this.para;
      return cap.type === "quote" ? (cap.inCite ? cap.cite : cap.text) : cap.type === "figure" ? (cap.inCaption ? cap.caption : new Line()) : cap.line;
    }
    text(text, fmt) {
      for (const part of text.replace(CONTROL, "").split(SPACES)) {
        if (!part) continue;
        if (SPACES.test(part)) { this.breaks += this.loose ? part.split("\n").length - 1 : 0; this.line().addSpace(); continue; }
        if (this.breaks >= 2 && !this.cap) this.endParagraph();
        this.breaks = 0;
        this.line().add(part, fmt);
      }
    }
    lineBreak() { this.breaks += 1; this.line().addSpace(); }
    open(cap, loose) {
      if (this.cap) { this.line().addSpace(); return "break"; }
      this.endParagraph();
      if (cap) this.cap = cap; else this.loose = loose;
      return cap ? "capture" : "paragraph";
    }
    openList(ordered) {
      if (this.cap && this.cap.type === "list") { this.endItem(); return "item"; }
      return ordered === null ? this.open(null, false) : this.open({ type: "list", ordered, items: [], line: new Line() });
    }
    openIn(type, counter, fallback) {
      if (this.cap && this.cap.type === type) { this.cap[counter] += 1; return counter; }
      return fallback();
    }
    openWordItem(list) { // Word writes each list item as a paragraph marked mso-list.
      if (this.cap) return this.open(null, false);
      this.endParagraph();
      const last = this.blocks[this.blocks.length - 1];
      const resume = this.wordList === list && last && last.type === "list";
      if (resume) this.blocks.pop();
      this.cap = { type: "list", ordered: Boolean(resume && last.ordered), items: resume ? last.items : [], line: new Line(), word: list };
      return "capture";
    }
    wordMarker(marker) {
      const cap = this.cap, trimmed = marker.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
      if (trimmed && cap && cap.word && !cap.items.length && cap.line.empty) cap.ordered = /^\(?[\p{L}\p{N}]{1,6}[.)]$/u.test(trimmed);
    }
    embed(url) { // an embed that cannot be one stays as its URL
      url = url.trim();
      if (embedProvider(url) && !this.cap) return void this.emit({ type: "embed", url }, true);
      this.open(null, true);
      this.text(url, PLAIN);
      this.open(null, true);
    }
    linkCard(url, title) { // a card that cannot be one stays as its URL
      url = url.trim();
      if (!linkCardHost(url) || this.cap) return void this.embed(url);
      this.emit({ type: "link_card", url, title: cardTitle(title) }, true);
    }
    related(id) { if (!this.cap) this.emit({ type: "related", id }, true); }
    close(end) {
      if (end === "paragraph") { this.endParagraph(); this.loose = true; }
      if (end === "capture") { this.endCapture(); this.loose = true; }
      if (end === "item") this.endItem();
      if (end === "break") this.line().addSpace();
      if ((end === "inCite" || end === "inCaption") && this.cap && this.cap[end] > 0) this.cap[end] -= 1;
    }
    endItem() {
      const cap = this.cap;
      if (cap && cap.type === "list" && !cap.line.empty) cap.items.push(cap.line.runs);
      if (cap && cap.type === "list") cap.line = new Line();
    }
    endParagraph() {
      const line = this.para, text = line.text();
      this.breaks = 0;
      this.para = new Line();
      if (!line.empty) this.emit(embedProvider(text) ? { type: "embed", url: text } : { type: "p", runs: line.runs });
    }
    endCapture() {
      this.endItem();
      const cap = this.cap || {};
      this.cap = null;
      if (cap.type === "heading" && !cap.line.empty) this.emit({ type: "heading", level: cap.level, text: cap.line.text() });
      if (cap.type === "quote" && !cap.text.empty) this.emit({ type: "quote", text: cap.text.text(), cite: cap.cite.text() });
      if (cap.type === "figure") this.emit({ type: "image", id: cap.id, caption: cap.caption.text() });
      if (cap.type === "list" && cap.items.length) this.emit({ type: "list", ordered: cap.ordered, items: cap.items });
      if (cap.type === "list" && cap.items.length) this.wordList = cap.word;
    }
    emit(block, ending) {
      if (ending) this.endParagraph();
      this.wordList = null;
      this.blocks.push(block);
    }
    finish() { this.endCapture(); this.endParagraph(); return this.blocks; }
  }

  function startBlock(builder, name, el, style) {
    if (name === "br") return void builder.lineBreak();
    if (name === "hr") return void builder.open(null, true);
    if ((name === "div" || PARAGRAPHS.has(name)) && style.list) return builder.openWordItem(style.list);
    if (/^h[1-6]$/.test(name)) return builder.open({ type: "heading", level: name <= "h2" ? 2 : 3, line: new Line() });
    if (/^(ul|ol|menu)$/.test(name)) return builder.openList(name === "ol");
    if (name === "li") return builder.openList(null);
    if (name === "blockquote") return builder.open({ type: "quote", text: new Line(), cite: new Line(), inCite: 0 });
    if (name === "cite") return builder.openIn("quote", "inCite", () => null);
    if (name === "footer") return builder.openIn("quote", "inCite", () => builder.open(null, true));
    if (name === "figcaption") return builder.openIn("figure", "inCaption", () => builder.open(null, false));
    const id = name === "figure" && positiveId(el.getAttribute("data-image-id"));
    if (id) return builder.open({ type: "figure", id, caption: new Line(), inCaption: 0 });
    if (name === "figure" || CONTAINERS.has(name)) return builder.open(null, true);
    return PARAGRAPHS.has(name) ? builder.open(null, false) : null;
  }

  // Walks a DOM tree without recursion, so deep nesting cannot overflow the stack.
  function cleanNode(root) {
    const builder = new Builder(), open = [];
    let fmt = PLAIN, hidden = 0, junk = -1, marker = null;
    const endMarker = () => { if (marker !== null) builder.wordMarker(marker); marker = null; };
    const enter = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!hidden && junk < 0) builder.text(node.data, fmt); else if (marker !== null) marker += node.data;
        return null;
      }
      if (node.nodeType === Node.COMMENT_NODE) { // Word's <![if !supportLists]> bullets
        const text = node.data.trim().toLowerCase();
        if (/^\[if !(supportlists|supportlinebreaknewline)\]/.test(text)) { junk = open.length; marker = ""; }
        else if (text.startsWith("[endif]") && junk >= 0) { junk = -1; endMarker(); }
        return null;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const frame = { node, end: null, restore: null, hides: false, marker: false };
      if (hidden || junk >= 0) return frame;
      const name = node.localName, style = parseStyle(node.getAttribute("style") || "");
      const embed = name === "div" ? node.getAttribute("data-embed") : null;
      const related = name === "div" && positiveId(node.getAttribute("data-related"));
      const card = name === "div" ? node.getAttribute("data-link-card") : null;
      if (card !== null) builder.linkCard(card, node.getAttribute("data-title"));
      else if (embed !== null) builder.embed(embed); else if (related) builder.related(related);
      if (embed !== null || related || card !== null || node.namespaceURI !== "http://www.w3.org/1999/xhtml" || DROP.has(name) ||
          /^[vm]:/.test(name) || node.hasAttribute("hidden") || style.hidden || style.marker) {
        hidden += 1;
        Object.assign(frame, { hides: true, marker: style.marker });
        if (style.marker) marker = "";
        return frame;
      }
      frame.end = startBlock(builder, name, node, style);
      const next = {
        b: style.bold ?? (fmt.b || name === "b" || name === "strong"),
        i: style.italic ?? (fmt.i || name === "i" || name === "em"),
        href: name === "a" ? safeLink(node.getAttribute("href")) : fmt.href,
      };
      if (next.b !== fmt.b || next.i !== fmt.i || next.href !== fmt.href) { frame.restore = fmt; fmt = next; }
      return frame;
    };
    const leave = (frame) => {
      if (frame.hides) hidden -= 1;
      if (frame.marker) endMarker();
      if (junk >= 0 && open.length < junk) { junk = -1; marker = null; }
      if (frame.end) builder.close(frame.end);
      if (frame.restore) fmt = frame.restore;
    };
    for (let node = root.firstChild; node || open.length;) {
      const frame = node ? enter(node) : open.pop();
      if (node && frame && node.firstChild) { open.push(frame); node = node.firstChild; continue; }
      if (frame) leave(frame);
      node = (node || frame.node).nextSibling;
    }
    return builder.finish();
  }
  const cleanPlain = (text) => { const builder = new Builder(); builder.text(text, PLAIN); return builder.finish(); };
  // Like the server: input without anything that looks like a tag is plain text.
  const cleanString = (input) => (/<(!--|\/[a-z]|[a-z][a-z0-9]*[ \t\n\r/>])/i.test(input)
    ? cleanNode(new DOMParser().parseFromString(input, "text/html").body) : cleanPlain(input));

  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
  const escAttr = (s) => esc(s).replace(/"/g, "&quot;");
  const runsHtml = (runs) => runs.map((run) => {
    let html = esc(run.text);
    if (run.i) html = `<em>${html}</em>`;
    if (run.b) html = `<strong>${html}</strong>`;
    return run.href ? `<a href="${escAttr(run.href)}">${html}</a>` : html;
  }).join("");
  // The canonical HTML. With `display`, embeds and related stories get placeholder text, so
  // the browser's editing commands do not drop them as empty.
  const toHtml = (blocks, display) => blocks.map((block) => {
    const { type, id } = block;
    if (type === "p") return `<p>${runsHtml(block.runs)}</p>\n`;
    if (type === "heading") return `<h${block.level}>${esc(block.text)}</h${block.level}>\n`;
    if (type === "quote") return `<blockquote><p>${esc(block.text)}</p>${block.cite ? `<cite>${esc(block.cite)}</cite>` : ""}</blockquote>\n`;
    if (type === "image") return `<figure data-image-id="${id}"><figcaption>${esc(block.caption)}</figcaption></figure>\n`;
    if (type === "embed") return `<div data-embed="${escAttr(block.url)}">${display ? esc(block.url) : ""}</div>\n`;
    if (type === "related") return `<div data-related="${id}">${display ? id : ""}</div>\n`;
    if (type === "link_card") {
      const title = block.title ? ` data-title="${escAttr(block.title)}"` : "";
      return `<div data-link-card="${escAttr(block.url)}"${title}>${display ? esc(block.title || block.url) : ""}</div>\n`;
    }
    const tag = block.ordered ? "ol" : "ul";
    return `<${tag}>\n${block.items.map((item) => `<li>${runsHtml(item)}</li>\n`).join("")}</${tag}>\n`;
  }).join("");

  // ---- The editing area and its toolbar ----
  const element = (tag, attributes, ...children) => {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.append(...children);
    return el;
  };
  const area = element("div", { class: "editor-area", id: `${textarea.id || "story-body"}-editor`,
    contenteditable: "true", role: "textbox", "aria-multiline": "true" });
  const label = textarea.id && document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
  if (label) {
    label.id ||= `${textarea.id}-label`;
    area.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", () => area.focus());
  }
  if (textarea.hasAttribute("aria-describedby")) area.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby"));
  if (textarea.dir) area.dir = textarea.dir; // the edition's direction (Arabic: rtl)
  if (textarea.required) { textarea.required = false; area.setAttribute("aria-required", "true"); }
  const toolbar = element("div", { class: "editor-toolbar", role: "toolbar", "aria-label": labels.toolbar, "aria-controls": area.id });
  textarea.after(element("div", { class: "editor-box" }, toolbar, area));
  textarea.hidden = true;
  area.innerHTML = toHtml(cleanString(textarea.value), true);
  document.execCommand("defaultParagraphSeparator", false, "p");

  function decorate() { // Images, embeds and related stories are edited as whole blocks.
    for (const el of area.querySelectorAll("figure[data-image-id], div[data-embed], div[data-related], div[data-link-card]")) {
      el.contentEditable = "false";
      el.classList.add("editor-block");
      if (el.dataset.embed !== undefined) el.textContent = `${labels.embed}: ${el.dataset.embed}`;
      if (el.dataset.related !== undefined) el.textContent = `${labels.related}: ${el.dataset.related}`;
      // A card whose title field is in place (embed_dialog.js) keeps it.
      if (el.dataset.linkCard !== undefined && !el.querySelector("input")) el.textContent = `${labels.link_card}: ${el.dataset.title || el.dataset.linkCard}`;
      if (el.dataset.imageId === undefined) continue;
      el.dataset.label = `${labels.image}: ${el.dataset.imageId}`; // shown by admin.css
      (el.querySelector("figcaption") || el.appendChild(element("figcaption", {}))).contentEditable = "true";
    }
  }
  decorate();

  const sync = () => { textarea.value = toHtml(cleanNode(area), false); };
  const exec = (command, value) => document.execCommand(command, false, value);
  let saved = null; // the last selection inside the area, for toolbar buttons and prompts
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    if (!selection.rangeCount || !area.contains(selection.anchorNode)) return;
    saved = selection.getRangeAt(0).cloneRange();
    updatePressed();
  });
  const restoreSelection = () => { area.focus(); if (saved) document.getSelection().setBaseAndExtent(saved.startContainer, saved.startOffset, saved.endContainer, saved.endOffset); };
  function ancestor(pattern) {
    for (let node = saved && saved.startContainer; node && node !== area; node = node.parentNode) {
      if (node.nodeType === Node.ELEMENT_NODE && pattern.test(node.localName)) return node;
    }
    return null;
  }
  const currentBlock = () => (ancestor(/^(h2|h3|blockquote)$/) || { localName: "p" }).localName;
  function toggleBlock(tag) {
    const quote = ancestor(/^blockquote$/);
    if (tag === "blockquote" && quote) quote.replaceWith(...quote.childNodes);
    else exec("formatBlock", currentBlock() === tag ? "<p>" : `<${tag}>`);
  }
  // The link dialog (embed_dialog.js) takes `masthead:pick` ({ kind: "link", value: href })
  // and answers with `masthead:insert` ({ kind: "link", value }): an empty value unlinks.
  function editLink() {
    const anchor = ancestor(/^a$/);
    const value = anchor ? anchor.getAttribute("href") : "";
    form.dispatchEvent(new CustomEvent("masthead:pick", { detail: { kind: "link", value }, cancelable: true }));
  }
  function applyLink(answer) {
    const anchor = ancestor(/^a$/), selection = document.getSelection(), href = safeLink(answer);
    if (anchor && selection.isCollapsed) selection.selectAllChildren(anchor);
    if (!answer.trim()) exec("unlink");
    else if (!href) return;
    else if (selection.isCollapsed) exec("insertHTML", `<a href="${escAttr(href)}">${esc(href)}</a>`);
    else exec("createLink", href);
  }
  function insertBlock(block) { // after the block holding the caret, then a fresh paragraph
    let top = saved && saved.startContainer;
    while (top && top.parentNode !== area) top = top.parentNode;
    if (top) top.after(block); else area.append(block);
    if (!block.nextElementSibling) block.after(element("p", {}, element("br", {})));
    decorate();
    saved = document.createRange();
    saved.setStart(block.nextElementSibling, 0);
    restoreSelection();
  }
  // The blocks pickers may insert, from what they chose (an id or an address).
  const blockMakers = {
    embed: (url) => embedProvider(url) && element("div", { "data-embed": url }),
    link_card: (url, title) => linkCardHost(url) && element("div", { "data-link-card": url, ...(cardTitle(title) ? { "data-title": cardTitle(title) } : {}) }),
    related: (id) => positiveId(id) && element("div", { "data-related": String(positiveId(id)) }),
    image: (id) => positiveId(id) && element("figure", { "data-image-id": String(positiveId(id)) }, element("figcaption", {})),
  };
  // The pickers (each in its own script) open on the toolbar's buttons: a button sends
  // `masthead:pick` ({ kind }) to the form; the picker (images: media_picker.js; related
  // stories: typeahead.js; embeds and links: embed_dialog.js) takes it and later sends
  // `masthead:insert` ({ kind, value }), which puts the block where the caret was. Nothing
  // is ever asked for with prompt().
  function pick(kind) {
    form.dispatchEvent(new CustomEvent("masthead:pick", { detail: { kind }, cancelable: true }));
  }
  form.addEventListener("masthead:insert", (event) => {
    const { kind, value, title } = event.detail || {};
    if (kind === "link") { restoreSelection(); applyLink(String(value || "")); sync(); updatePressed(); changed(); return; }
    const block = blockMakers[kind] && blockMakers[kind](String(value || "").trim(), title);
    if (!block) return;
    restoreSelection();
    insertBlock(block);
    sync();
    changed();
  });
  const buttons = [
    { key: "bold", text: labels.bold_mark, shortcut: "b", run: () => exec("bold"), pressed: () => document.queryCommandState("bold") },
    { key: "italic", text: labels.italic_mark, shortcut: "i", run: () => exec("italic"), pressed: () => document.queryCommandState("italic") },
    { key: "link", text: labels.link, shortcut: "k", run: editLink },
    { key: "h2", text: labels.h2_mark, run: () => toggleBlock("h2"), pressed: () => currentBlock() === "h2" },
    { key: "h3", text: labels.h3_mark, run: () => toggleBlock("h3"), pressed: () => currentBlock() === "h3" },
    { key: "quote", text: labels.quote_mark, run: () => toggleBlock("blockquote"), pressed: () => currentBlock() === "blockquote" },
    { key: "ul", text: "•", run: () => exec("insertUnorderedList"), pressed: () => document.queryCommandState("insertUnorderedList") },
    { key: "ol", text: labels.ol_mark, run: () => exec("insertOrderedList"), pressed: () => document.queryCommandState("insertOrderedList") },
    { key: "embed", text: labels.embed_mark, run: () => pick("embed") },
    { key: "related", text: labels.related_mark, run: () => pick("related") },
    { key: "image", text: labels.image_mark, run: () => pick("image") },
  ];
  for (const button of buttons) {
    const name = labels[button.key], key = button.shortcut && button.shortcut.toUpperCase();
    button.element = element("button", { type: "button", class: `editor-button editor-button-${button.key}`, "aria-label": name,
      title: key ? `${name} (Ctrl+${key} / ⌘${key})` : name }, button.text);
    if (key) button.element.setAttribute("aria-keyshortcuts", `Control+${key} Meta+${key}`);
    if (button.pressed) button.element.setAttribute("aria-pressed", "false");
    button.element.addEventListener("click", () => { restoreSelection(); act(button); });
    toolbar.append(button.element);
  }
  // Clicking a button must not take the selection out of the area.
  toolbar.addEventListener("mousedown", (event) => { if (event.target.closest("button")) event.preventDefault(); });
  const act = (button) => { button.run(); sync(); updatePressed(); changed(); };
  function updatePressed() {
    for (const button of buttons.filter((candidate) => candidate.pressed)) {
      let pressed = false;
      try { pressed = Boolean(button.pressed()); } catch (_) { /* unsupported query */ }
      button.element.setAttribute("aria-pressed", String(pressed));
    }
  }
  area.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const button = buttons.find((candidate) => candidate.shortcut === event.key.toLowerCase());
    if (button) { event.preventDefault(); act(button); }
  });
  area.addEventListener("input", sync);
  area.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    if (!data) return;
    event.preventDefault();
    const html = data.getData("text/html");
    const blocks = html ? cleanString(html) : cleanPlain(data.getData("text/plain"));
    const only = blocks.length === 1 ? blocks[0] : null;
    // One paragraph, or a lone URL, goes inline where the caret is.
    const lone = only && only.type === "p" && only.runs.length === 1 && !only.runs[0].href && only.runs[0].text;
    if (lone && linkCardHost(lone)) insertBlock(blockMakers.link_card(lone)); // any other page: a card
    else if (only && only.type === "p") exec("insertHTML", runsHtml(only.runs));
    else if (only && only.type === "embed") insertBlock(blockMakers.embed(only.url)); // a pasted post's address
    else if (blocks.length) exec("insertHTML", toHtml(blocks, true));
    decorate();
    sync();
  });
  form.addEventListener("submit", () => { sync(); clearTimeout(timer); clearInterval(pinger); });

  // ---- Autosave and presence ----
  const autosaveUrl = form.dataset.autosaveUrl;
  const status = document.getElementById("autosave-status"), presence = document.getElementById("presence");
  let dirty = false, saving = false, timer = null, pinger = null;
  function changed() {
    dirty = true;
    if (autosaveUrl && !timer) timer = setTimeout(() => save(false), 10000);
  }
  const clock = (iso) => (Number.isNaN(Date.parse(iso)) ? new Date() : new Date(iso)).toTimeString().slice(0, 5);
  async function save(presenceOnly, leaving) {
    if (!presenceOnly) { clearTimeout(timer); timer = null; }
    if (saving) return; // the running save reschedules itself if there are newer changes
    saving = true;
    if (!presenceOnly) dirty = false;
    sync();
    try {
      const response = await fetch(autosaveUrl, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: presenceOnly ? { Accept: "application/json", "X-Presence-Only": "1" } : { Accept: "application/json" },
        keepalive: Boolean(leaving) && textarea.value.length < 60000, // outlives the tab; small bodies only
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) throw new Error((data && data.error && data.error.message) || `HTTP ${response.status}`);
      if (!presenceOnly && status) status.textContent = fill(labels.saved, { time: (data && data.saved_label) || clock(data && data.saved_at) });
      const frame = presenceOnly ? null : document.getElementById("preview-frame");
      try { if (frame) frame.contentWindow.location.reload(); } catch (_) { frame.src = frame.src; }
      const others = data && Array.isArray(data.editors) ? data.editors : [];
      if (presence) presence.textContent = others.length ? `${labels.also_editing}: ${others.join(", ")}` : "";
    } catch (error) {
      if (presenceOnly) return;
      dirty = true;
      if (status) status.textContent = fill(labels.not_saved, { reason: navigator.onLine === false ? labels.offline : error.message });
    } finally {
      saving = false;
      if (dirty && !timer) timer = setTimeout(() => save(false), 10000);
    }
  }
  if (autosaveUrl) {
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    pinger = setInterval(() => { if (!dirty && !saving && document.visibilityState === "visible") save(true); }, 20000);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden" && dirty) save(false, true); });
  }
})();

// "Recommend" beside each related story: adds its id to the recommended field (which the
// form saves), once. Without this script the buttons stay hidden and the ids are shown to
// type in.
(() => {
  "use strict";
  const field = document.getElementById("recommended_ids");
  if (!field) return;
  for (const button of document.querySelectorAll("button[data-recommend]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const id = button.dataset.recommend;
      const ids = field.value.split(/[^0-9]+/).filter(Boolean);
      if (!ids.includes(id)) ids.push(id);
      field.value = ids.join(", ");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      button.disabled = true;
      button.textContent = button.dataset.recommended;
    });
  }
})();
