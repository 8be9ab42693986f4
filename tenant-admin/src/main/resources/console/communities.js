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
  $('registry-street').onchange = () => { list(context); follow(context); };
  $('registry-status').onchange = () => list(context);
  $('onboard').onsubmit = (event) => {
    event.preventDefault();
    onboard(context);
  };
  await list(context);
  follow(context);
}

let unfollow = null;

/**
 * The street's registry live: a community whose status changes while the screen is open (another
 * admin suspends it, an import finishes) is shown at once; after a reconnection the whole registry
 * is read again.
 * @param {Context} context
 */
function follow(context) {
  const { $, words } = context;
  unfollow?.();
  unfollow = context.live('AdminRegistryChanges', { street: $('registry-street').value },
    () => list(context),
    (on) => {
      $('registry-live').textContent = on ? words().live : words().notLive;
      $('registry-live').setAttribute('data-live', on ? 'on' : 'off');
    });
  context.onLeave(() => { unfollow?.(); unfollow = null; });
}

/**
 * What the person was typing on the rows drawn before — a reason, where the caret was — kept on
 * the rows drawn anew, so a change announced elsewhere does not wipe it.
 */
function keepTyped(table, rows) {
  const focused = document.activeElement;
  const typing = focused?.closest?.('#registry tr[data-community]')?.getAttribute('data-community');
  const typed = new Map([...table.querySelectorAll('tr[data-community]')].map((row) =>
    [row.getAttribute('data-community'), row.querySelector('[data-testid=reason]')?.value]));
  for (const row of rows) {
    const key = row.getAttribute('data-community');
    const reason = row.querySelector('[data-testid=reason]');
    if (!reason) continue;
    reason.value = typed.get(key) || '';
    if (key === typing && focused.matches('[data-testid=reason]')) {
      requestAnimationFrame(() => reason.focus());
    }
  }
}

/** Which listing is the latest: an older answer arriving late must not replace a newer one. */
let listing = 0;

/** @param {Context} context */
async function list(context) {
  const { $, words } = context;
  const turn = ++listing;
  const status = $('registry-status').value;
  const street = $('registry-street').value;
  const all = (await context.admin('AdminCommunities', { street }))?.registeredCommunities || [];
  const shown = all.filter((c) => !status || c.status === status);
  // the street's viewers read the registry; only its admins change it
  const runs = context.access.administers(street);
  $('onboard').hidden = !runs;
  if (!runs) $('archive-panel').hidden = true;
  const rows = await Promise.all(shown.map(async (community) => {
    const reason = element('input', {
      type: 'text', maxlength: '500', 'aria-label': `${community.name}: ${words().reason}`,
      'data-testid': 'reason',
    });
    const buttons = (runs ? ACTIONS[community.status] || [] : []).map((action) => {
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
      element('td', {}, ...(buttons.length ? [reason, ...buttons] : []), runs ? archive : null));
  }));
  if (turn !== listing) return all;
  keepTyped($('registry'), rows);
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
