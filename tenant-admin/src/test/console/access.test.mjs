// Component tests of the console's pure modules, run with Node's own test runner (node --test) by
// ConsoleComponentTests: what each kind of person is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessOf } from '../../main/resources/console/access.js';

const community = (key, street, ...myRoles) => ({ key, name: key, myRoles, street: { key: street, name: street } });
const viewer = (overrides) => ({
  username: 'someone', displayName: 'Someone', platformOperator: false,
  streetRoles: [], reachableCommunities: [], ...overrides,
});

test('the platform operator is offered every screen and runs every street', () => {
  const access = accessOf(viewer({ platformOperator: true }));
  assert.deepEqual([...access.screens].sort(),
    ['#audit', '#communities', '#dashboard', '#people', '#rollout']);
  assert.equal(access.administers('any-street'), true);
  assert.equal(access.managesPeopleOf('any-community', 'any-street'), true);
});

test("a street's admin runs their street, not another", () => {
  const access = accessOf(viewer({ streetRoles: [{ streetKey: 'baishalu', roles: ['ADMIN'] }] }));
  assert.ok(access.screens.has('#audit'));
  assert.equal(access.administers('baishalu'), true);
  assert.equal(access.administers('gutang'), false);
  assert.equal(access.managesPeopleOf('qingyuan', 'gutang'), false);
});

test("a street's viewer reads, is offered no audit log, and changes nothing", () => {
  const access = accessOf(viewer({ streetRoles: [{ streetKey: 'baishalu', roles: ['VIEWER'] }] }));
  assert.deepEqual([...access.screens].sort(), ['#communities', '#dashboard', '#people', '#rollout']);
  assert.equal(access.administers('baishalu'), false);
  assert.equal(access.managesPeopleOf('baiguoshu', 'baishalu'), false);
});

test("a community's admin manages that community's people only", () => {
  const access = accessOf(viewer({
    reachableCommunities: [community('baiguoshu', 'baishalu', 'ADMIN'), community('xinhua', 'baishalu', 'RESIDENT')],
  }));
  assert.deepEqual([...access.screens].sort(), ['#people', '#rollout']);
  assert.equal(access.managesPeopleOf('baiguoshu', ''), true);
  assert.equal(access.managesPeopleOf('xinhua', ''), false);
  assert.deepEqual(access.communitiesAdministered.map((c) => c.key), ['baiguoshu']);
});

test('a resident is offered nothing', () => {
  const access = accessOf(viewer({ reachableCommunities: [community('baiguoshu', 'baishalu', 'RESIDENT')] }));
  assert.equal(access.screens.size, 0);
});

test("a community's secretary sees the rollout of their community, and no people to manage", () => {
  const access = accessOf(viewer({ reachableCommunities: [community('baiguoshu', 'baishalu', 'SECRETARY')] }));
  assert.deepEqual([...access.screens], ['#rollout']);
});
