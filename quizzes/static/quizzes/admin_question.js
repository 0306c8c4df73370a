// Admin: show only the parts of the question form that fit the chosen kind.
(function () {
  "use strict";
  function update() {
    var select = document.getElementById("id_kind");
    if (!select) return;
    var kind = select.value;
    var choiceKinds = ["single_choice", "multiple_choice", "ordering"];
    document.querySelectorAll(".kind-true_false").forEach(function (el) { el.hidden = kind !== "true_false"; });
    document.querySelectorAll(".kind-numeric").forEach(function (el) { el.hidden = kind !== "numeric"; });
    // Never hide a part that carries an error message: the teacher must see it.
    function hide(el, cond) { el.hidden = Boolean(cond) && !el.querySelector(".errorlist"); }
    document.querySelectorAll(".choice-inline").forEach(function (el) { hide(el, kind && choiceKinds.indexOf(kind) < 0); });
    document.querySelectorAll(".accepted-inline").forEach(function (el) { hide(el, kind && kind !== "short_answer"); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_kind");
    if (select) { select.addEventListener("change", update); update(); }
  });
})();
