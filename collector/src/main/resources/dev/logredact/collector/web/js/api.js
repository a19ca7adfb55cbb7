// The collector's REST API (/api/v1), with the bearer token when one was given.

const TOKEN_KEY = 'logredact.collector.token';

/** The collector wants a token (none was given, or it was refused). */
export class AuthRequired extends Error {}

/** The API refused a request; message is the collector's own. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The token lives in this tab's sessionStorage only: gone when the tab closes. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function request(method, path, params, body) {
  // Relative to the page, so the dashboard also works behind a proxy under a path prefix.
  const url = new URL(path, document.baseURI);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers = { Accept: 'application/json' };
  const bearer = token.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'The collector cannot be reached.');
  }
  if (response.status === 401) throw new AuthRequired('a valid bearer token is required');
  let data = null;
  try {
    data = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && typeof data.message === 'string' ? data.message : `HTTP ${response.status}`);
  }
  return data;
}

export const api = {
  stats: () => request('GET', 'api/v1/stats'),
  exposures: (days) => request('GET', 'api/v1/exposures', { days }),
  incidents: (query) => request('GET', 'api/v1/incidents', query),
  incident: (id) => request('GET', `api/v1/incidents/${encodeURIComponent(id)}`),
  changeIncident: (id, change) => request('PATCH', `api/v1/incidents/${encodeURIComponent(id)}`, null, change),
};
