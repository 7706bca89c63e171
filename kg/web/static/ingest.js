// The home page's ingest form: posts the text (or an uploaded file) to POST /articles with the
// bearer token, and links to the stored article.
(function () {
  "use strict";
  var form = document.getElementById("ingest");
  var status = document.getElementById("ingest-status");
  if (!form) { return; }
  var TYPES = { json: "application/json", jsonl: "application/x-ndjson", html: "text/html",
                htm: "text/html" };
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var file = form.elements.file.files[0];
    var params = new URLSearchParams();
    ["title", "url", "published"].forEach(function (k) {
      var v = (data.get(k) || "").trim();
      if (v) { params.set(k, v); }
    });
    var type = "text/plain; charset=utf-8", body = data.get("text");
    if (file) {
      var ext = file.name.split(".").pop().toLowerCase();
      type = TYPES[ext] || type;
      body = file;
    }
    if (!body || (typeof body === "string" && !body.trim())) {
      status.textContent = "Paste a text or choose a file.";
      return;
    }
    status.textContent = "Sending…";
    fetch("/articles" + (params.toString() ? "?" + params : ""), {
      method: "POST", body: body,
      headers: { "Content-Type": type, Authorization: "Bearer " + (data.get("token") || "") }
    }).then(function (r) { return r.json(); }).then(function (res) {
      while (status.firstChild) { status.removeChild(status.firstChild); }
      if (!res.ok) { status.textContent = "Not stored: " + res.error; return; }
      var stored = res.articles || [res];
      status.appendChild(document.createTextNode("Stored: "));
      stored.forEach(function (a, i) {
        var link = document.createElement("a");
        link.href = "/article/" + encodeURIComponent(a.id);
        link.textContent = a.id + " (" + a.events.length + " events)";
        if (i) { status.appendChild(document.createTextNode(", ")); }
        status.appendChild(link);
      });
    }).catch(function () { status.textContent = "The request failed."; });
  });
})();
