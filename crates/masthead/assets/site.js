// Progressive enhancement only: every page works without this file.

// Hides the breaking-news bar once its time has passed, also on a copy of the page that a
// browser or proxy kept from before (the server stops sending it at the same time).
document.querySelectorAll(".breaking[data-expires]").forEach(function (bar) {
  var left = Date.parse(bar.dataset.expires) - Date.now();
  if (isNaN(left)) return;
  if (left <= 0) bar.hidden = true;
  else if (left < 2147483647) setTimeout(function () { bar.hidden = true; }, left);
});

// Adds a copy button beside the story's short link.
document.querySelectorAll("a[data-copy]").forEach(function (link) {
  if (!navigator.clipboard) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = link.dataset.copyLabel;
  var status = link.parentElement.querySelector(".copy-status");
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(link.href).then(function () {
      if (status) status.textContent = link.dataset.copied;
    });
  });
  link.after(button);
});

// The search form sends only the fields that are set, so that its address is the one the
// page's own links use (the server reads an empty field as unset anyway). Coming back to
// the page (the browser's back button) finds the fields usable again.
document.querySelectorAll("form.search-form").forEach(function (form) {
  var optional = form.querySelectorAll("select, input[type=date]");
  form.addEventListener("submit", function () {
    optional.forEach(function (field) {
      var unset = field.value === "" || (field.name === "sort" && field.value === "relevance");
      if (unset) field.disabled = true;
    });
  });
  window.addEventListener("pageshow", function () {
    optional.forEach(function (field) { field.disabled = false; });
  });
});

// The newsletter forms' challenge: when a reader starts filling a form in, fetch a signed
// challenge and find a nonce whose SHA-256 with it starts with `difficulty` zero bits
// (no cookie, nothing to see or hear). Without this script the form still works: the
// server answers with its own form page, whose challenge asks for no work.
var SHA_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
];

// SHA-256 of an ASCII string: the first 32-bit word of the digest is all the check needs.
function sha256FirstWord(text) {
  var length = text.length;
  var words = new Array(((length + 8) >> 6 << 4) + 16).fill(0);
  for (var i = 0; i < length; i++) words[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8);
  words[length >> 2] |= 0x80 << (24 - (length % 4) * 8);
  words[words.length - 1] = length * 8;
  var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var w = new Array(64);
  for (var block = 0; block < words.length; block += 16) {
    for (var t = 0; t < 64; t++) {
      if (t < 16) w[t] = words[block + t];
      else {
        var a = w[t - 15], b = w[t - 2];
        var s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        var s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
    }
    var v = h.slice();
    for (t = 0; t < 64; t++) {
      var e = v[4], x = v[0];
      var t1 = (v[7] + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & v[5]) ^ (~e & v[6])) + SHA_K[t] + w[t]) | 0;
      var t2 = ((((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) +
        ((x & v[1]) ^ (x & v[2]) ^ (v[1] & v[2]))) | 0;
      v = [(t1 + t2) | 0, x, v[1], v[2], (v[3] + t1) | 0, e, v[5], v[6]];
    }
    for (t = 0; t < 8; t++) h[t] = (h[t] + v[t]) | 0;
  }
  return h[0] >>> 0;
}

// Finds the nonce in slices, so that the page stays responsive; calls done(nonce).
function solveChallenge(challenge, difficulty, done) {
  var nonce = 0;
  var limit = Math.pow(2, 32 - Math.min(difficulty, 32));
  (function slice() {
    for (var end = nonce + 20000; nonce < end; nonce++) {
      if (sha256FirstWord(challenge + ":" + nonce) < limit) return done(String(nonce));
    }
    setTimeout(slice, 0);
  })();
}

document.querySelectorAll("form[data-challenge]").forEach(function (form) {
  // The server refuses a form sent back less than 2 s after its challenge was issued.
  var state = "idle", submitting = false, issued = 0, MIN_FILL = 2500;
  var status = form.querySelector(".nl-status");
  function send() {
    setTimeout(function () { form.submit(); }, Math.max(0, issued + MIN_FILL - Date.now()));
  }
  function start() {
    if (state !== "idle" || !window.fetch) return;
    state = "working";
    fetch(form.dataset.challenge, { credentials: "omit", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
      .then(function (answer) {
        issued = Date.now();
        solveChallenge(answer.challenge, answer.difficulty, function (nonce) {
          form.elements.challenge.value = answer.challenge;
          form.elements.nonce.value = nonce;
          state = "done";
          if (submitting) send();
        });
      })
      .catch(function () { state = "failed"; if (submitting) form.submit(); });
  }
  form.addEventListener("focusin", start);
  form.addEventListener("submit", function (event) {
    if (state === "failed" || (state === "done" && Date.now() - issued >= MIN_FILL)) return;
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    if (status) status.textContent = status.dataset.working;
    if (state === "done") send();
    else start();
  });
});
