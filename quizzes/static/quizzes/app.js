// winterwar: small progressive enhancements (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  "use strict";
  // Bring a highlighted sentence into view in the document reader.
  var current = document.querySelector(".sentence-highlight");
  if (current) {
    current.scrollIntoView({ block: "center" });
    current.focus({ preventScroll: true });
  }
})();
