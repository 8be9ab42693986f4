// The reference app: what a front-end team builds first on platform-api. Plain modules, no build
// step, no CDN. GraphQL documents are files under /documents/ (the same files relay-compiler
// checks and production registers as persisted queries).
import { createLogin } from '/oidc-pkce.js';

keepInvitationCode();
const config = await (await fetch('/config.json')).json();
const $ = (id) => document.getElementById(id);
const documents = new Map();
let labels = new Map();
let subscription = null;
let socket = null;

const session = createLogin({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}${location.pathname}`,
  onToken: (tokens) => {
    // keep a live subscription on the renewed token (documented in SCHEMA-CHANGES.md)
    if (tokens && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'ping', payload: { Authorization: session.bearer() } }));
    }
  },
});

function say(text) {
  $('status').textContent = text || '';
}

async function documentText(name) {
  if (!documents.has(name)) {
    documents.set(name, await (await fetch(`/documents/${name}.graphql`)).text());
  }
  return documents.get(name);
}

/** One GraphQL request; a field the caller may not read comes back null with its error. */
async function graphql(name, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Authorization: session.bearer() };
  if ($('community').value) headers['X-Community'] = $('community').value;
  const response = await fetch(`${config.apiUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: await documentText(name), variables }),
  });
  const answer = await response.json();
  if (answer.errors) {
    say(answer.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  }
  return answer.data;
}

const label = (enumName, value) => labels.get(`${enumName}.${value}`) || value;

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((child) => node.append(child));
  return node;
}

function noticeItem(notice) {
  return element('li', { 'data-notice': notice.id },
    element('strong', {}, notice.title),
    element('div', {}, notice.body),
    element('div', { class: 'meta' },
      `${notice.community.name} · ${notice.authorName} · ${new Date(notice.publishedAt).toLocaleString('zh-CN')}`));
}

function matterItem(matter) {
  const item = element('li', { 'data-matter': matter.id },
    element('strong', {}, matter.title),
    element('div', { class: 'meta' },
      `${label('MatterStatus', matter.status)} · ${label('MatterCategory', matter.category)} · 附议 ${matter.supportCount}`));
  for (const file of matter.attachments) {
    if (file.contentType.startsWith('image/')) {
      // a signed link: an <img> sends no Authorization header
      item.append(element('img', { src: `${config.apiUrl}${file.signedUrl}`, alt: file.fileName }));
    }
  }
  if (matter.mine) {
    const input = element('input', { type: 'file', accept: 'image/jpeg,image/png,application/pdf', 'data-upload': matter.id });
    input.addEventListener('change', () => upload(matter.id, input.files[0]));
    item.append(element('label', {}, '添加照片 ', input));
  }
  return item;
}

async function upload(matterId, file) {
  const form = new FormData();
  form.append('matter', matterId);
  form.append('file', file);
  const response = await fetch(`${config.apiUrl}/matter-attachments`, {
    method: 'POST', headers: { Authorization: session.bearer() }, body: form,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    say(`上传失败: ${problem.code || response.status} ${problem.message || ''}`);
    return;
  }
  say('');
  await showCommunity();
}

async function showCommunity() {
  const key = $('community').value;
  if (!key) return;
  const [board, notices] = await Promise.all([
    graphql('Board', { key }),
    graphql('Notices', { key }),
  ]);
  $('community-name').textContent = board?.community?.name || '';
  $('matters').replaceChildren(...(board?.community?.matters.edges || []).map((e) => matterItem(e.node)));
  $('notices').replaceChildren(...(notices?.notices.edges || []).map((e) => noticeItem(e.node)));
  $('content').hidden = false;
  follow(key);
}

/** New notices as they are published, over graphql-ws; the token goes in connection_init. */
async function follow(key) {
  if (subscription) subscription.dispose();
  const url = config.apiUrl.replace(/^http/, 'ws') + '/graphql';
  const client = graphqlWs.createClient({
    url,
    connectionParams: () => ({ Authorization: session.bearer(), 'X-Community': key }),
    on: {
      connected: (s) => { socket = s; $('live').textContent = '实时'; $('live').className = 'on'; },
      closed: () => { socket = null; $('live').textContent = '未连接'; $('live').className = ''; },
    },
  });
  subscription = client;
  const query = await documentText('NoticeEvents');
  client.subscribe({ query }, {
    next: ({ data }) => {
      const event = data?.noticeEvents;
      if (!event) return;
      document.querySelector(`[data-notice="${event.noticeId}"]`)?.remove();
      if (event.kind === 'PUBLISHED' && event.notice && event.notice.community.key === key) {
        $('notices').prepend(noticeItem(event.notice));
      }
    },
    error: (e) => say(`实时通知中断: ${e.message || e.reason || e}`),
    complete: () => {},
  });
}

/**
 * The invitation link is /invitation#code=…: the fragment never reaches a server log. It is kept
 * in this tab while the person logs in (or registers), then accepted.
 */
function keepInvitationCode() {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (location.pathname === '/invitation' && code) {
    sessionStorage.setItem('rg.invitation', code);
    history.replaceState(null, '', location.pathname + location.search);
  }
}

async function acceptInvitation() {
  const code = sessionStorage.getItem('rg.invitation');
  if (!code) return;
  sessionStorage.removeItem('rg.invitation');
  const answer = await graphql('AcceptInvitation', { code });
  const result = answer?.acceptInvitation;
  if (result?.invitation) {
    say(`已接受邀请: ${result.invitation.communityName} ${result.invitation.role}`);
    history.replaceState(null, '', '/');
  } else if (result) {
    say(result.errors.map((e) => e.message).join('; '));
  }
}

async function start() {
  try {
    await session.start();
  } catch (e) {
    say(e.message);
  }
  const loggedIn = !!session.bearer();
  $('login').hidden = loggedIn;
  $('logout').hidden = !loggedIn;
  if (!loggedIn) return;
  await acceptInvitation();
  const [viewer, all] = await Promise.all([graphql('Viewer'), graphql('Labels')]);
  labels = new Map((all?.enumLabels || []).map((l) => [`${l.enum}.${l.value}`, l.label]));
  $('who').textContent = `${viewer.viewer.displayName} (${viewer.viewer.username})`;
  const select = $('community');
  const chosen = sessionStorage.getItem('rg.community');
  select.replaceChildren(...viewer.communities.edges.map((e) =>
    new Option(e.node.name, e.node.key, false, e.node.key === chosen)));
  select.hidden = false;
  await showCommunity();
}

$('login').addEventListener('click', () => session.login());
$('logout').addEventListener('click', () => session.logout());
$('community').addEventListener('change', () => {
  sessionStorage.setItem('rg.community', $('community').value);
  showCommunity();
});
await start();
