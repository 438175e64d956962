/*
 * Small helpers for the staff pages; every page works without them.
 * - .nav-toggle: on a phone the main navigation folds behind a menu button, and the top bar's
 *   language, workspace, profile and sign-out move into that menu, so the page starts at once.
 * - button[data-copy]: copies the value of the field it names (the field stays selectable without).
 * - select[data-zone-picker]: a search field above the time-zone list, and this device's zone
 *   offered first.
 * - select[data-fills]: choosing a reply template puts its text into the field it names, to be
 *   edited (without script, the server uses the template when the field is left empty).
 */
(function (document) {
  "use strict";

  function zonePicker(select) {
    var search = document.createElement("input");
    search.type = "search";
    search.className = "zone-search";
    search.setAttribute("aria-label", select.getAttribute("data-search-label") || "Search");
    search.setAttribute("placeholder", select.getAttribute("data-search-label") || "");
    search.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(search, select);

    var device = "";
    try {
      device = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      device = "";
    }
    var match = Array.prototype.find.call(select.options, function (option) {
      return option.value === device;
    });
    if (match) {
      var group = document.createElement("optgroup");
      group.label = select.getAttribute("data-browser-label") || device;
      var copy = match.cloneNode(true);
      copy.selected = false;
      group.appendChild(copy);
      var first = select.querySelector("optgroup");
      select.insertBefore(group, first);
    }

    // Enter in the search field would submit the whole form with whatever the search picked
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        select.focus();
      }
    });
    var status = document.createElement("p");
    status.className = "zone-status hint";
    status.setAttribute("aria-live", "polite");
    status.hidden = true;
    select.parentNode.insertBefore(status, select.nextSibling);

    // the list narrows as one types; the choice stays with the person (no zone is picked for them)
    search.addEventListener("input", function () {
      var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = (option.text + " " + option.value).toLowerCase().replace(/_/g, " ");
        var match = option.selected || words.every(function (word) { return text.indexOf(word) >= 0; });
        option.hidden = !match;
        if (match && !option.selected && option.value) {
          shown++;
        }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (option) { return !option.hidden; });
      });
      status.hidden = !(words.length && shown === 0);
      status.textContent = select.getAttribute("data-none-label") || "";
    });
  }

  function navigationToggle() {
    var button = document.querySelector(".nav-toggle");
    var menu = document.getElementById("sidebar");
    if (!button || !menu) {
      return;
    }
    var end = document.querySelector(".topbar-end");
    var topbar = document.querySelector(".topbar");
    var phone = window.matchMedia("(max-width: 48rem)");
    function place() {
      if (!end || !topbar) {
        return;
      }
      if (phone.matches && end.parentNode !== menu) {
        menu.insertBefore(end, menu.firstChild);
        end.classList.add("in-menu");
      } else if (!phone.matches && end.parentNode !== topbar) {
        topbar.appendChild(end);
        end.classList.remove("in-menu");
      }
    }
    place();
    if (phone.addEventListener) {
      phone.addEventListener("change", place);
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("open")) {
        menu.classList.remove("open");
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }

  function copyButton(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.getAttribute("data-copied") || label;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  function templatePicker(select) {
    var field = document.getElementById(select.getAttribute("data-fills"));
    if (!field) {
      return;
    }
    select.addEventListener("change", function () {
      if (select.value) {
        field.value = select.value;
        field.focus();
      }
    });
  }

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-fills]"), templatePicker);
    Array.prototype.forEach.call(root.querySelectorAll("select[data-zone-picker]"), zonePicker);
    Array.prototype.forEach.call(root.querySelectorAll("button[data-copy]"), copyButton);
  }

  document.documentElement.classList.add("js");
  function start() {
    navigationToggle();
    enhance(document);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(document);
