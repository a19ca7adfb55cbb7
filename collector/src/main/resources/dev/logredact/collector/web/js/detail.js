// One incident in a dialog: what it is, where it was seen (with links to the CI runs), its history, and
// the form that changes its state and assignee.

import { api, ApiError } from './api.js';
import { el, externalLink, fillRows, httpUrl } from './dom.js';
import { count, duration, repository, shortCommit, STATES, stateLabel, time } from './format.js';
import { stateBadge } from './incidents.js';

const ACTOR_KEY = 'logredact.collector.actor';
const DEFAULT_ACTOR = 'dashboard';

function facts(pairs) {
  return el('dl', { className: 'facts' }, ...pairs.map(([term, value]) =>
    el('div', {}, el('dt', {}, term), el('dd', {}, value === null || value === undefined || value === '' ? '—' : value))));
}

function report(status, message, isError) {
  status.textContent = message;
  status.classList.toggle('field-error', isError);
}

function table(id, caption, headings, rows, emptyText) {
  const tbody = el('tbody');
  const t = el('table', { id, className: 'data' },
    el('caption', { className: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headings.map(([text, cls]) => el('th', { scope: 'col', className: cls }, text)))),
    tbody);
  fillRows(tbody, rows, emptyText);
  return t;
}

/** A link to the CI run when its URL is http(s); any other URL is shown as text. */
function runCell(e) {
  if (httpUrl(e.runUrl)) return externalLink(e.runUrl, e.runId ? `Run ${e.runId}` : 'Run');
  return e.runUrl || e.runId || '—';
}

function occurrenceRow(e) {
  const job = [e.pipeline, e.job].filter(Boolean).join(' / ');
  return el('tr', { 'data-event': e.id },
    el('td', { className: 'nowrap' }, time(e.time)),
    el('td', {}, e.repository ? externalLink(e.repository, repository(e.repository)) : '—'),
    el('td', {}, job || '—'),
    el('td', { className: 'run' }, runCell(e)),
    el('td', {}, el('span', { className: 'mono', title: e.commit || null }, shortCommit(e.commit)),
      e.branch ? el('div', { className: 'muted small' }, e.branch) : null),
    el('td', {}, e.channel || '—',
      e.logger || e.thread ? el('div', { className: 'muted small' }, [e.logger, e.thread].filter(Boolean).join(' · ')) : null),
    el('td', {}, e.host || '—'),
    el('td', { className: 'num' }, count(e.count)));
}

function historyRow(h) {
  const show = (v) => (v === null ? 'none' : (h.field === 'state' ? stateLabel(v) : v));
  return el('tr', {},
    el('td', { className: 'nowrap' }, time(h.at)),
    el('td', {}, h.by),
    el('td', {}, h.field === 'state' ? 'State' : 'Assignee'),
    el('td', {}, `${show(h.from)} → ${show(h.to)}`));
}

export class IncidentDetail {
  /** @param onChanged called after a change was saved, so lists and figures can be reloaded */
  constructor(onChanged, onError) {
    this.onChanged = onChanged;
    this.onError = onError;
    this.dialog = document.getElementById('detail');
    this.body = document.getElementById('detail-body');
    this.heading = document.getElementById('detail-heading');
    this.id = null;
    document.getElementById('detail-close').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => {
      this.id = null;
      if (window.location.hash.startsWith('#incident-')) history.replaceState(null, '', window.location.pathname);
    });
  }

  async open(id) {
    this.id = id;
    history.replaceState(null, '', `#incident-${id}`);
    this.heading.textContent = `Incident #${id}`;
    this.body.replaceChildren(el('p', { className: 'muted' }, 'Loading…'));
    if (!this.dialog.open) this.dialog.showModal();
    await this.load(id);
  }

  async load(id) {
    this.body.setAttribute('aria-busy', 'true');
    try {
      const detail = await api.incident(id);
      if (this.id !== id) return;
      this.render(detail);
    } catch (e) {
      if (this.onError(e)) {
        this.dialog.close();
        return;
      }
      this.body.replaceChildren(el('p', { className: 'notice notice-error', role: 'alert' }, e.message));
    } finally {
      this.body.setAttribute('aria-busy', 'false');
    }
  }

  render({ incident: i, events, eventsTotal, history }) {
    this.heading.replaceChildren(`Incident #${i.id}: ${i.secretName || i.rule} `, stateBadge(i.state));
    const shown = events.length < eventsTotal ? `the newest ${count(events.length)} of ${count(eventsTotal)}` : count(eventsTotal);
    this.body.replaceChildren(
      facts([
        ['Rule', el('span', { className: 'mono' }, i.rule)],
        ['Kind', i.kind],
        ['Secret name', i.secretName],
        ['Fingerprint', el('span', { className: 'mono' }, i.fingerprint)],
        ['State', `${stateLabel(i.state)}, by ${i.stateBy} at ${time(i.stateAt)}`],
        ['Owner', i.owner],
        ['Assignee', i.assignee],
        ['SLA', i.slaHours === null ? null
          : `${i.slaHours} h, due ${time(i.slaDueAt)}${i.slaBreached ? ' (breached)' : ''}`],
        ['First seen', time(i.firstSeen)],
        ['Last seen', time(i.lastSeen)],
        ['Occurrences', `${count(i.occurrences)} (${count(i.redactions)} maskings)`],
        ['Time to remediate', duration(i.timeToRemediateSeconds)],
        ['Reopened', i.reopenedCount > 0 ? `${count(i.reopenedCount)} times` : 'never'],
        ['Jobs', i.jobs.join(', ')],
      ]),
      this.triageForm(i),
      el('h3', {}, `Occurrences (${shown})`),
      el('div', { className: 'table-scroll' }, table('occurrence-table', 'Occurrences, newest first', [
        ['Time'], ['Repository'], ['Pipeline / job'], ['CI run'], ['Commit, branch'], ['Channel, logger · thread'],
        ['Host'], ['Maskings', 'num']], events.map(occurrenceRow), 'No occurrences stored.')),
      el('h3', {}, 'History'),
      table('history-table', 'Changes to this incident, oldest first', [['When'], ['Who'], ['What'], ['Change']],
        history.map(historyRow), 'No changes yet.'));
  }

  triageForm(i) {
    const state = el('select', { id: 'triage-state', name: 'state' },
      ...STATES.map((s) => el('option', { value: s, selected: s === i.state }, stateLabel(s))));
    const assignee = el('input', {
      id: 'triage-assignee', name: 'assignee', value: i.assignee || '', autocomplete: 'off', maxlength: 200,
      placeholder: 'nobody',
    });
    const actor = el('input', {
      id: 'triage-by', name: 'by', value: localStorage.getItem(ACTOR_KEY) || '', autocomplete: 'username', maxlength: 200,
      placeholder: DEFAULT_ACTOR,
    });
    const status = el('p', { id: 'triage-status', className: 'triage-status', role: 'status' });
    const form = el('form', { id: 'triage-form', className: 'triage', 'aria-labelledby': 'triage-heading' },
      el('h3', { id: 'triage-heading' }, 'Triage'),
      el('div', { className: 'triage-fields' },
        el('div', { className: 'field' }, el('label', { for: 'triage-state' }, 'State'), state),
        el('div', { className: 'field' }, el('label', { for: 'triage-assignee' }, 'Assignee'), assignee),
        el('div', { className: 'field' }, el('label', { for: 'triage-by' }, 'Your name'), actor),
        el('div', { className: 'field field-actions' }, el('button', { type: 'submit', className: 'button button-primary' }, 'Save'))),
      status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save(i, state.value, assignee.value.trim(), actor.value.trim(), status);
    });
    return form;
  }

  async save(i, state, assignee, actor, status) {
    const change = {};
    if (state !== i.state) change.state = state;
    if (assignee !== (i.assignee || '')) change.assignee = assignee === '' ? null : assignee;
    if (Object.keys(change).length === 0) {
      report(status, 'Nothing to change.', false);
      return;
    }
    change.by = actor || DEFAULT_ACTOR;
    if (actor) localStorage.setItem(ACTOR_KEY, actor);
    report(status, 'Saving…', false);
    try {
      await api.changeIncident(i.id, change);
    } catch (e) {
      if (this.onError(e)) {
        this.dialog.close();
        return;
      }
      report(status, e instanceof ApiError ? `Not saved: ${e.message}` : String(e), true);
      return;
    }
    await this.load(i.id);
    report(document.getElementById('triage-status'), 'Saved.', false);
    this.onChanged();
  }
}
