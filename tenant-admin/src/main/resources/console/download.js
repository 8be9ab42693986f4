// Files the services make for the person (a workbook, an archive), fetched with their token and
// saved as the browser saves a download; the bytes are counted as they arrive, for a progress line.

/** @typedef {import('./console.js').Context} Context */

/**
 * Downloads {@code url} with the person's token and saves it under the name the service gives
 * (else {@code fallbackName}); {@code onProgress} gets the bytes received so far.
 * @param {Context} context
 * @param {string} url
 * @param {string} fallbackName
 * @param {(received: number) => void} [onProgress]
 * @returns {Promise<{ok: boolean, status: number, bytes: number}>}
 */
export async function download(context, url, fallbackName, onProgress = () => {}) {
  const response = await fetch(url, { headers: { Authorization: context.bearer() } });
  if (!response.ok) return { ok: false, status: response.status, bytes: 0 };
  const chunks = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  const type = response.headers.get('Content-Type') || 'application/octet-stream';
  save(new Blob(chunks, { type }), fileName(response) || fallbackName);
  return { ok: true, status: response.status, bytes: received };
}

/** Bytes as megabytes, for people. */
export function megabytes(bytes) {
  return `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 1)} MB`;
}

function fileName(response) {
  const disposition = response.headers.get('Content-Disposition') || '';
  return /filename="([^"]+)"/.exec(disposition)?.[1];
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
