// Loaded before Decap CMS: the editor starts only once editor.js has registered the site's own preview.
window.CMS_MANUAL_INIT = true;
