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
