// ECL notifications for the pages: errors of the API in the visitor's language
// (errors.<CODE> messages), and the not-found notice of a page whose id or code
// names nothing (instead of "Something went wrong: id: ...").
//
//   import { notification, errorMessage, showError, showNotFound } from '/common/notify.js';
//   showNotFound(main, { id });            // ECL warning + link home
//   showError(box, err);                   // err thrown by gql(): its code's message
import { h } from '../map/dom.js';
import { t, has } from './i18n.js';

const ICONS = { info: 'information', success: 'check-filled', warning: 'warning', error: 'error' };

/** icon is an ECL icon of the sprite (decorative). */
export function icon(name, size = 'm', extra = '') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', `ecl-icon ecl-icon--${size} ${extra}`.trim());
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', `${spritePath()}#${name}`);
  svg.append(use);
  return svg;
}

/** spritePath is the hashed path of ECL's icon sprite, as the layout names it. */
function spritePath() {
  const u = document.querySelector('use[href*="/vendor/ecl/images/icons"]');
  return u ? u.getAttribute('href').split('#')[0] : '/vendor/ecl/images/icons.svg';
}

/** notification returns an ECL notification of variant info, success, warning
or error, with a title, a description and more children (links). role is
"alert" for errors and warnings, "status" otherwise. */
export function notification(variant, title, description, ...more) {
  const role = variant === 'error' || variant === 'warning' ? 'alert' : 'status';
  return h('div', { class: `ecl-notification ecl-notification--${variant}`, role },
    icon(ICONS[variant] || 'information', 'l', 'ecl-notification__icon'),
    h('div', { class: 'ecl-notification__content' },
      title && h('div', { class: 'ecl-notification__title' }, title),
      h('div', { class: 'ecl-notification__description' }, description, ...more)));
}

/** errorCode is the extensions.code of the first error of err (thrown by
gql), NETWORK when the server could not be reached, else UNKNOWN. */
export function errorCode(err) {
  const code = err?.errors?.[0]?.extensions?.code;
  if (code) return code;
  if (err instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
}

/** errorWhere is the argument or field the first error of err names, if any. */
export function errorWhere(err) {
  return err?.errors?.[0]?.extensions?.where;
}

/** errorMessage says what went wrong in the page's language: the errors.<CODE>
message and, for bad input, the argument it names (fields maps an argument to
the label the visitor sees). The server's own English message is not shown. */
export function errorMessage(err, fields = {}) {
  const code = errorCode(err);
  const key = has('errors.' + code) ? 'errors.' + code : 'errors.UNKNOWN';
  let text = t(key);
  const where = errorWhere(err);
  if (where && (code === 'INVALID' || code === 'CONFLICT')) text += ' ' + t('errors.argument', { field: fields[where] ?? where });
  return text;
}

/** showError replaces the children of el with an error notification for err
(so old results never stay visible under an error); fields as for errorMessage. */
export function showError(el, err, fields) {
  el.replaceChildren(notification('error', t('errors.title'), errorMessage(err, fields)));
}

/** showNotFound replaces the children of el with the notice that nothing has
this id (or country code), or that none was given, and a link home. */
export function showNotFound(el, { id, code } = {}) {
  let text = t('errors.itemMissing');
  if (code) text = t('errors.countryNotFound', { code });
  else if (id) text = t('errors.itemNotFound', { id });
  el.replaceChildren(notification('warning', t('errors.itemNotFoundTitle'), text, ' ',
    h('a', { class: 'ecl-link', href: '/' }, t('common.backHome'))));
}
