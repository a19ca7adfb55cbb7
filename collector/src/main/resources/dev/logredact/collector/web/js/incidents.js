// The incidents table: filters and search as query parameters of /api/v1/incidents, paged.

import { api } from './api.js';
import { el, fillRows, showNotice } from './dom.js';
import { count, repository, stateLabel, time } from './format.js';

const SEARCH_DELAY_MS = 300;

export function stateBadge(state) {
  return el('span', { className: `badge badge-${state}` }, stateLabel(state));
}

/** Breached; met (rotated or revoked in time); due on a day (open); or a dash (no SLA, or not a leak to fix). */
function slaCell(incident) {
  if (incident.slaBreached) return el('span', { className: 'badge badge-breached' }, 'Breached');
  if (!incident.slaDueAt) return el('span', { className: 'muted' }, '—');
  if (incident.state === 'open') {
    return el('span', { className: 'muted', title: time(incident.slaDueAt) }, `due ${incident.slaDueAt.slice(0, 10)}`);
  }
  if (incident.timeToRemediateSeconds !== null) return el('span', { className: 'muted' }, 'Met');
  return el('span', { className: 'muted' }, '—');
}

/** Fills a select's options after its first (the "any" option), keeping the chosen value when still offered. */
function offer(select, values, label) {
  const chosen = select.value;
  const any = select.options[0];
  select.replaceChildren(any, ...values.map((v) => el('option', { value: v }, label(v))));
  select.value = values.includes(chosen) ? chosen : '';
}

export class IncidentList {
  /** @param onOpen called with an incident's id when someone opens it */
  constructor(onOpen, onError) {
    this.onOpen = onOpen;
    this.onError = onError;
    this.offset = 0;
    this.total = 0;
    this.generation = 0;
    this.rules = new Set();
    this.section = document.getElementById('incidents');
    this.form = document.getElementById('filters');
    this.tbody = document.querySelector('#incident-table tbody');
    this.pageSize = document.getElementById('page-size');
    this.prev = document.getElementById('page-prev');
    this.next = document.getElementById('page-next');
    this.wire();
  }

  wire() {
    let searchTimer = null;
    const reload = () => {
      clearTimeout(searchTimer);
      this.offset = 0;
      this.load();
    };
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      reload();
    });
    this.form.addEventListener('change', reload);
    this.form.addEventListener('input', (e) => {
      if (e.target.name !== 'q' && e.target.name !== 'rule') return;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(reload, SEARCH_DELAY_MS);
    });
    // After the browser has put the fields back, not before.
    this.form.addEventListener('reset', () => setTimeout(reload));
    this.pageSize.addEventListener('change', reload);
    this.prev.addEventListener('click', () => this.page(-1));
    this.next.addEventListener('click', () => this.page(1));
  }

  page(direction) {
    const limit = Number(this.pageSize.value);
    this.offset = Math.max(0, this.offset + direction * limit);
    this.load();
  }

  /** The owners and repositories the stats know of, as filter choices. */
  offerGroups(stats) {
    offer(document.getElementById('filter-owner'), stats.byOwner.map((g) => g.key).filter((k) => k !== null), String);
    offer(document.getElementById('filter-repository'), stats.byRepository.map((g) => g.key), repository);
  }

  query() {
    const fields = new FormData(this.form);
    const query = { limit: this.pageSize.value, offset: this.offset };
    for (const name of ['state', 'owner', 'repository', 'rule', 'q']) {
      const value = String(fields.get(name) || '').trim();
      if (value) query[name] = value;
    }
    return query;
  }

  async load() {
    const generation = ++this.generation;
    this.section.setAttribute('aria-busy', 'true');
    try {
      const page = await api.incidents(this.query());
      if (generation !== this.generation) return; // a newer request has been made meanwhile
      if (page.items.length === 0 && page.offset > 0 && page.total > 0) {
        // The page emptied (an incident changed state under a filter): show the last one there is.
        this.offset = Math.floor((page.total - 1) / page.limit) * page.limit;
        this.load();
        return;
      }
      this.render(page);
      showNotice(document.getElementById('incidents-error'), null);
    } catch (e) {
      if (generation !== this.generation) return;
      if (!this.onError(e)) showNotice(document.getElementById('incidents-error'), e.message);
    } finally {
      if (generation === this.generation) this.section.setAttribute('aria-busy', 'false');
    }
  }

  render(page) {
    this.total = page.total;
    fillRows(this.tbody, page.items.map((i) => this.row(i)), 'No incidents match these filters.');
    const first = page.items.length === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.items.length;
    document.getElementById('incidents-summary').textContent =
      `Showing ${count(first)}–${count(last)} of ${count(page.total)} incidents`;
    const pages = Math.max(1, Math.ceil(page.total / page.limit));
    document.getElementById('page-info').textContent = `Page ${Math.floor(page.offset / page.limit) + 1} of ${pages}`;
    this.prev.disabled = page.offset === 0;
    this.next.disabled = last >= page.total;
    for (const i of page.items) this.rules.add(i.rule);
    document.getElementById('rule-options').replaceChildren(
      ...[...this.rules].sort().map((r) => el('option', { value: r })));
  }

  row(i) {
    const open = el('button', { type: 'button', className: 'link-button', 'data-incident': i.id },
      i.secretName || i.rule);
    open.addEventListener('click', () => this.onOpen(i.id));
    return el('tr', { 'data-incident': i.id },
      el('td', { className: 'num' }, `#${i.id}`),
      el('td', {}, open, i.secretName ? el('div', { className: 'muted mono small' }, i.rule) : null),
      el('td', {}, stateBadge(i.state)),
      el('td', { className: 'nowrap' }, i.owner || '—'),
      el('td', {}, i.assignee || '—'),
      el('td', {}, i.repositories.length === 0 ? '—' : i.repositories.map(repository).join(', ')),
      el('td', { className: 'num' }, count(i.occurrences)),
      el('td', { className: 'nowrap' }, time(i.lastSeen)),
      el('td', { className: 'nowrap' }, slaCell(i)));
  }
}
