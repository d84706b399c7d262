// Progressive enhancement only: every page works without this file.
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
