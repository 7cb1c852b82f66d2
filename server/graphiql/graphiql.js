// GraphiQL for EWSI Graph: served as a file of its own (no inline script), so
// that a Content-Security-Policy without 'unsafe-inline' admits it.
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# EWSI Graph: the European Web Site on Integration as a knowledge graph.\n' +
  '# Items marked demo: true are generated demo content.\n' +
  '{\n  themes { name(lang: FR) subthemes { name } }\n  principles { number short }\n' +
  '  countries(eu: true) { iso2 name }\n' +
  '  practices(first: 5) { totalCount edges { node { title demo implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } }\n}\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery }));

// GraphiQL's code editors (CodeMirror) take input through a hidden textarea that
// has no label, and scroll in a region that takes no focus. Name each editor's
// textarea after the editor it belongs to, and let the scrolling regions take
// focus, whenever GraphiQL (re)renders them.
const EDITORS = [
  ['.graphiql-query-editor', 'Query'],
  ['.graphiql-editor-tool .graphiql-editor:not(.hidden)', 'Variables'],
  ['.graphiql-editor-tool .graphiql-editor.hidden', 'Headers'],
  ['.graphiql-response', 'Response'],
];
function labelEditors() {
  for (const [selector, name] of EDITORS) {
    for (const box of document.querySelectorAll(selector)) {
      for (const ta of box.querySelectorAll('textarea:not([aria-label])')) ta.setAttribute('aria-label', name + ' (input)');
      for (const sc of box.querySelectorAll('.CodeMirror-scroll:not([data-ewsi-focusable])')) {
        sc.dataset.ewsiFocusable = '';
        sc.setAttribute('tabindex', '0');
        sc.setAttribute('role', 'region');
        sc.setAttribute('aria-label', name + ' (text, scrollable)');
      }
    }
  }
  for (const ta of document.querySelectorAll('.CodeMirror textarea:not([aria-label])')) ta.setAttribute('aria-label', 'Code editor');
}
new MutationObserver(labelEditors).observe(document.getElementById('graphiql'), { childList: true, subtree: true });
labelEditors();
