// GraphiQL for developers: logs in with the authorization-code flow and PKCE, keeps the access
// token fresh, and sends it (with the chosen community) over HTTP and in connection_init.
import { createLogin } from '/graphiql/assets/oidc-pkce.js';

const config = await (await fetch('/graphiql/config.json')).json();
const store = sessionStorage;
let socket = null;
let wsClient = null;

const $ = (id) => document.getElementById(id);

const session = createLogin({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}/graphiql`,
  onToken: (tokens) => {
    // a subscription keeps running on the renewed token (documented in SCHEMA-CHANGES.md)
    if (tokens && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'ping', payload: { Authorization: bearer() } }));
    }
    if (!tokens) render();
  },
});

const bearer = () => session.bearer();
const community = () => $('community').value || undefined;

function headers(extra) {
  const result = { 'Content-Type': 'application/json', Accept: 'application/json', ...extra };
  if (bearer()) result.Authorization = bearer();
  if (community()) result['X-Community'] = community();
  return result;
}

function subscriptions() {
  if (!wsClient) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${config.graphqlPath}`;
    wsClient = graphqlWs.createClient({
      url,
      lazy: true,
      connectionParams: () => ({ Authorization: bearer(), 'X-Community': community() }),
      on: { connected: (s) => { socket = s; }, closed: () => { socket = null; } },
    });
  }
  return wsClient;
}

async function fetcher(params, options) {
  if (/^\s*subscription\b/.test(params.query || '') ||
      (params.operationName && new RegExp(`subscription\\s+${params.operationName}\\b`).test(params.query))) {
    return subscriptions().iterate(params);
  }
  const response = await fetch(config.graphqlPath, {
    method: 'POST',
    headers: headers(options && options.headers),
    body: JSON.stringify(params),
  });
  return response.json();
}

async function loadCommunities() {
  const select = $('community');
  const answer = await fetcher({
    query: '{ viewer { displayName username } communities(first: 100) { edges { node { key name } } } }',
  });
  const chosen = store.getItem('rg.community') || '';
  select.replaceChildren(new Option('— none —', ''));
  for (const edge of (answer.data && answer.data.communities.edges) || []) {
    select.add(new Option(`${edge.node.name} (${edge.node.key})`, edge.node.key, false, edge.node.key === chosen));
  }
  select.disabled = false;
  $('who').textContent = answer.data ? `${answer.data.viewer.displayName} (${answer.data.viewer.username})` : 'token refused';
}

let root = null;
let generation = 0;
function render() {
  $('login').hidden = !!bearer();
  $('logout').hidden = !bearer();
  if (!bearer()) {
    $('who').textContent = 'not logged in';
    $('community').disabled = true;
  }
  root = root || ReactDOM.createRoot($('graphiql'));
  // a new key refetches the schema for the new login or community
  root.render(React.createElement(GraphiQL, { key: ++generation, fetcher, isHeadersEditorEnabled: true }));
}

$('login').addEventListener('click', () => session.login());
$('logout').addEventListener('click', () => session.logout());
$('community').addEventListener('change', () => {
  store.setItem('rg.community', $('community').value);
  if (wsClient) { wsClient.dispose(); wsClient = null; }
  render();
});

try {
  await session.start();
} catch (e) {
  $('who').textContent = e.message;
}
render();
if (bearer()) {
  await loadCommunities();
}
