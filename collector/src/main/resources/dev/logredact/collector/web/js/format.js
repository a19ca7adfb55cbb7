// How values read on the page: times in UTC, durations in the two largest units, numbers grouped.

const STATE_LABELS = {
  open: 'Open',
  rotated: 'Rotated',
  revoked: 'Revoked',
  false_positive: 'False positive',
  accepted: 'Accepted',
};

export const STATES = Object.keys(STATE_LABELS);

export function stateLabel(state) {
  return STATE_LABELS[state] || String(state);
}

export function count(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US');
}

/** 42 s, 17 min, 5 h 20 min, 3 d 4 h; a dash for none. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** 2026-02-14 09:30 UTC from an ISO-8601 instant. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** A repository URL without its scheme and .git: github.com/acme/shop. */
export function repository(url) {
  if (!url) return '—';
  return String(url).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\.git$/, '');
}

export function shortCommit(sha) {
  return sha ? String(sha).slice(0, 12) : '—';
}
