// Admin: name the autocomplete boxes for screen readers (no inline scripts: the Content-Security-Policy forbids them).
// Select2 names its box only by the chosen value («aria-labelledby» its own text), so an empty box has no name
// (axe-core: aria-input-field-name). The field's <label> is added in front of it.
(function () {
  "use strict";
  function nameBoxes(root) {
    (root || document).querySelectorAll("select.admin-autocomplete[id]").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      if (!label || !container) return;
      if (!label.id) label.id = select.id + "-label";
      container.querySelectorAll(".select2-selection[aria-labelledby], .select2-selection__rendered").forEach(function (box) {
        if (box.classList.contains("select2-selection__rendered")) {
          box.setAttribute("aria-labelledby", label.id);  // Select2 makes it a read-only «textbox»: it needs a name too
          return;
        }
        var ids = box.getAttribute("aria-labelledby").split(/\s+/);
        if (ids.indexOf(label.id) < 0) box.setAttribute("aria-labelledby", [label.id].concat(ids).join(" "));
      });
    });
  }
  // Select2 builds its boxes when jQuery is ready (and for every new inline row): name each box as soon as it
  // appears, so that nothing (a reader, an audit) sees it unnamed.
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.queueMicrotask(function () { pending = false; nameBoxes(document); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("load", function () { nameBoxes(document); });
})();
