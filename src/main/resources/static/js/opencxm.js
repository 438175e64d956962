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

  var early = Array.isArray(window.opencxm) ? window.opencxm : [];
  window.opencxm = api;
  api.push = function (call) {
    api[call[0]].apply(api, call.slice(1));
  };
  early.forEach(api.push);
})(window, document);
