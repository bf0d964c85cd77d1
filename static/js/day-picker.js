// "Xem tin theo ngày": dd/mm/yyyy whatever the browser's language.
// Without JavaScript the field stays the browser's own date picker
// (yyyy-mm-dd is sent, the server accepts both). With it, the field becomes a
// text field in dd/mm/yyyy with a small calendar: Vietnamese names, Monday
// first, keyboard operable (arrows, Page Up/Down, Home/End, Enter, Escape).
(function () {
  "use strict";
  var MONTHS = ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
    "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"];
  var WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"];
  var SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function format(date) {
    return pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + date.getFullYear();
  }
  function parse(text) {
    var m = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})\s*$/.exec(text);
    if (!m) {
      m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
      if (!m) {
        return null;
      }
      m = [m[0], m[3], m[2], m[1]];
    }
    var date = new Date(+m[3], +m[2] - 1, +m[1]);
    return date.getDate() === +m[1] && date.getMonth() === +m[2] - 1 ? date : null;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }
  function sameDay(a, b) {
    return a && b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate();
  }

  function enhance(input, index) {
    var form = input.form;
    var minYear = +input.getAttribute("data-min-year") || 1900;
    var maxYear = +input.getAttribute("data-max-year") || 2999;
    var initial = parse(input.value);
    input.type = "text";
    input.value = initial ? format(initial) : "";
    input.setAttribute("inputmode", "numeric");
    // dd/mm/yyyy (also with . or -), or yyyy-mm-dd: what the server accepts.
    input.setAttribute("pattern", "\\s*\\d{1,2}[\\/.\\-]\\d{1,2}[\\/.\\-]\\d{4}\\s*|\\d{4}-\\d{2}-\\d{2}");
    input.setAttribute("placeholder", "dd/mm/yyyy");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("title", "Ngày theo dạng ngày/tháng/năm, ví dụ 11/04/2023");

    var id = "lich-" + index;
    var open = el("button", {type: "button", "class": "day-calendar-button", "aria-haspopup": "dialog",
      "aria-expanded": "false", "aria-controls": id}, "");
    open.appendChild(el("span", {"class": "visually-hidden"}, "Mở lịch chọn ngày"));
    input.parentNode.appendChild(open);

    var panel = el("div", {id: id, "class": "day-calendar", role: "dialog", "aria-modal": "false",
      "aria-label": "Lịch chọn ngày"});
    panel.hidden = true;
    var head = el("div", {"class": "day-calendar-head"});
    var prev = el("button", {type: "button", "class": "day-calendar-step"}, "‹");
    prev.setAttribute("aria-label", "Tháng trước");
    var next = el("button", {type: "button", "class": "day-calendar-step"}, "›");
    next.setAttribute("aria-label", "Tháng sau");
    var month = el("select", {"aria-label": "Tháng"});
    MONTHS.forEach(function (name, i) {
      month.appendChild(el("option", {value: String(i)}, name));
    });
    var year = el("input", {type: "number", "class": "day-calendar-year", "aria-label": "Năm",
      min: String(minYear), max: String(maxYear), inputmode: "numeric"});
    head.appendChild(prev);
    head.appendChild(month);
    head.appendChild(year);
    head.appendChild(next);
    var grid = el("table", {"class": "day-calendar-grid", role: "grid"});
    panel.appendChild(head);
    panel.appendChild(grid);
    var close = el("button", {type: "button", "class": "day-calendar-close"}, "Đóng");
    panel.appendChild(close);
    form.appendChild(panel);

    var shown = null;  // first day of the month shown
    var focused = null;  // the day with the keyboard focus

    function render(focusDay) {
      focused = focusDay;
      shown = new Date(focusDay.getFullYear(), focusDay.getMonth(), 1);
      month.value = String(shown.getMonth());
      year.value = String(shown.getFullYear());
      grid.textContent = "";
      var row = el("tr");
      SHORT.forEach(function (name, i) {
        var th = el("th", {scope: "col", abbr: WEEKDAYS[i]}, name);
        row.appendChild(th);
      });
      var thead = el("thead");
      thead.appendChild(row);
      grid.appendChild(thead);
      var body = el("tbody");
      var offset = (shown.getDay() + 6) % 7;  // Monday first
      var day = new Date(shown.getFullYear(), shown.getMonth(), 1 - offset);
      var picked = parse(input.value);
      var today = new Date();
      for (var week = 0; week < 6; week++) {
        row = el("tr");
        for (var i = 0; i < 7; i++) {
          var cell = el("td");
          if (day.getMonth() === shown.getMonth()) {
            var button = el("button", {type: "button", "class": "day-calendar-day",
              "data-date": format(day), tabindex: sameDay(day, focused) ? "0" : "-1"},
              String(day.getDate()));
            // The name starts with the visible number: "11 tháng 4 năm 2023, Thứ ba".
            button.appendChild(el("span", {"class": "visually-hidden"}, " tháng " +
              (day.getMonth() + 1) + " năm " + day.getFullYear() + ", " + WEEKDAYS[i]));
            if (sameDay(day, picked)) {
              button.setAttribute("aria-pressed", "true");
            }
            if (sameDay(day, today)) {
              button.setAttribute("aria-current", "date");
            }
            cell.appendChild(button);
          }
          row.appendChild(cell);
          day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
        }
        body.appendChild(row);
      }
      grid.appendChild(body);
    }
    function focusDay(date) {
      var y = date.getFullYear();
      if (y < minYear || y > maxYear) {
        return;
      }
      render(date);
      var target = grid.querySelector('[tabindex="0"]');
      if (target) {
        target.focus();
      }
    }
    function show() {
      panel.hidden = false;
      open.setAttribute("aria-expanded", "true");
      focusDay(parse(input.value) || new Date());
    }
    function hide(refocus) {
      panel.hidden = true;
      open.setAttribute("aria-expanded", "false");
      if (refocus) {
        open.focus();
      }
    }
    function pick(text) {
      input.value = text;
      hide(false);
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
    function moveMonth(step) {
      var d = new Date(focused.getFullYear(), focused.getMonth() + step, 1);
      var last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
      focusDay(new Date(d.getFullYear(), d.getMonth(), Math.min(focused.getDate(), last)));
    }

    open.addEventListener("click", function () {
      if (panel.hidden) {
        show();
      } else {
        hide(true);
      }
    });
    close.addEventListener("click", function () {
      hide(true);
    });
    prev.addEventListener("click", function () {
      moveMonth(-1);
      prev.focus();
    });
    next.addEventListener("click", function () {
      moveMonth(1);
      next.focus();
    });
    month.addEventListener("change", function () {
      moveMonth(+month.value - focused.getMonth());
      month.focus();
    });
    year.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();  // not the form's submission: show that year
        year.dispatchEvent(new Event("change"));
      }
    });
    year.addEventListener("change", function () {
      var y = parseInt(year.value, 10);
      if (y >= minYear && y <= maxYear) {
        render(new Date(y, focused.getMonth(), 1));
      }
    });
    grid.addEventListener("click", function (event) {
      var button = event.target.closest("[data-date]");
      if (button) {
        pick(button.getAttribute("data-date"));
      }
    });
    grid.addEventListener("keydown", function (event) {
      var steps = {ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7};
      if (steps[event.key]) {
        focusDay(new Date(focused.getFullYear(), focused.getMonth(), focused.getDate() + steps[event.key]));
      } else if (event.key === "PageUp" || event.key === "PageDown") {
        moveMonth(event.key === "PageUp" ? -1 : 1);
      } else if (event.key === "Home" || event.key === "End") {
        var offset = (focused.getDay() + 6) % 7;
        focusDay(new Date(focused.getFullYear(), focused.getMonth(),
          focused.getDate() + (event.key === "Home" ? -offset : 6 - offset)));
      } else {
        return;
      }
      event.preventDefault();
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        hide(true);
      }
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !panel.contains(event.target) && !open.contains(event.target)) {
        hide(false);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-day-input]");
    for (var i = 0; i < inputs.length; i++) {
      enhance(inputs[i], i);
    }
  });
})();
