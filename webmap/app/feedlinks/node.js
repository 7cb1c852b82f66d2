// On an event's page, a link to the event as an iCalendar file. The node page
// names the node it shows in #node-root's data-id and data-kind once drawn.
import { t } from '../common/i18n.js';

const root = document.getElementById('node-root');

function addLink() {
  if (!root || root.dataset.kind !== 'Event' || !root.dataset.id || root.querySelector('[data-hook="event-ics"]')) return;
  const a = document.createElement('a');
  a.className = 'ecl-link ecl-link--standalone';
  a.href = `/events/${encodeURIComponent(root.dataset.id)}.ics`;
  a.type = 'text/calendar';
  a.textContent = t('feeds.addEvent');
  const p = document.createElement('p');
  p.className = 'ewsi-feed-links';
  p.dataset.hook = 'event-ics';
  p.append(a);
  const first = root.firstElementChild;
  if (first) first.after(p);
  else root.append(p);
}

if (root) {
  new MutationObserver(addLink).observe(root, { attributes: true, attributeFilter: ['data-id', 'data-kind'] });
  addLink();
}
