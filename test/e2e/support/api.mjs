// Direct API calls the suite uses to know what the page should show (typed shapes: shared/src).

export function apiClient(baseUrl, token = '') {
  async function call(method, path, body) {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return data;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body ?? {}),
  };
}

/** Same rendering as shared formatFen (kept local so the suite runs without building shared). */
export function formatFen(fen, { decimals = true } = {}) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals || cents !== '00' ? `.${cents}` : '';
  return `${sign}¥${grouped}${fraction}`;
}

/** YYYY-MM-DD in the shop's time zone (Asia/Shanghai, UTC+8), as the storefront shows dates. */
export function shopDate(iso) {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
}
