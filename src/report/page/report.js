/* report.js: the report page's script: reads the embedded data and builds the page (placeholder). */
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('spygraph-data').textContent);
  const h = document.createElement('h1');
  h.textContent = data.title;
  document.getElementById('app').appendChild(h);
})();
