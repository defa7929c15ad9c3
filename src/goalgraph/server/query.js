"use strict";
const queries = JSON.parse(document.getElementById("named-queries").textContent);
const form = document.getElementById("form"), editor = document.getElementById("query");
const status = document.getElementById("status"), error = document.getElementById("error");
const results = document.getElementById("results"), parameters = document.getElementById("parameters");
let chosen = null;

for (const q of queries) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = q.name;
  button.title = q.description;
  button.addEventListener("click", () => choose(q));
  document.getElementById("named").appendChild(button);
}

function choose(q) {
  chosen = q.parameters.length ? q : null;
  editor.value = q.text;
  parameters.replaceChildren();
  for (const p of q.parameters) {
    const label = document.createElement("label");
    label.textContent = p.name + (p.required ? " (required): " : ": ") + p.description + " ";
    const input = document.createElement("input");
    input.name = p.name;
    input.required = p.required;
    label.appendChild(input);
    parameters.appendChild(label);
    parameters.appendChild(document.createElement("br"));
  }
}

editor.addEventListener("input", () => { chosen = null; parameters.replaceChildren(); });

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.textContent = "";
  status.textContent = "running…";
  results.replaceChildren();
  let response;
  const accept = {"Accept": "application/sparql-results+json"};
  if (chosen) {
    const params = new URLSearchParams();
    for (const input of parameters.querySelectorAll("input")) if (input.value) params.set(input.name, input.value);
    response = await fetch("/queries/" + encodeURIComponent(chosen.name) + "?" + params, {headers: accept});
  } else {
    response = await fetch("/sparql", {method: "POST", headers: {...accept, "Content-Type": "application/sparql-query"}, body: editor.value});
  }
  status.textContent = "";
  if (!response.ok) { error.textContent = response.status + ": " + await response.text(); return; }
  show(await response.json());
});

function show(data) {
  if ("boolean" in data) { status.textContent = String(data.boolean); return; }
  const head = document.createElement("tr");
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  results.appendChild(head);
  for (const binding of data.results.bindings) {
    const row = document.createElement("tr");
    for (const v of data.head.vars) {
      const td = document.createElement("td");
      const value = binding[v];
      if (value) {
        if (value.type === "uri" && /^https?:/.test(value.value)) {
          const a = document.createElement("a"); a.href = value.value; a.textContent = value.value; td.appendChild(a);
        } else {
          td.textContent = value.value + (value["xml:lang"] ? " @" + value["xml:lang"] : "");
        }
      }
      row.appendChild(td);
    }
    results.appendChild(row);
  }
  status.textContent = data.results.bindings.length + " rows";
}
