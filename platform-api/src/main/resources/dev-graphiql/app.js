// GraphiQL for developers: logs in with the authorization-code flow and PKCE, keeps the access
// token fresh, and sends it (with the chosen community) over HTTP and in connection_init.
const config = await (await fetch('/graphiql/config.json')).json();
const oidc = `${config.issuer}/protocol/openid-connect`;
const redirectUri = `${location.origin}/graphiql`;
const store = sessionStorage;

let tokens = JSON.parse(store.getItem('rg.tokens') || 'null');
let refreshTimer = null;
let socket = null;
let wsClient = null;

const $ = (id) => document.getElementById(id);

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function login() {
  const verifier = randomText();
  const state = randomText();
  store.setItem('rg.pkce', JSON.stringify({ verifier, state }));
  const challenge = base64url(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${oidc}/auth?${query}`);
}

async function tokenRequest(form) {
  const response = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  if (!response.ok) {
    throw new Error(`token endpoint answered ${response.status}`);
  }
  const answer = await response.json();
  return { ...answer, expiresAt: Date.now() + answer.expires_in * 1000 };
}

/** Back from the login page with ?code=…&state=…: trade the code for tokens. */
async function finishLogin() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) {
    return;
  }
  history.replaceState(null, '', '/graphiql');
  const pkce = JSON.parse(store.getItem('rg.pkce') || 'null');
  store.removeItem('rg.pkce');
  if (!pkce || pkce.state !== params.get('state')) {
    throw new Error('The login came back with an unknown state; log in again');
  }
  keep(await tokenRequest({
    grant_type: 'authorization_code', code: params.get('code'),
    redirect_uri: redirectUri, code_verifier: pkce.verifier,
  }));
}

function keep(answer) {
  tokens = answer;
  store.setItem('rg.tokens', JSON.stringify(tokens));
  clearTimeout(refreshTimer);
  // refresh 30 s before the access token expires
  refreshTimer = setTimeout(refresh, Math.max(5_000, tokens.expiresAt - Date.now() - 30_000));
}

async function refresh() {
  try {
    keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
    // a subscription keeps running on the renewed token (documented in SCHEMA-CHANGES.md)
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'ping', payload: { Authorization: bearer() } }));
    }
  } catch (e) {
    logout();
  }
}

function logout() {
  const idToken = tokens && tokens.id_token;
  tokens = null;
  store.removeItem('rg.tokens');
  if (idToken) {
    const query = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: redirectUri });
    location.assign(`${oidc}/logout?${query}`);
  } else {
    render();
  }
}

const bearer = () => (tokens ? `Bearer ${tokens.access_token}` : undefined);
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
  $('login').hidden = !!tokens;
  $('logout').hidden = !tokens;
  if (!tokens) {
    $('who').textContent = 'not logged in';
    $('community').disabled = true;
  }
  root = root || ReactDOM.createRoot($('graphiql'));
  // a new key refetches the schema for the new login or community
  root.render(React.createElement(GraphiQL, { key: ++generation, fetcher, isHeadersEditorEnabled: true }));
}

$('login').addEventListener('click', login);
$('logout').addEventListener('click', logout);
$('community').addEventListener('change', () => {
  store.setItem('rg.community', $('community').value);
  if (wsClient) { wsClient.dispose(); wsClient = null; }
  render();
});

try {
  await finishLogin();
} catch (e) {
  $('who').textContent = e.message;
}
if (tokens && tokens.expiresAt - Date.now() < 30_000) {
  await refresh();
} else if (tokens) {
  keep(tokens);
}
render();
if (tokens) {
  await loadCommunities();
}
