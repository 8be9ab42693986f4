// The audit log screen: the street's entries, the latest first, fifty at a time, with who did what
// to which community and how it ended; filtered by community or action in the page.

import { element } from './dom.js';
import { streetPicker } from './communities.js';

/** @typedef {import('./console.js').Context} Context */

let entries = [];

/** @param {Context} context */
export async function showAudit(context) {
  const { $ } = context;
  await streetPicker(context, $('audit-street'));
  $('audit-street').onchange = () => load(context, true);
  $('audit-filter').oninput = () => draw(context);
  $('audit-more').onclick = () => load(context, false);
  await load(context, true);
}

/** @param {Context} context */
async function load(context, fresh) {
  const { $ } = context;
  const before = fresh || entries.length === 0 ? null : entries[entries.length - 1].id;
  const page = (await context.admin('AdminAuditEvents', { street: $('audit-street').value, before }))
    ?.auditEvents || [];
  entries = fresh ? page : entries.concat(page);
  $('audit-more').hidden = page.length < 50;
  draw(context);
}

/** @param {Context} context */
function draw(context) {
  const { $, words } = context;
  const filter = $('audit-filter').value.trim().toLowerCase();
  const shown = entries.filter((e) => !filter
    || `${e.action} ${e.communityKey || ''} ${e.actorName}`.toLowerCase().includes(filter));
  $('audit').replaceChildren(
    element('tr', {}, ...['occurredAt', 'actor', 'action', 'community', 'result', 'reason'].map((w) =>
      element('th', { scope: 'col' }, words()[w]))),
    ...shown.map((e) => element('tr', { 'data-action': e.action, 'data-result': e.result },
      element('td', {}, new Date(e.occurredAt).toLocaleString(context.language())),
      element('td', {}, e.actorName),
      element('td', {}, e.action),
      element('td', {}, e.communityKey || ''),
      element('td', {}, e.result),
      element('td', {}, e.reason || ''))));
}
