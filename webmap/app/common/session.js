// The editor's token for this browser tab. Until accounts exist, editors paste
// the server's EWSI_EDITOR_TOKEN; it is kept in sessionStorage only (gone when
// the tab closes) and sent as a bearer token by the editor tools.

const KEY = 'ewsi.editorToken';
const BY = 'ewsi.editorName';

/** editorToken returns the token of this tab, or ''. */
export function editorToken() {
  return sessionStorage.getItem(KEY) || '';
}

/** setEditorToken stores (or, with '', forgets) the token and tells the page. */
export function setEditorToken(token) {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  window.dispatchEvent(new CustomEvent('ewsi:editor', { detail: { on: Boolean(token) } }));
}

/** editorName returns the name the editor signs links with. */
export function editorName() {
  return sessionStorage.getItem(BY) || '';
}

/** setEditorName remembers the name for this tab. */
export function setEditorName(name) {
  sessionStorage.setItem(BY, name);
}
