// The people screen: the street's own people (admins and viewers) and, per community of the street,
// who holds which role; granting and revoking a role, removing someone from the community (all
// their roles there, asked twice); inviting someone by e-mail or phone to a
// community role, with the invitations still open. Typed
// refusals (LAST_ADMIN when the last admin would go, INVALID_INPUT …) show beside what they concern.

import { element, showErrors } from './dom.js';
import { streetPicker } from './communities.js';

/** @typedef {import('./console.js').Context} Context */

const ROLES = ['ADMIN', 'SECRETARY', 'OWNERS_COMMITTEE', 'SUPERVISOR', 'OWNER_REP', 'PARTY_MEMBER', 'RESIDENT'];

/** @param {Context} context */
async function roleOptions(context, select) {
  select.replaceChildren(...await Promise.all(ROLES.map(async (role) =>
    new Option(await context.label(role), role))));
}

/** @param {Context} context */
export async function showPeople(context) {
  const { $ } = context;
  const streets = await streetPicker(context, $('people-street'));
  // a community's admin without a street role sees their own communities' people only
  $('people-street').hidden = streets.length === 0;
  $('people-street-label').hidden = streets.length === 0;
  $('street-section').hidden = streets.length === 0;
  $('people-street').onchange = () => { street(context); communities(context); };
  $('street-grant').onsubmit = (event) => {
    event.preventDefault();
    grantOnStreet(context);
  };
  $('people-community').onchange = () => list(context);
  await roleOptions(context, $('invite-role'));
  $('invite').onsubmit = (event) => {
    event.preventDefault();
    invite(context);
  };
  await street(context);
  await communities(context);
}

/**
 * The street's admins and viewers, each role with its revoke button.
 * @param {Context} context
 */
async function street(context) {
  const { $, words } = context;
  const key = $('people-street').value;
  if (!key) return;
  const people = (await context.admin('AdminStreetPeople', { street: key }))?.streetPeople || [];
  const runs = context.access.administers(key);
  $('street-grant').hidden = !runs;
  $('street-people').replaceChildren(
    element('tr', {}, ...['name', 'username', 'roles'].map((w) => element('th', { scope: 'col' }, words()[w]))),
    ...people.map((person) => element('tr', { 'data-street-person': person.username },
      element('td', {}, person.name),
      element('td', {}, person.username),
      element('td', {}, ...person.roles.map((role) => {
        if (!runs) return element('span', { class: 'chip' }, role);
        const revoke = element('button', {
          type: 'button', 'data-revoke-street': role, 'aria-label': `${words().revoke} ${person.name} ${role}`,
        }, `${role} ✕`);
        revoke.addEventListener('click', () => onStreet(context, 'AdminRevokeStreetRole', person.username, role));
        return revoke;
      })))));
}

/** @param {Context} context */
async function grantOnStreet(context) {
  const form = context.$('street-grant');
  await onStreet(context, 'AdminGrantStreetRole', form.elements.username.value.trim(), form.elements.role.value);
}

/** @param {Context} context */
async function onStreet(context, document, username, role) {
  const { $ } = context;
  const answer = await context.admin(document, {
    input: { streetKey: $('people-street').value, username, role },
  });
  const payload = answer && Object.values(answer)[0];
  if (!payload) return;
  showErrors($('street-grant'), payload.errors, $('street-error'));
  if (payload.errors.length) return;
  $('street-grant').reset();
  await street(context);
}

/** @param {Context} context */
async function communities(context) {
  const { $ } = context;
  const street = $('people-street').value;
  const usable = street
    ? ((await context.admin('AdminCommunities', { street }))?.registeredCommunities || [])
      .filter((c) => c.status === 'ACTIVE' || c.status === 'ONBOARDING')
    : context.access.communitiesAdministered;
  $('people-community').replaceChildren(...usable.map((c) => new Option(c.name, c.key)));
  await list(context);
}

/** @param {Context} context */
async function list(context) {
  const { $, words } = context;
  const community = $('people-community').value;
  if (!community) return;
  const data = await context.admin('AdminPeople', { community });
  const people = data?.communityPeople || [];
  const manages = context.access.managesPeopleOf(community, $('people-street').value);
  $('invite').hidden = !manages;
  const rows = await Promise.all(people.map(async (person) => {
    const chips = await Promise.all(person.roles.map(async (role) => {
      if (!manages) return element('span', { class: 'chip' }, await context.label(role));
      const revoke = element('button', {
        type: 'button', 'data-revoke': role, 'aria-label': `${words().revoke} ${person.name} ${role}`,
      }, `${await context.label(role)} ✕`);
      revoke.addEventListener('click', () => change(context, 'AdminRevokeRole', person, role, row));
      return revoke;
    }));
    const pick = element('select', { 'aria-label': `${person.name}: ${words().role}`, 'data-testid': 'grant-role' });
    await roleOptions(context, pick);
    const grant = element('button', { type: 'button', 'data-testid': 'grant' }, words().grant);
    grant.addEventListener('click', () => change(context, 'AdminGrantRole', person, pick.value, row));
    const error = element('span', { class: 'field-error', role: 'alert', 'data-testid': 'person-error' });
    // taking all of someone's roles is asked twice: the button first turns into its confirmation
    const remove = element('button', { type: 'button', 'data-testid': 'remove' }, words().remove);
    remove.addEventListener('click', () => {
      if (remove.getAttribute('data-confirm') !== 'yes') {
        remove.setAttribute('data-confirm', 'yes');
        remove.textContent = `${words().confirmRemove} ${person.name}`;
        return;
      }
      removeFromCommunity(context, person, row);
    });
    const row = element('tr', { 'data-person': person.username },
      element('td', {}, person.name),
      element('td', {}, person.username),
      element('td', {}, ...chips),
      element('td', {}, ...(manages ? [pick, grant, remove, error] : [])));
    return row;
  }));
  $('people').replaceChildren(
    element('tr', {}, ...['name', 'username', 'roles', 'actions'].map((w) =>
      element('th', { scope: 'col' }, words()[w]))),
    ...rows);
  $('invitations').replaceChildren(...await Promise.all((data?.invitations || []).map(async (i) =>
    element('li', { 'data-invitation': i.id },
      `${i.inviteeName || i.sentTo} · ${await context.label(i.role)} · ${i.channel} ${i.sentTo}`
      + ` · ${words().expires} ${new Date(i.expiresAt).toLocaleDateString(context.language())}`))));
}

/**
 * Takes all of the person's roles in the community (not elsewhere); LAST_ADMIN and the other
 * refusals show on their row.
 * @param {Context} context
 */
async function removeFromCommunity(context, person, row) {
  const answer = await context.admin('AdminRemoveFromCommunity', {
    input: { communityKey: context.$('people-community').value, username: person.username },
  });
  const errors = answer?.removeFromCommunity?.errors || [];
  if (errors.length) {
    row.querySelector('[data-testid=person-error]').textContent =
      errors.map((e) => `${e.code}: ${e.message}`).join('; ');
    return;
  }
  await list(context);
}

/** @param {Context} context */
async function change(context, document, person, role, row) {
  const answer = await context.admin(document, {
    input: { communityKey: context.$('people-community').value, username: person.username, role },
  });
  const payload = answer && Object.values(answer)[0];
  if (payload?.errors?.length) {
    row.querySelector('[data-testid=person-error]').textContent =
      payload.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
    return;
  }
  await list(context);
}

/** @param {Context} context */
async function invite(context) {
  const { $, words } = context;
  const form = $('invite');
  const value = (name) => form.elements[name].value.trim() || null;
  const answer = await context.admin('AdminInvitePerson', {
    input: {
      communityKey: $('people-community').value,
      email: value('email'),
      phone: value('phone'),
      firstName: value('firstName'),
      role: form.elements.role.value,
    },
  });
  const payload = answer?.invitePerson;
  if (!payload) return;
  showErrors(form, payload.errors, $('invite-error'));
  if (payload.errors.length) return;
  context.say(payload.invitationSent ? words().invitationSent : '');
  form.reset();
  await list(context);
}
