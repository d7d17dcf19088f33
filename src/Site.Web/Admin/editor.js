// The editor's own additions to Decap CMS, loaded after its bundle. Decap reads config.yml (generated from the
// content model by the build) from this folder by itself.
(function () {
  'use strict';
  if (!window.CMS) {
    document.body.textContent = 'The editor could not start: its program did not load.';
  }
})();
