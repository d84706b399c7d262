// The image page: clicking the picture sets the focal point inputs to where it was clicked.
"use strict";

(function () {
  const image = document.getElementById("focal-image");
  const x = document.getElementById("focal_x");
  const y = document.getElementById("focal_y");
  if (!image || !x || !y) {
    return;
  }
  const round = (value) => Math.min(1, Math.max(0, value)).toFixed(2);
  image.classList.add("focal-pickable");
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    x.value = round((event.clientX - box.left) / box.width);
    y.value = round((event.clientY - box.top) / box.height);
    x.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
