// Quiz attempt pages: the countdown and the ordering selects. The server is the authority on time:
// this only shows what is left and, at zero, sends the page's form so that the answer on screen is saved.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function format(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h > 0 ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
  }

  var timer = document.querySelector("[data-countdown]");
  if (timer) {
    var deadline = Date.parse(timer.getAttribute("data-deadline"));
    var serverNow = Date.parse(timer.getAttribute("data-server-now"));
    var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
    var value = timer.querySelector("[data-countdown-value]");
    var announce = timer.querySelector("[data-countdown-announce]");
    var announced = {};
    var sent = false;
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - (Date.now() + skew)) / 1000));
      value.textContent = format(left);
      timer.classList.toggle("is-low", left <= 60);
      [300, 60].forEach(function (mark) {
        if (left <= mark && left > mark - 5 && !announced[mark]) {
          announced[mark] = true;
          announce.textContent = timer.getAttribute(mark === 300 ? "data-msg-five" : "data-msg-one");
        }
      });
      if (left === 0 && !sent) {
        sent = true;
        var form = document.getElementById("attempt-form") || document.getElementById("submit-form");
        if (form) {
          if (form.id === "attempt-form") {
            var input = document.createElement("input");
            input.type = "hidden";
            input.name = "action";
            input.value = "timeup";
            form.appendChild(input);
          }
          form.submit();
        } else {
          window.location.reload();
        }
      }
    };
    if (!isNaN(deadline)) {
      tick();
      window.setInterval(tick, 1000);
    }
  }

  // Ordering: choosing a position another item already has swaps the two, so the answer stays a permutation.
  Array.prototype.forEach.call(document.querySelectorAll("[data-ordering]"), function (list) {
    var selects = list.querySelectorAll("select");
    Array.prototype.forEach.call(selects, function (select) {
      select.setAttribute("data-previous", select.value);
      select.addEventListener("change", function () {
        var previous = select.getAttribute("data-previous");
        Array.prototype.forEach.call(selects, function (other) {
          if (other !== select && select.value && other.value === select.value) {
            other.value = previous;
            other.setAttribute("data-previous", previous);
          }
        });
        select.setAttribute("data-previous", select.value);
      });
    });
  });
})();
