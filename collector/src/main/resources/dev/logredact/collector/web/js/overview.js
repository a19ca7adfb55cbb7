// The overview: the figures of /api/v1/stats, the exposures chart, and the figures by owner and repository.

import { api } from './api.js';
import { exposureChart } from './chart.js';
import { el, fillRows } from './dom.js';
import { count, duration, repository } from './format.js';

const CHART_DAYS = 30;

function setText(id, text) {
  document.getElementById(id).textContent = text;
}

/** A table of figures by owner or repository; {@code label} words a group's key. */
function groupTable(keyHeading, groups, label) {
  const ttr = (prefix) => el('th', { scope: 'col', className: 'num' }, `${prefix} `, el('abbr', { title: 'time to remediate' }, 'TTR'));
  const tbody = el('tbody');
  const table = el('table', { className: 'data' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, keyHeading),
      el('th', { scope: 'col', className: 'num' }, 'Incidents'),
      el('th', { scope: 'col', className: 'num' }, 'Open'),
      ttr('Mean'),
      ttr('p90'),
      el('th', { scope: 'col', className: 'num' }, 'SLA breaches'))),
    tbody);
  fillRows(tbody, groupRows(groups, label), 'No incidents yet.');
  return table;
}

function groupRows(groups, label) {
  return groups.map((g) => el('tr', {},
    el('th', { scope: 'row' }, label(g.key)),
    el('td', { className: 'num' }, count(g.incidents)),
    el('td', { className: 'num' }, count(g.open)),
    el('td', { className: 'num' }, duration(g.meanTimeToRemediateSeconds)),
    el('td', { className: 'num' }, duration(g.p90TimeToRemediateSeconds)),
    el('td', { className: g.slaBreaches > 0 ? 'num alert' : 'num' }, count(g.slaBreaches))));
}

function drawChart(series) {
  setText('chart-caption', `Exposures per day, ${series.from} to ${series.to} (UTC): occurrences of exposed secrets`);
  document.getElementById('chart-area').replaceChildren(exposureChart(series, 'chart-caption'));
  fillRows(document.querySelector('#chart-table tbody'), series.days.map((d) => el('tr', {},
    el('th', { scope: 'row' }, d.day),
    el('td', { className: 'num' }, count(d.events)),
    el('td', { className: 'num' }, count(d.redactions)),
    el('td', { className: 'num' }, count(d.secrets)))), 'No days.');
}

/** Loads and shows the overview; returns the stats, whose owners and repositories feed the filters. */
export async function loadOverview() {
  const section = document.getElementById('overview');
  section.setAttribute('aria-busy', 'true');
  try {
    const [stats, series] = await Promise.all([api.stats(), api.exposures(CHART_DAYS)]);
    setText('stat-open', count(stats.open));
    setText('stat-mean', duration(stats.meanTimeToRemediateSeconds));
    setText('stat-p90', duration(stats.p90TimeToRemediateSeconds));
    setText('stat-breaches', count(stats.slaBreaches));
    document.getElementById('card-breaches').classList.toggle('card-alert', stats.slaBreaches > 0);
    setText('stat-remediated', count(stats.remediated));
    setText('stat-incidents', count(stats.incidents));
    document.getElementById('by-owner').replaceChildren(
      groupTable('Owner', stats.byOwner, (key) => (key === null ? '(no owner)' : key)));
    document.getElementById('by-repository').replaceChildren(groupTable('Repository', stats.byRepository, repository));
    drawChart(series);
    return stats;
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}
