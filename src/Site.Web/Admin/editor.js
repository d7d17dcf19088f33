// The editor's own additions to Decap CMS, loaded after its bundle: every collection's preview pane shows the
// entry as the site's own templates render it, with the build's messages about it above the page. On this
// computer 'site serve' draws that preview; on the published editor, where nothing renders, the pane says where
// the preview is (the pull request's deploy preview).
(function () {
  'use strict';
  var CMS = window.CMS;
  if (!CMS || !window.createClass || !window.h) {
    document.body.textContent = 'The editor could not start: its program did not load.';
    return;
  }

  var h = window.h;
  var PREVIEW = '/admin/backend/preview';
  var WAIT_MS = 400; // after the last keystroke, so typing is not slowed by builds

  var SitePreview = window.createClass({
    getInitialState: function () {
      return { state: 'waiting', url: null, diagnostics: [], elsewhere: 0, version: 0 };
    },
    componentDidMount: function () {
      this.ticket = 0;
      this.schedule();
    },
    componentDidUpdate: function (previous) {
      if (previous.entry !== this.props.entry) {
        this.schedule();
      }
    },
    componentWillUnmount: function () {
      window.clearTimeout(this.timer);
      this.ticket = -1;
    },
    schedule: function () {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(this.request, WAIT_MS);
    },
    request: function () {
      var self = this;
      var entry = this.props.entry;
      var ticket = ++this.ticket;
      var body = {
        collection: entry.get('collection'),
        path: entry.get('newRecord') ? null : entry.get('path') || null,
        data: entry.get('data').toJS()
      };
      window.fetch(PREVIEW, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (!response.ok && response.status !== 422) {
          throw new Error('offline');
        }
        return response.json();
      }).then(function (answer) {
        if (ticket !== self.ticket) {
          return;
        }
        if (answer.error) {
          self.setState({ state: 'refused', url: null, diagnostics: [{ severity: 'error', field: '', message: answer.error, help: '' }] });
          return;
        }
        self.setState({ state: 'ready', url: answer.url, diagnostics: answer.diagnostics || [], elsewhere: answer.elsewhere || 0, version: ticket });
      }).catch(function () {
        if (ticket === self.ticket) {
          self.setState({ state: 'offline' });
        }
      });
    },
    label: function (field) {
      var fields = this.props.collection ? this.props.collection.get('fields') : null;
      var match = fields ? fields.find(function (f) { return f.get('name') === field; }) : null;
      return match ? match.get('label') : field;
    },
    messages: function () {
      var self = this;
      var items = this.state.diagnostics.map(function (d, i) {
        var where = d.field ? self.label(d.field) + ': ' : '';
        return h('li', { key: i, 'data-severity': d.severity, style: { margin: '0 0 6px' } },
          h('strong', null, (d.severity === 'error' ? 'Must fix' : 'Check') + ' — ' + where),
          d.message + (d.help ? ' ' + d.help : ''));
      });
      var checks = this.state.state === 'ready' && items.length === 0
        ? h('p', { style: { margin: 0 } }, 'The build finds nothing to fix in this entry.')
        : h('ul', { style: { margin: 0, paddingLeft: '20px' } }, items);
      var elsewhere = this.state.elsewhere > 0
        ? h('p', { style: { margin: '6px 0 0' } }, this.state.elsewhere + ' problem(s) in other files stop the site from building; the site\'s own pages list them.')
        : null;
      var failing = this.state.diagnostics.some(function (d) { return d.severity === 'error'; });
      return h('section', {
        'data-site': 'editor-diagnostics',
        'aria-live': 'polite',
        style: {
          font: '15px/1.45 system-ui, sans-serif',
          padding: '12px 16px',
          background: failing ? '#fdecea' : '#eef6ee',
          borderBottom: '1px solid #ccc',
          color: '#1d1d1d'
        }
      }, h('h2', { style: { font: '600 15px system-ui, sans-serif', margin: '0 0 6px' } }, 'What the build says about this entry'), checks, elsewhere);
    },
    render: function () {
      if (this.state.state === 'offline') {
        return h('section', { 'data-site': 'editor-diagnostics', style: { font: '15px/1.45 system-ui, sans-serif', padding: '16px' } },
          h('h2', { style: { font: '600 17px system-ui, sans-serif' } }, 'The page preview appears after you save'),
          h('p', null, 'Every saved change becomes a pull request, and Netlify builds a deploy preview of it with all of the site\'s checks. Open it from the link at the top of this page once the change is saved.'),
          h('p', null, 'To see each change as you type, edit on your computer with "site serve" (see the README).'));
      }
      var frame = this.state.url
        ? h('iframe', {
          title: 'The page as readers will see it',
          'data-site': 'editor-preview-page',
          src: window.location.origin + this.state.url + '?v=' + this.state.version,
          style: { border: 0, width: '100%', height: '100vh', display: 'block' }
        })
        : h('p', { style: { font: '15px/1.45 system-ui, sans-serif', padding: '16px' } },
          this.state.state === 'waiting' ? 'Building the preview…' : 'The page cannot be built from these values yet: fix the problems above.');
      return h('div', null, this.messages(), frame);
    }
  });

  window.fetch('/admin/config.yml').then(function (response) {
    return response.text();
  }).then(function (text) {
    // Written as JSON (which is also YAML) after one comment line.
    var config = JSON.parse(text.replace(/^#.*\n/, ''));
    (config.collections || []).forEach(function (collection) {
      if (collection.folder) { // the content kinds; site settings have no page of their own
        CMS.registerPreviewTemplate(collection.name, SitePreview);
      }
    });
  }).catch(function () {
    // Without the configuration Decap reports the problem itself when it starts.
  }).then(function () {
    CMS.init();
  });
})();
