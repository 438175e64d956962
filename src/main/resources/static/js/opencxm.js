/*
 * OpenCXM website snippet: page(), track(), identify() and consent(), sent in batches to the
 * OpenCXM collection API. No dependencies.
 *
 * <script async src="https://cxm.example.com/js/opencxm.js"
 *         data-write-key="ocx_w_…" data-touchpoint="website" data-consent="required"></script>
 * <script>
 *   window.opencxm = window.opencxm || [];
 *   opencxm.push(["page"]);                       // calls made before the script loaded are queued
 * </script>
 *
 * With data-consent="required" nothing is stored in the browser and nothing is sent until
 * opencxm.consent(true); calls made before are kept in memory and sent then, or dropped on
 * opencxm.consent(false). The anonymous id lives in this site's localStorage (first party).
 *
 * With data-surveys="on" the snippet also shows the workspace's website surveys: a small
 * prompt with the survey's rating question, on the pages, after the delay, to the share of
 * visitors and not more often than the survey's widget settings say.
 */
(function (window, document) {
  "use strict";

  var VERSION = "1.0.0";
  var FLUSH_DELAY_MS = 2000;
  var MAX_BATCH = 20;
  var ANONYMOUS_ID = "ocx_aid";
  var USER_ID = "ocx_uid";
  var CONSENT = "ocx_consent";

  var script = document.currentScript || document.querySelector("script[data-write-key]");
  if (!script) {
    return;
  }
  var writeKey = script.getAttribute("data-write-key");
  var touchpoint = script.getAttribute("data-touchpoint");
  var consentRequired = script.getAttribute("data-consent") === "required";
  var endpoint = new URL("/v1/batch", script.src).href;

  var queue = [];
  var timer = null;

  function storage(key, value) {
    try {
      if (value === undefined) {
        return window.localStorage.getItem(key);
      }
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (e) {
      return null; // storage blocked: the visitor stays anonymous for this page view
    }
    return null;
  }

  function randomId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function allowed() {
    return !consentRequired || storage(CONSENT) === "granted";
  }

  function anonymousId() {
    var id = storage(ANONYMOUS_ID);
    if (!id) {
      id = randomId();
      storage(ANONYMOUS_ID, id);
    }
    return id;
  }

  function context() {
    var ctx = {
      library: { name: "opencxm.js", version: VERSION },
      page: {
        path: window.location.pathname,
        url: window.location.href,
        referrer: document.referrer,
        title: document.title
      },
      userAgent: window.navigator.userAgent,
      locale: window.navigator.language
    };
    if (touchpoint) {
      ctx.touchpoint = touchpoint;
    }
    return ctx;
  }

  function enqueue(message) {
    message.messageId = randomId();
    message.timestamp = new Date().toISOString();
    message.context = context();
    queue.push(message);
    if (!allowed()) {
      return;
    }
    if (queue.length >= MAX_BATCH) {
      flush(false);
    } else if (!timer) {
      timer = window.setTimeout(function () { flush(false); }, FLUSH_DELAY_MS);
    }
  }

  /** Fills in the ids when sending, so that messages queued before consent get them too. */
  function withIds(message) {
    message.anonymousId = anonymousId();
    var userId = storage(USER_ID);
    if (userId && !message.userId) {
      message.userId = userId;
    }
    return message;
  }

  function flush(leaving) {
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (!queue.length || !allowed()) {
      return;
    }
    var batch = queue.splice(0, queue.length).map(withIds);
    var body = JSON.stringify({ writeKey: writeKey, sentAt: new Date().toISOString(), batch: batch });
    // text/plain keeps the request "simple": no CORS preflight, and sendBeacon accepts it.
    var blob = new Blob([body], { type: "text/plain" });
    if (leaving && window.navigator.sendBeacon && window.navigator.sendBeacon(endpoint, blob)) {
      return;
    }
    window.fetch(endpoint, { method: "POST", body: blob, keepalive: true, mode: "cors", credentials: "omit" })
      .then(function (response) {
        if (response.status >= 500) {
          queue = batch.concat(queue); // the server keeps nothing it did not acknowledge: try again
          timer = window.setTimeout(function () { flush(false); }, FLUSH_DELAY_MS * 5);
        }
      })
      .catch(function () {
        queue = batch.concat(queue);
      });
  }

  var api = {
    page: function (name, properties) {
      enqueue({ type: "page", name: name || document.title, properties: properties || {} });
    },
    track: function (event, properties) {
      enqueue({ type: "track", event: event, properties: properties || {} });
    },
    identify: function (userId, traits) {
      if (userId && allowed()) {
        storage(USER_ID, String(userId));
      }
      enqueue({ type: "identify", userId: userId ? String(userId) : undefined, traits: traits || {} });
    },
    consent: function (granted) {
      if (granted) {
        storage(CONSENT, "granted");
        flush(false);
      } else {
        storage(CONSENT, null);
        storage(ANONYMOUS_ID, null);
        storage(USER_ID, null);
        queue = [];
      }
    },
    reset: function () {
      storage(ANONYMOUS_ID, null);
      storage(USER_ID, null);
    },
    flush: function () { flush(false); }
  };

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flush(true);
    }
  });
  window.addEventListener("pagehide", function () { flush(true); });

  /* ---- Website surveys ------------------------------------------------------------------ */

  var SHOWN = "ocx_survey_";
  var surveysEndpoint = new URL("/v1/surveys/widget", script.src).href;

  /** A random (version 4) UUID: the response's id, so that a retried request records nothing twice. */
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function language() {
    var lang = (document.documentElement.lang || window.navigator.language || "en").slice(0, 2).toLowerCase();
    return lang === "de" ? "de" : "en";
  }

  function text(localized, lang, fallback) {
    if (!localized) {
      return "";
    }
    return localized[lang] || localized[fallback] || localized.de || localized.en || "";
  }

  function dueFor(survey) {
    if (!new RegExp("^(?:" + survey.pathRegex + ")$").test(window.location.pathname)) {
      return false;
    }
    var last = Number(storage(SHOWN + survey.key) || 0);
    if (last && Date.now() - last < survey.againAfterDays * 86400000) {
      return false;
    }
    return Math.random() * 100 < survey.samplingPercent;
  }

  function element(tag, styles, content) {
    var node = document.createElement(tag);
    Object.keys(styles || {}).forEach(function (name) { node.style[name] = styles[name]; });
    if (content !== undefined) {
      node.textContent = content; // never innerHTML: survey texts are data
    }
    return node;
  }

  function post(url, payload) {
    var blob = new Blob([JSON.stringify(payload)], { type: "text/plain" });
    return window.fetch(url, { method: "POST", body: blob, keepalive: true, mode: "cors", credentials: "omit" });
  }

  function showSurvey(survey) {
    var lang = language();
    var fallback = survey.defaultLanguage;
    storage(SHOWN + survey.key, String(Date.now()));
    var box = element("div", {
      position: "fixed", right: "16px", bottom: "16px", zIndex: "2147483000", maxWidth: "380px",
      background: "#fff", color: "#1a1a1a", border: "1px solid #c9ced6", borderRadius: "8px",
      boxShadow: "0 6px 24px rgba(0,0,0,.18)", padding: "16px", font: "15px/1.4 system-ui, sans-serif"
    });
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", text(survey.question, lang, fallback));
    box.setAttribute("data-opencxm-survey", survey.key);
    var close = element("button", { position: "absolute", top: "6px", right: "8px", border: "0", background: "none",
      fontSize: "20px", cursor: "pointer" }, "\u00d7");
    close.setAttribute("aria-label", text(survey.labels.close, lang, fallback));
    close.addEventListener("click", function () { box.remove(); });
    var question = element("p", { margin: "0 28px 10px 0", fontWeight: "600" }, text(survey.question, lang, fallback));
    box.appendChild(close);
    box.appendChild(question);
    var hint = text(survey.hint, lang, fallback);
    if (hint) {
      box.appendChild(element("p", { margin: "0 0 8px", fontSize: "13px", color: "#4a4a4a" }, hint));
    }
    var scale = element("div", { display: "flex", flexWrap: "wrap", gap: "4px" });
    var chosen = null;
    var comment = null;
    var send = element("button", { marginTop: "10px", padding: "8px 14px", border: "0", borderRadius: "5px",
      background: "#0b57a4", color: "#fff", fontWeight: "600", cursor: "pointer" }, text(survey.labels.send, lang, fallback));
    send.disabled = true;
    for (var value = survey.min; value <= survey.max; value++) {
      (function (v) {
        var button = element("button", { minWidth: "30px", padding: "6px 0", flex: "1", border: "2px solid #5f6b7a",
          borderRadius: "4px", background: "#fff", color: "#1a1a1a", fontWeight: "600", cursor: "pointer" }, String(v));
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () {
          chosen = v;
          Array.prototype.forEach.call(scale.children, function (b) {
            var on = b === button;
            b.setAttribute("aria-pressed", String(on));
            b.style.background = on ? "#0b57a4" : "#fff";
            b.style.color = on ? "#fff" : "#1a1a1a";
          });
          send.disabled = false;
        });
        scale.appendChild(button);
      })(value);
    }
    box.appendChild(scale);
    if (survey.comment) {
      var label = element("label", { display: "block", marginTop: "10px", fontSize: "13px" }, text(survey.labels.comment, lang, fallback));
      comment = element("textarea", { display: "block", width: "100%", marginTop: "4px", boxSizing: "border-box" });
      comment.rows = 2;
      comment.maxLength = 5000;
      label.appendChild(comment);
      box.appendChild(label);
    }
    send.addEventListener("click", function () {
      if (chosen === null) {
        return;
      }
      post(new URL("/v1/surveys/widget/" + encodeURIComponent(survey.key) + "/responses", script.src).href, {
        writeKey: writeKey,
        responseId: uuid(),
        anonymousId: anonymousId(),
        userId: storage(USER_ID) || undefined,
        score: chosen,
        comment: comment ? comment.value : undefined,
        language: lang
      });
      while (box.firstChild) {
        box.removeChild(box.firstChild);
      }
      box.appendChild(element("p", { margin: "0" }, text(survey.labels.thanks, lang, fallback)));
      window.setTimeout(function () { box.remove(); }, 3000);
    });
    box.appendChild(send);
    document.body.appendChild(box);
  }

  function loadSurveys() {
    if (!allowed()) {
      return; // the widget remembers whom it asked, which needs the same consent as tracking
    }
    post(surveysEndpoint, { writeKey: writeKey })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (surveys) {
        var survey = surveys.filter(dueFor)[0];
        if (survey) {
          window.setTimeout(function () { showSurvey(survey); }, survey.delaySeconds * 1000);
        }
      })
      .catch(function () { /* no survey this time */ });
  }

  if (script.getAttribute("data-surveys") === "on") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", loadSurveys);
    } else {
      loadSurveys();
    }
  }

  var early = Array.isArray(window.opencxm) ? window.opencxm : [];
  window.opencxm = api;
  api.push = function (call) {
    api[call[0]].apply(api, call.slice(1));
  };
  early.forEach(api.push);
})(window, document);
