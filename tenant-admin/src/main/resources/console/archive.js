// A community's archive, beside the registry: export it (the download counts the bytes as they
// arrive), erase it once exported (the person types the community's key, as one does before
// destroying something for good), and load an archive into an erased community (the upload counts
// its bytes; the report says what was loaded and whose roles came back). The archive itself is
// tenant-admin's REST endpoint GET/POST /communities/{key}/archive; erasing is its mutation.

import { element, showErrors } from './dom.js';
import { download, megabytes } from './download.js';

/** @typedef {import('./console.js').Context} Context */

/** Statuses from which a community may be exported, erased or take an archive. */
const EXPORTABLE = ['ACTIVE', 'SUSPENDED', 'ARCHIVED'];
const ERASABLE = ['SUSPENDED', 'ARCHIVED'];
const IMPORTABLE = ['ERASED', 'ONBOARDING'];

/**
 * Shows the archive panel of {@code community} in {@code panel}. {@code refresh} lists the registry
 * again and answers the community as it is now: after an export the panel keeps its progress and
 * shows the new export time; after erasing or importing, the status has changed and the panel is
 * drawn again for it (an import's report kept at its top).
 * @param {Context} context
 */
export function showArchive(context, panel, community, refresh, report) {
  const { words } = context;
  const exportedAt = element('p', { 'data-testid': 'exported-at' });
  const showExportedAt = (at) => {
    exportedAt.textContent = at
      ? `${words().lastExport}: ${new Date(at).toLocaleString(context.language())}`
      : words().neverExported;
  };
  showExportedAt(community.exportedAt);
  const redraw = async (newReport) => {
    const now = await refresh();
    if (now) showArchive(context, panel, now, refresh, newReport);
  };
  const exported = async () => showExportedAt((await refresh())?.exportedAt);
  const parts = [
    element('h2', { id: 'archive-title' }, `${words().archiveOf}${community.name}（${community.key}）`),
    report, exportedAt,
  ];
  if (EXPORTABLE.includes(community.status)) parts.push(exportPart(context, community, exported));
  if (ERASABLE.includes(community.status)) parts.push(erasePart(context, community, redraw));
  if (IMPORTABLE.includes(community.status)) parts.push(importPart(context, community, redraw));
  panel.replaceChildren(...parts.filter((part) => part));
  panel.hidden = false;
  panel.setAttribute('data-community', community.key);
  if (!report) panel.querySelector('button')?.focus();
}

/** @param {Context} context */
function exportPart(context, community, changed) {
  const { words } = context;
  const progress = element('progress', { 'aria-label': words().exportArchive, hidden: '' });
  const text = element('span', { 'data-testid': 'export-progress', role: 'status' });
  const button = element('button', { type: 'button', 'data-testid': 'export-archive' },
    words().exportArchive);
  button.addEventListener('click', async () => {
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate: the archive is streamed, its size unknown
    try {
      const answer = await download(context,
        `/communities/${encodeURIComponent(community.key)}/archive`, `${community.key}.zip`,
        (received) => { text.textContent = `${words().received} ${megabytes(received)}`; });
      if (!answer.ok) {
        text.textContent = `${answer.status}: ${words().exportRefused}`;
        return;
      }
      text.textContent = `${words().exported} ${megabytes(answer.bytes)}`;
      text.setAttribute('data-bytes', String(answer.bytes));
      progress.value = 1;
      progress.max = 1;
      await changed();
    } catch (e) {
      text.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  return element('section', { 'data-testid': 'export' },
    element('h3', {}, words().exportArchive), element('p', {}, words().exportExplained),
    button, progress, text);
}

/** @param {Context} context */
function erasePart(context, community, changed) {
  const { words } = context;
  const form = element('form', { 'data-testid': 'erase', novalidate: '' });
  const reason = element('input', { id: 'erase-reason', name: 'reason', maxlength: '500' });
  const typed = element('input', {
    id: 'erase-confirm', name: 'confirm', autocomplete: 'off', spellcheck: 'false',
  });
  const button = element('button', { type: 'submit', 'data-testid': 'erase-submit', disabled: '' },
    words().erase);
  const error = element('span', { class: 'field-error', role: 'alert', id: 'erase-error' });
  typed.addEventListener('input', () => { button.disabled = typed.value !== community.key; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (typed.value !== community.key) return;
    button.disabled = true;
    const answer = await context.admin('AdminEraseCommunity', {
      input: { communityKey: community.key, reason: reason.value },
    });
    const payload = answer?.eraseCommunity;
    button.disabled = false;
    if (!payload) return;
    showErrors(form, payload.errors, error);
    if (payload.errors.length) return;
    context.say(`${community.name}: ${words().erased} · ${words().roleHoldersDismissed} ${payload.roleHoldersDismissed}`);
    await changed();
  });
  form.append(
    element('h3', {}, words().erase),
    element('p', {}, words().eraseExplained),
    element('label', { for: 'erase-reason' }, words().reason), reason,
    element('span', { class: 'field-error', 'data-error-for': 'reason', role: 'alert' }),
    element('label', { for: 'erase-confirm' }, `${words().typeKey} ${community.key}`), typed,
    error, button);
  return form;
}

/** @param {Context} context */
function importPart(context, community, changed) {
  const { words } = context;
  const form = element('form', { 'data-testid': 'import', novalidate: '' });
  const file = element('input', {
    id: 'import-file', name: 'archive', type: 'file', accept: '.zip,application/zip',
  });
  const progress = element('progress', { 'aria-label': words().importArchive, max: '1', value: '0' });
  const text = element('span', { 'data-testid': 'import-progress', role: 'status' });
  const button = element('button', { type: 'submit', 'data-testid': 'import-submit' },
    words().importArchive);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const archive = file.files[0];
    if (!archive) {
      text.textContent = words().chooseArchive;
      return;
    }
    button.disabled = true;
    upload(context, community, archive, (sent) => {
      progress.value = sent / archive.size;
      text.textContent = `${words().sent} ${megabytes(sent)} / ${megabytes(archive.size)}`;
    }).then(async ({ status, body }) => {
      button.disabled = false;
      if (status !== 200) {
        text.textContent = `${body?.code || status}: ${body?.message || ''}`;
        text.setAttribute('data-error', body?.code || String(status));
        return;
      }
      context.say(`${community.name}: ${words().imported}`);
      await changed(element('section', { 'data-testid': 'import-report' },
        element('h3', {}, words().imported), ...importReport(context, body)));
    });
  });
  form.append(
    element('h3', {}, words().importArchive), element('p', {}, words().importExplained),
    element('label', { for: 'import-file' }, words().archiveFile), file, button, progress, text);
  return form;
}

/**
 * What an import loaded: rows per table, roles restored, accounts that no longer exist.
 * @param {Context} context
 */
function importReport(context, imported) {
  const { words } = context;
  const tables = Object.entries(imported.tables || {}).filter(([, rows]) => rows > 0);
  const total = tables.reduce((sum, [, rows]) => sum + rows, 0);
  return [
    element('p', { 'data-testid': 'imported-rows', 'data-rows': String(total) },
      `${words().rowsLoaded} ${total} · ${words().rolesRestored} ${imported.rolesRestored}`),
    element('table', {},
      element('tr', {}, element('th', { scope: 'col' }, words().table),
        element('th', { scope: 'col' }, words().rows)),
      ...tables.map(([table, rows]) => element('tr', {}, element('td', {}, table),
        element('td', {}, String(rows))))),
    imported.accountsMissing?.length
      ? element('p', { 'data-testid': 'accounts-missing' },
        `${words().accountsMissing} ${imported.accountsMissing.join(', ')}`)
      : null,
  ].filter((part) => part);
}

/**
 * POSTs the archive with its upload progress (fetch cannot report an upload's progress).
 * @param {Context} context
 */
function upload(context, community, archive, onProgress) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/communities/${encodeURIComponent(community.key)}/archive`);
    request.setRequestHeader('Authorization', context.bearer());
    request.setRequestHeader('Content-Type', 'application/zip');
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch { /* not JSON: the status says it */ }
      resolve({ status: request.status, body });
    });
    request.addEventListener('error', () => resolve({ status: 0, body: null }));
    request.send(archive);
  });
}
