// The communities screen: the street's registry with each community's status, filtered by status;
// onboarding a community with its first admin (whose invitation goes out by e-mail); suspending,
// reactivating and archiving one with a reason; its archive (export, erase, import) in the panel
// beside the registry. Every refusal is shown beside the field it names.

import { element, showErrors } from './dom.js';
import { showArchive } from './archive.js';

/** @typedef {import('./console.js').Context} Context */

const ACTIONS = { ACTIVE: ['Suspend', 'Archive'], SUSPENDED: ['Reactivate', 'Archive'] };

/** The mutation of each status action. */
const MUTATIONS = /** @type {const} */ ({
  Suspend: 'AdminSuspendCommunity',
  Reactivate: 'AdminReactivateCommunity',
  Archive: 'AdminArchiveCommunity',
});

/**
 * The streets the person may run in tenant-admin, as a picker's options.
 * @param {Context} context
 */
export async function streetPicker(context, select) {
  const streets = (await context.admin('AdminStreets'))?.streets || [];
  const chosen = select.value || sessionStorage.getItem('rg.console.street');
  select.replaceChildren(...streets.map((s) => new Option(s.name, s.key, false, s.key === chosen)));
  return streets;
}

/** @param {Context} context */
export async function showCommunities(context) {
  const { $, words } = context;
  const streets = await streetPicker(context, $('registry-street'));
  if (streets.length === 0) {
    $('registry').replaceChildren();
    context.say(words().noStreet);
    return;
  }
  $('registry-street').onchange = () => list(context);
  $('registry-status').onchange = () => list(context);
  $('onboard').onsubmit = (event) => {
    event.preventDefault();
    onboard(context);
  };
  await list(context);
}

/** @param {Context} context */
async function list(context) {
  const { $, words } = context;
  const status = $('registry-status').value;
  const all = (await context.admin('AdminCommunities', { street: $('registry-street').value }))
    ?.registeredCommunities || [];
  const shown = all.filter((c) => !status || c.status === status);
  const rows = await Promise.all(shown.map(async (community) => {
    const reason = element('input', {
      type: 'text', maxlength: '500', 'aria-label': `${community.name}: ${words().reason}`,
      'data-testid': 'reason',
    });
    const buttons = (ACTIONS[community.status] || []).map((action) => {
      const button = element('button', { type: 'button', 'data-action': action.toLowerCase() },
        words()[action.toLowerCase()]);
      button.addEventListener('click', () => changeStatus(context, community, action, reason));
      return button;
    });
    const archive = element('button', { type: 'button', 'data-action': 'archive-panel' },
      words().archivePanel);
    archive.addEventListener('click', () => openArchive(context, community));
    return element('tr', { 'data-community': community.key, 'data-status': community.status },
      element('td', {}, community.key),
      element('td', {}, community.name),
      element('td', {}, await context.label(community.status)),
      element('td', {}, community.statusReason || ''),
      element('td', {}, community.statusChangedAt ? new Date(community.statusChangedAt).toLocaleString(context.language()) : ''),
      element('td', {}, ...(buttons.length ? [reason, ...buttons] : []), archive));
  }));
  $('registry').replaceChildren(
    element('tr', {}, ...['key', 'name', 'status', 'reason', 'changedAt', 'actions'].map((w) =>
      element('th', { scope: 'col' }, words()[w]))),
    ...rows);
  return all;
}

/**
 * The archive panel of a community; it lists the registry again after every change.
 * @param {Context} context
 */
function openArchive(context, community) {
  showArchive(context, context.$('archive-panel'), community,
    async () => (await list(context)).find((c) => c.key === community.key));
}

/** @param {Context} context */
async function changeStatus(context, community, action, reason) {
  const answer = await context.admin(MUTATIONS[action], {
    input: { communityKey: community.key, reason: reason.value },
  });
  const payload = answer && Object.values(answer)[0];
  if (payload?.errors?.length) {
    context.say(payload.errors.map((e) => `${e.code}: ${e.message}`).join('; '));
    return;
  }
  context.say(`${community.name}: ${await context.label(payload?.community?.status)}`);
  await list(context);
}

/** @param {Context} context */
async function onboard(context) {
  const { $, words } = context;
  const form = $('onboard');
  const value = (name) => form.elements[name].value.trim();
  const answer = await context.admin('AdminOnboardCommunity', {
    input: {
      streetKey: $('registry-street').value,
      key: value('key'),
      name: value('name'),
      firstAdmin: { username: value('username'), email: value('email') },
    },
  });
  const payload = answer?.onboardCommunity;
  if (!payload) return;
  showErrors(form, payload.errors, $('onboard-error'));
  if (payload.errors.length) return;
  context.say(`${payload.community.name}: ${await context.label(payload.community.status)}`
    + (payload.invitationSent ? ` · ${words().invitationSent}` : ''));
  form.reset();
  await list(context);
}
