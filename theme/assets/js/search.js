// Search for the clinic site: loads the index the build wrote and ranks pages in the browser.
// Title matches rank above matches in the text. Stemming mirrors SearchText in src/Site.Web, and the
// index keeps each title's stems in order (repeats included) so a title's weight can be measured.
(function () {
  "use strict";

  var STOP = ("a an and are as at be but by can do for from has have how i if in is it its of on or our so that the their " +
    "them then there they this to up was we what when which who will with you your").split(" ");

  function stem(word) {
    if (word.length > 4 && /ies$/.test(word)) { return word.slice(0, -3) + "y"; }
    if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) { return word.slice(0, -2); }
    if (word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) { return word.slice(0, -1); }
    return word;
  }

  function stems(text) {
    return text.toLowerCase().replace(/['\u2019]/g, "").split(/[^\p{L}\p{N}]+/u)
      .filter(function (w) { return w.length > 1 && STOP.indexOf(w) < 0; })
      .map(stem);
  }

  var KIND_ORDER = { Article: 0, Condition: 1, Service: 2, Author: 3 };

  function matches(words, term) {
    var count = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i] === term || words[i].indexOf(term) === 0) { count++; }
    }
    return count;
  }

  // Every term must appear somewhere. Pages whose title holds more of the terms come first; among those,
  // articles before condition guides before people; then the title where the terms weigh most.
  function rank(page, terms) {
    var title = page[4].split(" "), text = page[5].split(" ");
    var titleTerms = 0, titleHits = 0;
    for (var i = 0; i < terms.length; i++) {
      var inTitle = matches(title, terms[i]);
      if (inTitle === 0 && matches(text, terms[i]) === 0) { return null; }
      if (inTitle > 0) { titleTerms++; titleHits += inTitle; }
    }
    return { page: page, titleTerms: titleTerms, kind: page[2] in KIND_ORDER ? KIND_ORDER[page[2]] : 9, density: titleHits / Math.max(1, title.length) };
  }

  function compare(a, b) {
    return b.titleTerms - a.titleTerms || a.kind - b.kind || b.density - a.density || a.page[1].localeCompare(b.page[1]);
  }

  function render(list, status, results, query) {
    list.textContent = "";
    results.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "card";
      var heading = document.createElement("h2");
      heading.className = "card__title";
      var link = document.createElement("a");
      link.href = page[0];
      link.textContent = page[1];
      heading.appendChild(link);
      var kind = document.createElement("p");
      kind.className = "card__meta";
      kind.textContent = page[2];
      var description = document.createElement("p");
      description.textContent = page[3];
      item.appendChild(heading);
      item.appendChild(kind);
      item.appendChild(description);
      list.appendChild(item);
    });
    status.textContent = results.length === 0
      ? "No pages match \u201c" + query + "\u201d."
      : results.length + (results.length === 1 ? " page matches" : " pages match") + " \u201c" + query + "\u201d.";
  }

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) { return; }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (!query.trim()) { return; }

  fetch(form.getAttribute("data-index"))
    .then(function (response) { return response.json(); })
    .then(function (index) {
      var terms = stems(query);
      var results = terms.length === 0 ? [] : index.pages
        .map(function (page) { return rank(page, terms); })
        .filter(function (r) { return r !== null; })
        .sort(compare)
        .map(function (r) { return r.page; });
      render(list, status, results, query);
    })
    .catch(function () { status.textContent = "Search is not available right now. The Articles and Conditions pages in the menu list everything."; });
})();
