/* CareDesk chat widget: one script tag, no build step.
 *   <script src="https://HOST/chat/widget.js" data-program="CODE" defer></script>
 * Talks to HOST's /chat/api/ endpoints (CORS for the program's allowed origins), receives lines
 * by server-sent events (EventSource reconnects by itself, resuming after the last id seen),
 * and renders every text with textContent (never as HTML). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var program = script.getAttribute("data-program") || "";
  var base = new URL(script.src, window.location.href).origin;
  var api = base + "/chat/api/";
  var storeKey = "caredesk-chat:" + program;
  var state = { session: null, token: null, seen: {}, source: null, status: "bot" };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  var root = el("div", { id: "cdchat", style: "position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 system-ui,sans-serif" });
  var launcher = el("button", { id: "cdchat-launcher", type: "button", style: "padding:10px 16px;border-radius:20px;border:0;background:#0b5cad;color:#fff;cursor:pointer" }, "Chat with us");
  var panel = el("div", { id: "cdchat-panel", role: "dialog", "aria-label": "Chat", hidden: "", style: "width:340px;height:460px;background:#fff;border:1px solid #ccd;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);display:flex;flex-direction:column" });
  var header = el("div", { style: "padding:8px 12px;background:#0b5cad;color:#fff;border-radius:8px 8px 0 0;display:flex;justify-content:space-between" });
  var title = el("span", { id: "cdchat-title" }, "Chat");
  var end = el("button", { id: "cdchat-end", type: "button", style: "background:none;border:0;color:#fff;cursor:pointer" }, "End chat");
  var log = el("div", { id: "cdchat-log", "aria-live": "polite", style: "flex:1;overflow-y:auto;padding:8px" });
  var status = el("div", { id: "cdchat-status", style: "padding:2px 12px;color:#555;font-size:12px" });
  var form = el("form", { id: "cdchat-form", style: "display:flex;border-top:1px solid #ccd" });
  var input = el("input", { id: "cdchat-input", type: "text", maxlength: "2000", autocomplete: "off", "aria-label": "Your message", placeholder: "Type your question", style: "flex:1;border:0;padding:10px" });
  var send = el("button", { id: "cdchat-send", type: "submit", style: "border:0;background:#0b5cad;color:#fff;padding:0 14px;cursor:pointer" }, "Send");
  header.appendChild(title); header.appendChild(end);
  form.appendChild(input); form.appendChild(send);
  panel.appendChild(header); panel.appendChild(log); panel.appendChild(status); panel.appendChild(form);
  root.appendChild(panel); root.appendChild(launcher);

  var STATUS = {
    bot: "",
    waiting_for_agent: "Waiting for a specialist…",
    with_agent: "You are chatting with a specialist.",
    closed: "This chat has ended."
  };

  function setStatus(value) {
    state.status = value;
    status.textContent = STATUS[value] || "";
    input.disabled = send.disabled = value === "closed";
  }

  function show(line) {
    if (line.id && state.seen[line.id]) { return; }
    if (line.id) { state.seen[line.id] = true; }
    if (line.client_id) {
      var pending = log.querySelector('[data-client-id="' + line.client_id + '"]');
      if (pending) { pending.setAttribute("data-id", String(line.id)); return; }
    }
    var row = el("div", { "class": "cdchat-line cdchat-" + line.sender, "data-id": String(line.id || ""), "data-client-id": line.client_id || "", style: "margin:6px 0;padding:6px 8px;border-radius:6px;" + (line.sender === "customer" ? "background:#e8f0fb;margin-left:40px" : line.sender === "system" ? "color:#555;font-style:italic" : "background:#f3f3f3;margin-right:40px") });
    var who = line.sender === "agent" ? (line.author || "Specialist") : line.sender === "bot" ? (state.botName || "Assistant") : "";
    if (who) { row.appendChild(el("div", { "class": "cdchat-who", style: "font-size:11px;color:#666" }, who)); }
    row.appendChild(el("div", { "class": "cdchat-text" }, line.text));
    if (line.source) {
      var cite = el("div", { "class": "cdchat-source", style: "font-size:12px;margin-top:4px" }, "Source: ");
      cite.appendChild(el("a", { href: base + "/chat/kb/" + encodeURIComponent(program) + "/" + line.source.article_id + "/", target: "_blank", rel: "noopener" }, line.source.title));
      row.appendChild(cite);
    }
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
  }

  function post(path, body) {
    return fetch(api + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": state.token ? "Bearer " + state.token : "" },
      body: JSON.stringify(body || {}),
      credentials: "omit"
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { var e = new Error(data.message || ("HTTP " + r.status)); e.status = r.status; throw e; }
        return data;
      });
    });
  }

  function listen() {
    if (state.source) { state.source.close(); }
    var url = api + "sessions/" + state.session + "/events?token=" + encodeURIComponent(state.token);
    state.source = new EventSource(url);
    state.source.addEventListener("message", function (ev) { show(JSON.parse(ev.data)); });
    state.source.addEventListener("state", function (ev) {
      setStatus(JSON.parse(ev.data).state);
      if (state.status === "closed") { state.source.close(); }
    });
  }

  function begin() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
    if (saved && saved.session) {
      state.session = saved.session; state.token = saved.token; state.botName = saved.botName;
      title.textContent = state.botName || "Chat";
      listen();
      return Promise.resolve();
    }
    return post(encodeURIComponent(program) + "/sessions", {}).then(function (data) {
      state.session = data.session_id; state.token = data.token; state.botName = data.bot_name;
      title.textContent = data.bot_name;
      try { sessionStorage.setItem(storeKey, JSON.stringify({ session: state.session, token: state.token, botName: state.botName })); } catch (e) { /* private mode */ }
      show({ sender: "bot", text: data.welcome });
      setStatus(data.state);
      listen();
    });
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ""); }
    return (Date.now().toString(36) + Math.random().toString(36).slice(2) + "00000000").slice(0, 24);
  }

  function sendLine(id, text, attempt) {
    return post("sessions/" + state.session + "/messages", { id: id, text: text }).then(function (data) {
      data.messages.forEach(show);
      setStatus(data.state);
    }).catch(function (err) {
      // A lost answer is retried with the same id: the server stores the line once.
      if ((!err.status || err.status >= 500) && attempt < 3) {
        return new Promise(function (ok) { setTimeout(ok, 1000 * (attempt + 1)); }).then(function () { return sendLine(id, text, attempt + 1); });
      }
      show({ sender: "system", text: "Your message could not be sent: " + err.message });
    });
  }

  launcher.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    panel.style.display = panel.hidden ? "none" : "flex";
    if (!panel.hidden && !state.session) { begin().catch(function (err) { show({ sender: "system", text: "The chat is not available: " + err.message }); }); }
    if (!panel.hidden) { input.focus(); }
  });
  panel.style.display = "none";

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text || !state.session) { return; }
    input.value = "";
    var id = newId();
    show({ sender: "customer", text: text, client_id: id });
    sendLine(id, text, 0);
  });

  end.addEventListener("click", function () {
    if (!state.session) { return; }
    post("sessions/" + state.session + "/close", {}).then(function (data) { setStatus(data.state); });
    try { sessionStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
  });

  function mount() { document.body.appendChild(root); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
