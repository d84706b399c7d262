// The story editor's media picker: a dialog to search the library, upload (file, drop or
// paste), fill an image's caption, credit, alt text and focal point in place, and insert it
// as the lead image, in the text or in the gallery. It talks JSON to /admin/media/picker
// (web/newsroom/media/picker.rs). Without this file the id fields work as they always did.
// The toolbar's Image button (editor.js) asks for it with `masthead:pick` and takes the
// answer as `masthead:insert`. No inline styles (CSP): looks are in admin.css; the focal
// marker is placed through the CSSOM.
(() => {
  "use strict";

  const form = document.getElementById("story-form");
  const holder = document.getElementById("media-picker");
  const lead = document.getElementById("hero_image_id");
  const gallery = document.getElementById("gallery");
  if (!form || !holder || !lead || !gallery || typeof HTMLDialogElement !== "function") return;
  let t = {};
  try { t = JSON.parse(holder.dataset.labels || "{}"); } catch (_) { return; }
  const csrf = (form.querySelector("input[name=csrf]") || {}).value || "";
  const body = form.querySelector("textarea[data-editor]");
  const textDir = (body && body.getAttribute("dir")) || "auto", textLang = (body && body.getAttribute("lang")) || "";

  const element = (tag, attributes, ...children) => {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== false && value != null) el.setAttribute(name, value === true ? "" : value);
    }
    el.append(...children);
    return el;
  };
  let serial = 0;
  const uid = (name) => `picker-${name}-${++serial}`;
  const positiveId = (text) => (/^\s*\d+\s*$/.test(text || "") && Number(text) > 0 ? Number(text) : null);

  // ---- Talking to the server ----
  async function json(url, options) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json", "X-CSRF-Token": csrf }, ...options });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error((data && data.error) || `HTTP ${response.status}`);
    return data;
  }
  const known = new Map(); // id → image, for thumbnails beside the fields
  const remember = (image) => { known.set(image.id, image); return image; };
  const fetchImage = (id) => (known.has(id) ? Promise.resolve(known.get(id)) : json(`/admin/media/picker/${id}`).then(remember));
  function upload(file) { // XHR rather than fetch: it reports the upload's progress
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest(), data = new FormData();
      data.append("file", file, file.name || "pasted-image");
      request.open("POST", "/admin/media/picker");
      request.setRequestHeader("X-CSRF-Token", csrf);
      request.setRequestHeader("Accept", "application/json");
      request.responseType = "json";
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) say(`${t.uploading} ${Math.round((100 * event.loaded) / event.total)}%`);
      });
      request.addEventListener("load", () => {
        const reply = request.response;
        if (request.status === 201 && reply) resolve(remember(reply));
        else reject(new Error((reply && reply.error) || `HTTP ${request.status}`));
      });
      request.addEventListener("error", () => reject(new Error(navigator.onLine === false ? "offline" : "network")));
      request.send(data);
    });
  }

  // ---- The dialog ----
  const titleId = uid("title");
  const status = element("p", { class: "picker-status", role: "status", "aria-live": "polite" });
  const say = (text) => { status.textContent = text; };
  const searchId = uid("search");
  const search = element("input", { id: searchId, type: "search", autocomplete: "off" });
  const searchButton = element("button", { type: "button" }, t.search_button);
  const fileInput = element("input", { type: "file", accept: "image/*", hidden: true, tabindex: "-1" });
  const fileButton = element("button", { type: "button", class: "picker-file" }, t.choose_file);
  const drop = element("div", { class: "picker-drop" }, element("span", {}, t.drop), " ", fileButton, fileInput);
  const results = element("ul", { class: "picker-results", "aria-label": t.results });
  const more = element("button", { type: "button", class: "secondary", hidden: true }, t.more);
  const browse = element("div", { class: "picker-browse" },
    element("p", { class: "picker-search" }, element("label", { for: searchId }, t.search), search, searchButton),
    drop, results, more);

  const field = (name, multiline) => {
    const id = uid(name);
    const input = element(multiline ? "textarea" : "input", { id, name, dir: textDir, lang: textLang, rows: multiline ? "2" : false });
    return { input, row: element("p", {}, element("label", { for: id }, t[name]), input) };
  };
  const caption = field("caption", true), credit = field("credit", false), alt = field("alt", true);
  const range = (label) => {
    const id = uid("focal");
    const input = element("input", { id, type: "range", min: "0", max: "1", step: "0.01" });
    return { input, row: element("span", { class: "picker-range" }, element("label", { for: id }, label), input) };
  };
  const focalX = range(t.focal_x), focalY = range(t.focal_y);
  const hintId = uid("hint");
  const picture = element("img", { alt: "", class: "picker-picture" });
  const marker = element("span", { class: "picker-marker", "aria-hidden": "true" });
  const focalBox = element("div", { class: "picker-focal", "aria-describedby": hintId }, picture, marker);
  const readOnly = element("p", { class: "hint", hidden: true }, t.read_only);
  const save = element("button", { type: "button" }, t.save);
  const insertId = uid("insert");
  const inserts = {
    lead: element("button", { type: "button", "data-as": "lead" }, t.as_lead),
    inline: element("button", { type: "button", "data-as": "inline" }, t.as_inline),
    gallery: element("button", { type: "button", "data-as": "gallery" }, t.as_gallery),
  };
  const back = element("button", { type: "button", class: "secondary" }, t.back);
  const details = element("section", { class: "picker-details", hidden: true, "aria-label": t.details },
    element("div", { class: "picker-detail-picture" }, focalBox,
      element("p", { class: "hint", id: hintId }, t.focal_hint),
      element("fieldset", { class: "picker-focal-keys" }, element("legend", {}, t.focal), focalX.row, focalY.row)),
    element("div", { class: "picker-detail-fields" }, readOnly, caption.row, credit.row, alt.row,
      element("p", {}, save),
      element("div", { class: "picker-insert", role: "group", "aria-labelledby": insertId },
        element("p", { id: insertId }, t.insert_as), inserts.lead, " ", inserts.inline, " ", inserts.gallery),
      element("p", {}, back)));
  const close = element("button", { type: "button", class: "picker-close secondary" }, t.close);
  const dialog = element("dialog", { class: "picker-dialog", "aria-labelledby": titleId },
    element("div", { class: "picker-head" }, element("h2", { id: titleId }, t.title), close),
    status, browse, details);
  holder.after(dialog);

  let chosen = null, opener = null, mode = "inline", page = 1, query = "";

  function open(how, from) {
    mode = how;
    opener = from || document.activeElement;
    for (const [name, button] of Object.entries(inserts)) button.classList.toggle("primary", name === mode);
    if (!dialog.open) dialog.showModal();
    showBrowse();
    if (!results.children.length) find("", 1);
  }
  function done() { if (dialog.open) dialog.close(); }
  dialog.addEventListener("close", () => {
    if (opener && opener.isConnected && mode !== "inline") opener.focus();
    opener = null;
  });
  close.addEventListener("click", done);
  function showBrowse() {
    details.hidden = true;
    browse.hidden = false;
    search.focus();
  }
  back.addEventListener("click", showBrowse);

  // ---- Search ----
  async function find(words, number) {
    query = words;
    page = number;
    say(t.searching);
    try {
      const found = await json(`/admin/media/picker?q=${encodeURIComponent(words)}&page=${number}`);
      if (number === 1) results.replaceChildren();
      for (const image of found.images) results.append(card(remember(image)));
      more.hidden = !found.next_page;
      say(found.total ? t.found.replace("{count}", String(found.total)) : t.none_found);
    } catch (error) {
      say(`${t.failed} ${error.message}`);
    }
  }
  function card(image) {
    const name = image.alt || image.caption || `#${image.id}`;
    const button = element("button", { type: "button", class: "picker-card", "data-image-id": String(image.id) },
      image.thumb ? element("img", { src: image.thumb, alt: "", width: String(image.thumb_width), height: String(image.thumb_height) }) : "",
      element("span", { class: "picker-card-text", dir: "auto" }, name));
    button.addEventListener("click", () => choose(image));
    return element("li", {}, button);
  }
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); find(search.value.trim(), 1); }
    if (event.key === "ArrowDown" && results.querySelector("button")) { event.preventDefault(); results.querySelector("button").focus(); }
  });
  searchButton.addEventListener("click", () => find(search.value.trim(), 1));
  more.addEventListener("click", () => find(query, page + 1));
  results.addEventListener("keydown", (event) => { // arrows move between the thumbnails
    const cards = [...results.querySelectorAll("button")], at = cards.indexOf(document.activeElement);
    if (at < 0) return;
    const rtl = getComputedStyle(results).direction === "rtl";
    const steps = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1, Home: -at, End: cards.length - 1 - at };
    if (!(event.key in steps)) return;
    event.preventDefault();
    const next = at + steps[event.key];
    if (next < 0) search.focus(); else cards[Math.min(next, cards.length - 1)].focus();
  });

  // ---- The chosen image ----
  function choose(image) {
    chosen = image;
    picture.src = image.thumb || "";
    picture.alt = image.alt || "";
    caption.input.value = image.caption;
    credit.input.value = image.credit;
    alt.input.value = image.alt;
    setFocal(image.focal_x, image.focal_y);
    for (const input of [caption.input, credit.input, alt.input, focalX.input, focalY.input, save]) input.disabled = !image.can_edit;
    readOnly.hidden = image.can_edit;
    browse.hidden = true;
    details.hidden = false;
    (image.can_edit ? caption.input : inserts[mode]).focus();
  }
  function setFocal(x, y) {
    focalX.input.value = String(x);
    focalY.input.value = String(y);
    marker.style.setProperty("left", `${Number(focalX.input.value) * 100}%`);
    marker.style.setProperty("top", `${Number(focalY.input.value) * 100}%`);
  }
  const round = (value) => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
  focalBox.addEventListener("click", (event) => {
    if (!chosen || !chosen.can_edit) return;
    const box = picture.getBoundingClientRect();
    setFocal(round((event.clientX - box.left) / box.width), round((event.clientY - box.top) / box.height));
  });
  for (const input of [focalX.input, focalY.input]) input.addEventListener("input", () => setFocal(focalX.input.value, focalY.input.value));
  async function saveDetails() {
    const values = new URLSearchParams({ caption: caption.input.value, credit: credit.input.value, alt: alt.input.value,
      focal_x: focalX.input.value, focal_y: focalY.input.value });
    chosen = remember(await json(`/admin/media/picker/${chosen.id}`, { method: "POST", body: values }));
    refreshAround();
  }
  save.addEventListener("click", async () => {
    try { await saveDetails(); say(t.saved); } catch (error) { say(`${t.failed} ${error.message}`); }
  });
  for (const button of Object.values(inserts)) {
    button.addEventListener("click", async () => {
      if (!chosen) return;
      if (chosen.can_edit) {
        try { await saveDetails(); } catch (error) { return say(`${t.failed} ${error.message}`); }
      }
      insert(button.dataset.as, chosen);
    });
  }
  function insert(as, image) {
    mode = as;
    done();
    if (as === "inline") {
      form.dispatchEvent(new CustomEvent("masthead:insert", { detail: { kind: "image", value: String(image.id) } }));
      return;
    }
    const target = as === "lead" ? lead : gallery;
    if (as === "lead") target.value = String(image.id);
    else target.value = `${target.value.replace(/\s+$/, "")}${target.value.trim() ? "\n" : ""}${image.id} | ${image.caption.replace(/[\r\n]+/g, " ")}`;
    target.dispatchEvent(new Event("input", { bubbles: true }));
    target.dispatchEvent(new Event("change", { bubbles: true }));
    (opener && opener.isConnected ? opener : target).focus();
  }

  // ---- Files: the button, drop and paste, in the dialog or on the editor's text ----
  async function take(file) {
    if (!file) return;
    if (!dialog.open) open("inline");
    if (!/^image\//.test(file.type)) return say(t.not_image);
    say(t.uploading);
    try {
      const image = await upload(file);
      say(t.uploaded);
      results.prepend(card(image));
      choose(image);
    } catch (error) {
      say(`${t.failed} ${error.message}`);
    }
  }
  const fileOf = (data) => data && [...(data.files || [])].find((file) => file.type.startsWith("image/"));
  const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes("Files");
  fileButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => { take(fileInput.files[0]); fileInput.value = ""; });
  const editorBox = body && body.parentNode.querySelector(".editor-box");
  for (const zone of [dialog, editorBox].filter(Boolean)) {
    zone.addEventListener("dragover", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      drop.classList.add("picker-drop-over");
    });
    zone.addEventListener("dragleave", () => drop.classList.remove("picker-drop-over"));
    zone.addEventListener("drop", (event) => {
      drop.classList.remove("picker-drop-over");
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      take(file);
    }, true);
    // Before the editor's own paste handler (on the text inside), which only takes text.
    zone.addEventListener("paste", (event) => {
      const file = fileOf(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      take(file);
    }, true);
  }

  // ---- The toolbar's Image button and the buttons beside the fields ----
  form.addEventListener("masthead:pick", (event) => {
    if (!event.detail || event.detail.kind !== "image") return;
    event.preventDefault();
    open("inline");
  });
  const openButton = (how, text, after) => {
    const button = element("button", { type: "button", class: "secondary picker-open", "aria-haspopup": "dialog" }, text);
    button.addEventListener("click", () => open(how, button));
    after.after(" ", button);
  };
  openButton("lead", t.choose_lead, lead);
  openButton("gallery", t.add_gallery, gallery);

  // Thumbnails beside the fields, for the ids they hold now.
  const leadPreview = element("div", { class: "picker-lead", "aria-live": "polite" });
  const galleryPreview = element("ul", { class: "picker-thumbs", "aria-label": t.as_gallery });
  lead.closest("p").after(leadPreview);
  gallery.closest("p").after(galleryPreview);
  const thumb = (image) => (image.thumb ? element("img", { src: image.thumb, alt: image.alt, width: String(image.thumb_width), height: String(image.thumb_height) }) : "");
  async function showLead() {
    const id = positiveId(lead.value);
    const image = id && await fetchImage(id).catch(() => null);
    if (positiveId(lead.value) !== id) return;
    leadPreview.replaceChildren(...(image ? [thumb(image),
      element("p", { class: image.alt ? "hint" : "hint picker-warn" }, image.alt ? `${t.alt_is} ` : t.no_alt, image.alt ? element("bdi", {}, image.alt) : "")] : []));
  }
  async function showGallery() {
    const ids = gallery.value.split("\n").map((line) => positiveId(line.split("|")[0])).filter(Boolean);
    const images = await Promise.all(ids.map((id) => fetchImage(id).catch(() => null)));
    galleryPreview.replaceChildren(...images.filter(Boolean).map((image) => element("li", {}, thumb(image))));
  }
  function refreshAround() { showLead(); showGallery(); }
  let pending = null;
  for (const input of [lead, gallery]) {
    input.addEventListener("input", () => { clearTimeout(pending); pending = setTimeout(refreshAround, 300); });
  }
  refreshAround();

  // Thumbnails in the text: each inline image (inserted here, pasted, or in the saved body)
  // shows its picture and alt text above its caption. The editor's cleaning drops <img>, so
  // the body it posts is the same <figure data-image-id> as before.
  const area = editorBox && editorBox.querySelector(".editor-area");
  async function showInline(figure) {
    const id = positiveId(figure.dataset.imageId);
    const image = id && await fetchImage(id).catch(() => null);
    if (!image || !figure.isConnected || figure.querySelector(".editor-thumb")) return;
    figure.prepend(element("span", { class: "editor-thumb", contenteditable: "false" }, thumb(image),
      element("span", { class: image.alt ? "hint" : "hint picker-warn" }, image.alt ? `${t.alt_is} ` : t.no_alt,
        image.alt ? element("bdi", {}, image.alt) : "")));
  }
  const showAllInline = () => {
    for (const figure of area.querySelectorAll("figure[data-image-id]:not(:has(> .editor-thumb))")) showInline(figure);
  };
  if (area) {
    new MutationObserver(showAllInline).observe(area, { childList: true, subtree: true });
    showAllInline();
  }
})();
