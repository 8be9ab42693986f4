// The street office console: the shell every screen runs in — login (the realm's authorization-code
// flow with PKCE, silent refresh, logout), the language, and one GraphQL helper. Plain modules, no
// build step and nothing from a CDN: the page, its scripts and ECharts come from tenant-admin.
import { createLogin } from './lib/oidc-pkce.js';
import { WORDS, languageOf, translate } from './i18n.js';
import { showDashboard } from './dashboard.js';
import { showRollout } from './rollout.js';
import { showCommunities } from './communities.js';
import { showAudit } from './audit.js';
import { showPeople } from './people.js';

const config = await (await fetch('config.json')).json();
const $ = (id) => document.getElementById(id);
const documents = new Map();
let language = languageOf(localStorage);

const session = createLogin({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}${location.pathname}`,
});

const say = (text) => { $('status').textContent = text || ''; };

async function documentText(name) {
  if (!documents.has(name)) {
    documents.set(name, await (await fetch(`documents/${name}.graphql`)).text());
  }
  return documents.get(name);
}

/** One GraphQL request; errors are shown, the data (partial or not) returned. */
async function request(url, name, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: session.bearer() },
    body: JSON.stringify({ query: await documentText(name), variables }),
  });
  const answer = await response.json();
  if (answer.errors) {
    say(answer.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  }
  return answer.data;
}

/** A request to platform-api. */
const platform = (name, variables = {}) => request(`${config.apiUrl}/graphql`, name, variables);

/** A request to tenant-admin, on this same origin. */
const admin = (name, variables = {}) => request('/graphql', name, variables);

let statusLabels = null;

/** An enum value's label: platform-api's zh-CN labels, or the value in English words. */
async function label(value) {
  if (!value) return value;
  if (language === 'en') {
    return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
  }
  if (!statusLabels) {
    const data = await platform('Labels');
    statusLabels = new Map([...(data?.stages || []), ...(data?.ratings || []), ...(data?.statuses || []), ...(data?.roles || [])]
      .map((l) => [l.value, l.label]));
  }
  return statusLabels.get(value) || value;
}

/** The screens' shared means: words, requests, the session and the configuration. */
const context = {
  config,
  words: () => WORDS[language],
  language: () => language,
  platform,
  admin,
  label,
  bearer: () => session.bearer(),
  say,
  $,
};

async function start() {
  translate(language);
  $('language').value = language;
  try {
    await session.start();
  } catch (e) {
    say(e.message);
  }
  const loggedIn = !!session.bearer();
  $('login').hidden = loggedIn;
  $('logout').hidden = !loggedIn;
  if (!loggedIn) {
    say(WORDS[language].loggedOut);
    return;
  }
  const viewer = (await platform('Viewer'))?.viewer;
  if (!viewer) return;
  $('who').textContent = `${viewer.displayName} (${viewer.username})`;
  $('screens').hidden = false;
  context.viewer = viewer;
  await show();
}

/** The screens by the address that names them; the dashboard by default. */
const SCREENS = {
  '#rollout': ['rollout', showRollout],
  '#communities': ['communities', showCommunities],
  '#people': ['people-roles', showPeople],
  '#audit': ['audit-log', showAudit],
};

async function show() {
  const [shown, draw] = SCREENS[location.hash] || ['dashboard', showDashboard];
  for (const id of ['dashboard', 'rollout', 'communities', 'people-roles', 'audit-log']) {
    $(id).hidden = id !== shown;
  }
  say('');
  await draw(context);
}

window.addEventListener('hashchange', () => { if (context.viewer) show(); });

$('login').addEventListener('click', () => session.login());
$('logout').addEventListener('click', () => session.logout());
$('language').addEventListener('change', async () => {
  language = $('language').value;
  localStorage.setItem('rg.console.language', language);
  translate(language);
  if (context.viewer) await show();
});

start();
