// Flashcard review shortcuts (Anki's): Space or Enter shows the answer, 1-4 rate it. No inline JS (CSP).
// Without JavaScript the same page works with plain links and forms.
(function () {
  "use strict";
  var card = document.querySelector(".flashcard");
  if (!card) { return; }
  var back = card.querySelector(".js-back");
  var show = card.querySelector(".js-show-answer");
  var form = card.querySelector(".rating-form");
  var sent = false;

  function revealed() { return back && !back.hidden; }

  function reveal() {
    if (!back || revealed()) { return; }
    back.hidden = false;
    if (show) { show.hidden = true; }
    var first = back.querySelector(".btn-suggested") || back.querySelector(".btn-rate-good");
    if (first) { first.focus({ preventScroll: true }); }
    back.scrollIntoView({ block: "nearest" });
  }

  if (show) {
    show.addEventListener("click", function (event) {
      event.preventDefault();
      reveal();
    });
  }
  if (form) {
    // One submission per card: a second key press or click must not post again.
    form.addEventListener("submit", function (event) {
      if (sent) { event.preventDefault(); return; }
      sent = true;
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) { return; }
    if (!revealed()) {
      if ((event.key === " " || event.key === "Enter") && show) {
        event.preventDefault();
        reveal();
      }
      return;
    }
    if (/^[1-4]$/.test(event.key) && form && !sent) {
      var button = form.querySelector('button[data-rating="' + event.key + '"]');
      if (button) {
        event.preventDefault();
        if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
      }
    }
  });
})();
