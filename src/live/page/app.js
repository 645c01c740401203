// Stelling phone page: shows what the room sees now and sends this phone's answer.
// Plain JavaScript for plain http on the local network: no external request, no service worker,
// no secure-context API. All text goes in through textContent, never as HTML.
(function () {
  "use strict";

  // First-paint words: the server puts the session language's words into the page itself
  // (a JSON block, not a script), so they have one home, in the app; /state sends them again.
  var pageWords = {};
  try { pageWords = JSON.parse(document.getElementById("words").textContent) || {}; } catch (e) {}

  function $(id) { return document.getElementById(id); }

  var serverWords = null;

  function w(key, vars) {
    var s = (serverWords && typeof serverWords[key] === "string" && serverWords[key]) ||
      (typeof pageWords[key] === "string" && pageWords[key]) || "";
    return s.replace(/\{(\w+)\}/g, function (m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : m;
    });
  }

  function paintWords() {
    var els = document.querySelectorAll("[data-word]");
    for (var i = 0; i < els.length; i++) els[i].textContent = w(els[i].getAttribute("data-word"));
    document.title = w("title");
  }

  // --- Device token: 32 hex characters, kept in localStorage and a cookie. ---------------------
  var TOKEN_RE = /^[0-9a-f]{32}$/;
  function deviceToken() {
    var t = null;
    try { t = localStorage.getItem("stelling_device"); } catch (e) { /* storage off */ }
    if (!TOKEN_RE.test(t || "")) {
      var m = document.cookie.match(/(?:^|;\s*)stelling_device=([0-9a-f]{32})/);
      t = m ? m[1] : null;
    }
    if (!TOKEN_RE.test(t || "")) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      t = "";
      for (var i = 0; i < bytes.length; i++) t += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    try { localStorage.setItem("stelling_device", t); } catch (e) { /* cookie still works */ }
    document.cookie = "stelling_device=" + t + "; path=/; max-age=31536000; SameSite=Strict";
    return t;
  }
  var DEVICE = deviceToken();

  function remembered(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function remember(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* not remembered, still works */ }
  }

  // --- Requests ---------------------------------------------------------------------------------
  // Resolves with {status, body} for any HTTP answer; rejects only when the laptop was not reached.
  function request(method, path, body) {
    var ctl = window.AbortController ? new AbortController() : null;
    var timer = ctl ? setTimeout(function () { ctl.abort(); }, 8000) : 0;
    var done = function () { clearTimeout(timer); };
    return fetch(path, {
      method: method,
      headers: { "X-Stelling-Device": DEVICE, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
      cache: "no-store",
      credentials: "same-origin",
      signal: ctl ? ctl.signal : undefined
    }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
        done();
        return { status: res.status, body: json };
      });
    }, function (err) { done(); throw err; });
  }

  function errorMessage(r) {
    if (r.body && typeof r.body.message === "string" && r.body.message) return r.body.message;
    if (r.status === 429) return w("rate_limited");
    if (r.status === 503) return w("full");
    if (r.status === 409) return w("closed");
    return w("error");
  }

  // --- State --------------------------------------------------------------------------------------
  var cur = null;       // the last state accepted from the server
  var curSeq = 0;       // request number of that state: an older request never overwrites a newer
  var seq = 0;
  var loading = false, again = false;

  function accept(s, mySeq) {
    if (!s || typeof s !== "object" || typeof s.screen !== "string") return;
    // Request order, not the version: after the laptop restarts its versions start again at 0.
    if (mySeq < curSeq) return;
    var prev = cur;
    cur = s;
    curSeq = mySeq;
    render(prev);
  }

  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    var mySeq = ++seq;
    var finish = function () {
      loading = false;
      if (again) { again = false; refresh(); }
    };
    request("GET", "/state").then(function (r) {
      reached();
      if (r.status === 200) accept(r.body, mySeq);
      else notice(errorMessage(r));
      finish();
    }, function () { unreachable(); finish(); });
  }

  // --- Voting: one wanted answer at a time; retried until the server has it. -------------------
  // The server keeps one ballot per device per round, so a repeated POST never counts twice;
  // the page still sends nothing when the tapped answer is already the phone's answer.
  var want = null;      // {round, option} not yet confirmed by the server
  var sending = false, voteTimer = 0, voteTries = 0;

  function shownAnswer() {
    if (!cur || !cur.round) return null;
    if (want && want.round === cur.round.id) return want.option;
    return optionLabel(cur.my_answer) ? cur.my_answer : null;
  }

  function choose(optionId) {
    if (!cur || cur.screen !== "question" || !cur.round || !cur.round.open) return;
    if (shownAnswer() === optionId) return;
    want = { round: cur.round.id, option: optionId };
    clearNotice();
    paintQuestionState();
    pump();
  }

  function pump() {
    if (sending || !want) return;
    clearTimeout(voteTimer);
    voteTimer = 0;
    var v = want;
    var mySeq = ++seq;
    sending = true;
    request("POST", "/vote", { round: v.round, option: v.option }).then(function (r) {
      sending = false;
      reached();
      if (r.status === 200) {
        voteTries = 0;
        if (want === v) want = null;
        accept(r.body, mySeq);
        if (!want && cur && cur.my_answer === v.option) announce(w("your_answer", { answer: optionLabel(v.option) }));
        paintQuestionState();
        pump();
      } else if (r.status === 429) {
        notice(errorMessage(r));
        retryVote(2000);
      } else if (r.status >= 500 && r.status !== 503) {
        retryVote();
      } else {
        // 409 closed, 503 full, 400/413: this answer will not be taken; show why and catch up.
        if (want === v) want = null;
        notice(errorMessage(r));
        paintQuestionState();
        refresh();
      }
    }, function () {
      sending = false;
      unreachable();
      retryVote();
    });
  }

  function retryVote(ms) {
    voteTries++;
    clearTimeout(voteTimer);
    voteTimer = setTimeout(pump, ms || Math.min(2000, 250 * Math.pow(2, voteTries)));
  }

  // --- Groups -------------------------------------------------------------------------------------
  var pickerOpen = false;    // opened with the "change" link
  var groupWanted = null;    // picked here, not yet confirmed
  var autoPicked = false;

  function hasGroups() { return !!(cur && cur.groups && cur.groups.length); }
  function groupById(id) {
    if (!hasGroups()) return null;
    for (var i = 0; i < cur.groups.length; i++) if (cur.groups[i].id === id) return cur.groups[i];
    return null;
  }
  function myGroup() { return groupWanted || (cur && cur.my_group) || null; }
  function needsPicker() { return hasGroups() && (pickerOpen || !groupById(myGroup())); }

  function pickGroup(id) {
    remember("stelling_group", id);
    groupWanted = id;
    pickerOpen = false;
    render(cur);
    var q = $("q-text");
    if (!$("question").hidden) q.focus();
    sendGroup(id, 0);
  }

  function sendGroup(id, tries) {
    var mySeq = ++seq;
    request("POST", "/group", { group: id }).then(function (r) {
      reached();
      if (groupWanted !== id) return;
      if (r.status === 200) { groupWanted = null; accept(r.body, mySeq); return; }
      if (r.status === 429 || r.status >= 500 && r.status !== 503) {
        setTimeout(function () { sendGroup(id, tries + 1); }, 2000);
        return;
      }
      groupWanted = null;
      notice(errorMessage(r));
      render(cur);
    }, function () {
      unreachable();
      setTimeout(function () { if (groupWanted === id) sendGroup(id, tries + 1); }, Math.min(2000, 250 * Math.pow(2, tries + 1)));
    });
  }

  // --- Rendering ----------------------------------------------------------------------------------
  var optionsKey = "", groupsKey = "", resultsKey = "";

  function optionLabel(id) {
    var opts = (cur && cur.item && cur.item.options) || [];
    for (var i = 0; i < opts.length; i++) if (opts[i].id === id) return opts[i].label;
    return "";
  }

  function isScale(item, opts) {
    if (item.kind === "scale") return true;
    if (opts.length < 4) return false;
    for (var i = 0; i < opts.length; i++) if (!/^\s*-?\d{1,3}\s*$/.test(opts[i].label)) return false;
    return true;
  }

  function makeButton(label, onTap) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "choice";
    b.textContent = label;
    b.addEventListener("click", onTap);
    return b;
  }

  function show(id) {
    var screens = ["connecting", "wait", "info", "question", "groups"];
    for (var i = 0; i < screens.length; i++) $(screens[i]).hidden = screens[i] !== id;
  }

  function render(prev) {
    var s = cur;
    if (!s) return;
    serverWords = s.words && typeof s.words === "object" ? s.words : null;
    if (s.language) document.documentElement.lang = s.language;
    paintWords();

    if (want && (!s.round || s.round.id !== want.round || !s.round.open || s.screen !== "question")) {
      want = null;
    }
    var saved = remembered("stelling_group");
    if (!autoPicked && hasGroups() && !s.my_group && !groupWanted && groupById(saved)) {
      autoPicked = true;
      groupWanted = saved;
      sendGroup(saved, 0);
    }

    var blank = s.screen === "blank";
    $("dark").hidden = !blank;
    $("main").hidden = blank;
    var picking = !blank && needsPicker();
    var item = s.item || null;
    var opts = (item && item.options) || [];

    if (picking) {
      renderGroups();
      show("groups");
    } else if (s.screen === "question" && item && opts.length) {
      renderQuestion(item, opts);
      show("question");
    } else if ((s.screen === "info" || s.screen === "question") && item && item.text) {
      $("info-text").textContent = item.text;
      show("info");
    } else {
      show("wait");
    }

    renderResults(!blank && !picking ? s.results : null);

    var g = groupById(myGroup());
    $("foot").hidden = blank || picking || !hasGroups();
    $("my-group").textContent = g ? w("your_group", { group: g.name }) : "";

    if (prev) announceChange(prev, s);
  }

  function renderQuestion(item, opts) {
    var q = $("q-text");
    if (q.textContent !== item.text) q.textContent = item.text;
    var key = JSON.stringify([item.id, opts]);
    if (key !== optionsKey) {
      optionsKey = key;
      var box = $("options");
      box.textContent = "";
      box.className = isScale(item, opts) ? "options grid" : "options";
      opts.forEach(function (o) {
        var b = makeButton(o.label, function () { choose(o.id); });
        b.setAttribute("data-option", o.id);
        box.appendChild(b);
      });
    }
    paintQuestionState();
  }

  // Marks the phone's answer and the round's state without rebuilding the buttons (keeps focus).
  function paintQuestionState() {
    if (!cur) return;
    var open = !!(cur.round && cur.round.open);
    var mine = shownAnswer();
    var buttons = $("options").querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      b.setAttribute("aria-pressed", b.getAttribute("data-option") === mine ? "true" : "false");
      if (open) b.removeAttribute("aria-disabled"); else b.setAttribute("aria-disabled", "true");
    }
    var hint;
    if (!open) hint = w("closed");
    else if (want) hint = w("sending");
    else if (mine) hint = w("thanks") + " " + w("change_hint");
    else hint = "";
    $("q-hint").textContent = hint;
    $("q-hint").hidden = !hint;
    var bars = $("bars").querySelectorAll("li");
    for (var j = 0; j < bars.length; j++) {
      bars[j].className = bars[j].getAttribute("data-option") === mine ? "mine" : "";
    }
  }

  function renderResults(res) {
    var box = $("results");
    if (!res || !res.options) { box.hidden = true; resultsKey = ""; return; }
    var key = JSON.stringify(res);
    if (key !== resultsKey) {
      resultsKey = key;
      var list = $("bars");
      list.textContent = "";
      var total = Number(res.total) || 0;
      res.options.forEach(function (o) {
        var li = document.createElement("li");
        li.setAttribute("data-option", o.id);
        var head = document.createElement("div");
        head.className = "bar-head";
        var label = document.createElement("span");
        label.className = "bar-label";
        label.textContent = o.label;
        var num = document.createElement("span");
        num.className = "bar-num";
        num.textContent = String(o.count) + (o.share ? " · " + o.share : "");
        head.appendChild(label);
        head.appendChild(num);
        var track = document.createElement("div");
        track.className = "bar-track";
        track.setAttribute("aria-hidden", "true");
        var fill = document.createElement("span");
        fill.className = "bar-fill";
        var pct = total > 0 ? Math.max(0, Math.min(100, (Number(o.count) || 0) * 100 / total)) : 0;
        fill.style.width = pct + "%";
        track.appendChild(fill);
        li.appendChild(head);
        li.appendChild(track);
        list.appendChild(li);
      });
      $("r-total").textContent = w(total === 1 ? "total_one" : "total", { count: total });
    }
    box.hidden = false;
    paintQuestionState();
  }

  function renderGroups() {
    var key = JSON.stringify(cur.groups);
    var list = $("group-list");
    if (key !== groupsKey) {
      groupsKey = key;
      list.textContent = "";
      cur.groups.forEach(function (g) {
        var b = makeButton(g.name, function () { pickGroup(g.id); });
        b.setAttribute("data-group", g.id);
        list.appendChild(b);
      });
    }
    var mine = myGroup();
    var buttons = list.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-group") === mine ? "true" : "false");
    }
  }

  // --- Announcements for screen readers -----------------------------------------------------------
  var liveTimer = 0;
  function announce(text) {
    if (!text) return;
    var live = $("live");
    live.textContent = "";
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { live.textContent = text; }, 60);
  }

  function announceChange(prev, s) {
    var pItem = prev.item ? prev.item.id : null, sItem = s.item ? s.item.id : null;
    if (prev.screen !== s.screen || pItem !== sItem) {
      if (s.screen === "blank") announce(w("blank"));
      else if ((s.screen === "question" || s.screen === "info") && s.item) announce(String(s.item.text).slice(0, 300));
      else announce(w("wait"));
      clearNotice();
      return;
    }
    var pr = prev.round, sr = s.round;
    if (sr && (!pr || pr.id !== sr.id)) { announce(w("new_round", { round: sr.label })); clearNotice(); return; }
    if (sr && pr && pr.open !== sr.open) { announce(w(sr.open ? "open" : "closed")); return; }
    if (s.results && !prev.results) announce(w("results"));
  }

  var noticeTimer = 0;
  function notice(text) {
    var n = $("notice");
    n.textContent = text;
    n.hidden = !text;
    announce(text);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(clearNotice, 8000);
  }
  function clearNotice() { $("notice").hidden = true; }

  // --- Connection: a push stream, a full fetch on every (re)connect and on becoming visible. -----
  var es = null, esTries = 0, esTimer = 0, bannerTimer = 0, down = false;

  function reached() {
    down = false;
    clearTimeout(bannerTimer);
    bannerTimer = 0;
    if (!es || es.readyState === 1) $("banner").hidden = true;
  }
  function unreachable() {
    down = true;
    if (bannerTimer) return;
    // Discreet: a short hiccup shows nothing.
    bannerTimer = setTimeout(function () {
      bannerTimer = 0;
      var b = $("banner");
      b.textContent = navigator.onLine === false ? w("offline") : w("reconnecting");
      b.hidden = false;
    }, 1200);
  }

  function connect() {
    clearTimeout(esTimer);
    esTimer = 0;
    if (es) { es.close(); es = null; }
    if (!window.EventSource) { setTimeout(connect, 2000); refresh(); return; }
    var stream = new EventSource("/events");
    es = stream;
    stream.onopen = function () {
      esTries = 0;
      reached();
      $("banner").hidden = true;
      refresh();
      if (want && !sending) pump();
    };
    stream.addEventListener("state", function (e) {
      var v = null;
      try { v = JSON.parse(e.data).version; } catch (err) { /* fetch anyway */ }
      if (!(cur && v === cur.version && !down)) refresh();
    });
    stream.onerror = function () {
      if (es !== stream) return;
      stream.close();
      es = null;
      unreachable();
      esTries++;
      // At most a second, a little random so a room of phones does not come back in step.
      esTimer = setTimeout(connect, Math.min(1000, 125 * Math.pow(2, esTries)) * (0.75 + Math.random() / 4));
      refresh();
    };
  }

  function wake() {
    refresh();
    if (!es || es.readyState === 2) connect();
    if (want && !sending) pump();
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") wake();
  });
  window.addEventListener("pageshow", function (e) { if (e.persisted) wake(); });
  window.addEventListener("online", wake);
  window.addEventListener("offline", unreachable);
  // iOS may drop the stream without telling; an occasional full fetch catches up anyway.
  setInterval(function () { if (document.visibilityState === "visible") refresh(); }, 30000);

  $("change-group").addEventListener("click", function () {
    pickerOpen = true;
    render(cur);
    var first = $("group-list").querySelector("button");
    if (first) first.focus();
  });

  paintWords();
  connect();
  refresh();
})();
