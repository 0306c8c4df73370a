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

  // Autosave: an answer is sent as soon as it is given, so a closed tab loses nothing. The server applies the same
  // sequence check and answers with the next token; the buttons keep working without this script.
  var form = document.getElementById("attempt-form");
  var autosaveUrl = form && form.getAttribute("data-autosave");
  if (autosaveUrl && window.fetch && window.FormData) {
    var status = document.querySelector("[data-autosave-status]");
    var tokenInput = form.querySelector("input[name=token]");
    var inFlight = false;
    var again = false;
    var submitPending = false;
    var pendingSubmitter = null;
    var debounce = null;

    var finish = function () {
      inFlight = false;
      if (submitPending) {
        var submitter = pendingSubmitter;
        submitPending = false;
        pendingSubmitter = null;
        if (form.requestSubmit && submitter) { form.requestSubmit(submitter); } else if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      } else if (again) {
        again = false;
        save();
      }
    };

    var save = function () {
      if (inFlight) { again = true; return; }
      inFlight = true;
      var data = new FormData(form);
      data.set("action", "autosave");
      fetch(autosaveUrl, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
        })
        .then(function (result) {
          if (result.ok) {
            tokenInput.value = result.body.token;
            if (result.body.saved && status) { status.textContent = status.getAttribute("data-msg-saved"); }
          } else if (result.body.redirect) {
            window.location.assign(result.body.redirect);
          } else if (result.status === 409 && status) {
            status.textContent = result.body.error;
          }
        })
        .catch(function () { /* offline: the buttons will save it */ })
        .then(finish);
    };

    form.addEventListener("change", function (event) {
      if (event.target.name === "text") { return; }  // typed answers are saved by the debounced input handler
      window.clearTimeout(debounce);
      debounce = window.setTimeout(save, 150);
    });
    form.addEventListener("input", function (event) {
      if (event.target.name !== "text") { return; }
      window.clearTimeout(debounce);
      debounce = window.setTimeout(save, 1200);
    });
    form.addEventListener("submit", function (event) {
      window.clearTimeout(debounce);
      if (inFlight) {
        // Wait for the save in flight so the page sends the fresh sequence token.
        event.preventDefault();
        submitPending = true;
        pendingSubmitter = event.submitter || null;
      }
    });
  }
})();
