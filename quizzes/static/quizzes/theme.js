// winterwar: light and dark theme (Bootstrap 5.3's data-bs-theme on <html>).
// Loaded in <head> without defer, so the theme is set before the page is first drawn (no flash of the wrong theme);
// a file, not an inline script: the Content-Security-Policy forbids inline scripts.
// The choice: "auto" (follow the system setting, the default), "light" or "dark", kept in localStorage.
(function () {
  "use strict";
  var KEY = "ww-theme";
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : "auto";
    } catch (e) {
      return "auto";  // storage refused (private mode, policy): follow the system
    }
  }
  function store(choice) {
    try {
      if (choice === "auto") window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch (e) { /* the choice lasts for this page only */ }
  }
  function effective(choice) {
    if (choice === "light" || choice === "dark") return choice;
    return media && media.matches ? "dark" : "light";
  }
  function apply(choice) {
    document.documentElement.setAttribute("data-bs-theme", effective(choice));
    document.querySelectorAll("[data-theme-value]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-theme-value") === choice));
    });
  }

  apply(stored());
  if (media) {
    var follow = function () { if (stored() === "auto") apply("auto"); };
    if (media.addEventListener) media.addEventListener("change", follow);
    else if (media.addListener) media.addListener(follow);
  }
  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    document.querySelectorAll("[data-theme-value]").forEach(function (button) {
      button.addEventListener("click", function () {
        var choice = button.getAttribute("data-theme-value");
        store(choice);
        apply(choice);
      });
    });
  });
  // Another tab changed the choice: follow it.
  window.addEventListener("storage", function (event) { if (event.key === KEY) apply(stored()); });
})();
