// The audit log screen: the street's entries, the latest first, fifty at a time, with who did what
// to which community and how it ended; searched by community, action and dates in tenant-admin
// (the whole log, not only the entries loaded), and exported as a workbook with the same entries.

import { element } from './dom.js';
import { streetPicker } from './communities.js';
import { download } from './download.js';

/** @typedef {import('./console.js').Context} Context */

/** What tenant-admin records, offered as the action field's suggestions. */
const ACTIONS = [
  'community.onboarded', 'community.suspended', 'community.reactivated', 'community.archived',
  'community.exported', 'community.erased', 'community.imported', 'role.granted', 'role.revoked',
  'invitation.sent', 'invitation.accepted', 'invitation.cancelled', 'street-role.granted',
  'street-role.revoked', 'street.created', 'audit.exported',
];

let entries = [];

/** @param {Context} context */
export async function showAudit(context) {
  const { $ } = context;
  await streetPicker(context, $('audit-street'));
  $('audit-actions').replaceChildren(...ACTIONS.map((a) => element('option', { value: a })));
  $('audit-street').onchange = async () => { await communities(context); load(context, true); };
  $('audit-search').onsubmit = (event) => { event.preventDefault(); load(context, true); };
  $('audit-more').onclick = () => load(context, false);
  $('audit-export').onclick = () => exportLog(context);
  await communities(context);
  await load(context, true);
}

/** @param {Context} context */
async function communities(context) {
  const { $, words } = context;
  const all = (await context.admin('AdminCommunities', { street: $('audit-street').value }))
    ?.registeredCommunities || [];
  $('audit-community').replaceChildren(new Option(words().allCommunities, ''),
    ...all.map((c) => new Option(`${c.name}（${c.key}）`, c.key)));
}

/**
 * The search as tenant-admin takes it: dates are whole days in China's time, the until day
 * included.
 * @param {Context} context
 */
function filter(context) {
  const { $ } = context;
  const day = (value, next) => {
    if (!value) return null;
    const date = new Date(`${value}T00:00:00+08:00`);
    if (next) date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString();
  };
  return {
    communityKey: $('audit-community').value || null,
    action: $('audit-action').value.trim() || null,
    from: day($('audit-from').value, false),
    until: day($('audit-until').value, true),
  };
}

/** @param {Context} context */
async function load(context, fresh) {
  const { $ } = context;
  const before = fresh || entries.length === 0 ? null : entries[entries.length - 1].id;
  const page = (await context.admin('AdminAuditEvents',
    { street: $('audit-street').value, before, filter: filter(context) }))?.auditEvents || [];
  entries = fresh ? page : entries.concat(page);
  $('audit-more').hidden = page.length < 50;
  draw(context);
}

/** @param {Context} context */
function draw(context) {
  const { $, words } = context;
  $('audit').replaceChildren(
    element('tr', {}, ...['occurredAt', 'actor', 'action', 'community', 'result', 'reason'].map((w) =>
      element('th', { scope: 'col' }, words()[w]))),
    ...entries.map((e) => element('tr', { 'data-action': e.action, 'data-result': e.result },
      element('td', {}, new Date(e.occurredAt).toLocaleString(context.language())),
      element('td', {}, e.actorName),
      element('td', {}, e.action),
      element('td', {}, e.communityKey || ''),
      element('td', {}, e.result),
      element('td', {}, e.reason || ''))));
}

/**
 * The entries of the same search as a workbook, from tenant-admin's export.
 * @param {Context} context
 */
async function exportLog(context) {
  const { $, words } = context;
  const street = $('audit-street').value;
  const query = new URLSearchParams(Object.entries(filter(context)).filter(([, v]) => v));
  const answer = await download(context,
    `/streets/${encodeURIComponent(street)}/audit-log.xlsx?${query}`, `audit-log-${street}.xlsx`);
  context.say(answer.ok ? words().exported : `${answer.status}`);
}
