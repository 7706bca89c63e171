// The SPARQL query page: run the query with fetch, show the results as a table.
(function () {
  "use strict";
  const examples = JSON.parse(document.getElementById("example-data").textContent);
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const endpoint = form.getAttribute("action");

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      textarea.value = examples[Number(button.dataset.index)].query;
      run();
    });
  });

  document.querySelectorAll(".downloads a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      const url = endpoint + "?query=" + encodeURIComponent(textarea.value) +
        "&format=" + link.dataset.format;
      window.location.href = url;
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });

  function cell(term) {
    const td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri" && /^https?:\/\//i.test(term.value)) {
      // only web links are clickable: a javascript: IRI in the data must not become one
      const a = document.createElement("a");
      a.href = term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value;
      if (term.datatype) { td.title = term.datatype; }
    }
    return td;
  }

  function render(data) {
    results.textContent = "";
    if (Object.prototype.hasOwnProperty.call(data, "boolean")) {
      results.textContent = data.boolean ? "true" : "false";
      status.textContent = "ASK answered.";
      return;
    }
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    data.head.vars.forEach(function (v) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    const body = table.createTBody();
    data.results.bindings.forEach(function (binding) {
      const row = body.insertRow();
      data.head.vars.forEach(function (v) { row.appendChild(cell(binding[v])); });
    });
    results.appendChild(table);
    status.textContent = data.results.bindings.length + " results.";
  }

  function run() {
    status.textContent = "Running…";
    const body = new URLSearchParams({ query: textarea.value });
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: body
    }).then(function (response) {
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {
        return response.json().then(function (err) { throw new Error(err.error); });
      }
      if (type.indexOf("json") >= 0) { return response.json().then(render); }
      return response.text().then(function (text) {
        results.textContent = "";
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.appendChild(pre);
        status.textContent = "Graph result.";
      });
    }).catch(function (error) {
      results.textContent = "";
      status.textContent = "Error: " + error.message;
    });
  }
}());
