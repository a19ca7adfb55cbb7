// Wires the page: loads the overview and the incidents, asks for the token when the collector wants one,
// and opens the incident named in the URL's fragment (#incident-12).

import { AuthRequired, token } from './api.js';
import { IncidentDetail } from './detail.js';
import { showNotice } from './dom.js';
import { loadOverview } from './overview.js';
import { IncidentList } from './incidents.js';

const dashboard = document.getElementById('dashboard');
const tokenSection = document.getElementById('token-section');
const tokenInput = document.getElementById('token-input');
const tokenError = document.getElementById('token-error');
const forgetToken = document.getElementById('forget-token');
const pageError = document.getElementById('page-error');

/** Shows the token form when {@code e} says a token is wanted; true when it did. */
function handled(e) {
  if (!(e instanceof AuthRequired)) return false;
  if (token.get() !== null) {
    token.clear();
    tokenInput.value = '';
    tokenError.textContent = 'The collector did not accept that token.';
  }
  dashboard.hidden = true;
  forgetToken.hidden = true;
  tokenSection.hidden = false;
  tokenInput.focus();
  return true;
}

const detail = new IncidentDetail(() => refresh(), handled);
const incidents = new IncidentList((id) => detail.open(id), handled);

async function refresh() {
  try {
    const [stats] = await Promise.all([loadOverview(), incidents.load()]);
    incidents.offerGroups(stats);
    tokenSection.hidden = true;
    dashboard.hidden = false;
    forgetToken.hidden = token.get() === null;
    showNotice(pageError, null);
    document.getElementById('updated').textContent = `Updated ${new Date().toISOString().slice(11, 19)} UTC`;
    return true;
  } catch (e) {
    if (!handled(e)) showNotice(pageError, `Could not load the dashboard: ${e.message}`);
    return false;
  }
}

document.getElementById('token-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const value = tokenInput.value.trim();
  if (value === '') return;
  token.set(value);
  tokenError.textContent = '';
  if (await refresh()) document.getElementById('incidents-heading').focus();
});

forgetToken.addEventListener('click', () => {
  token.clear();
  window.location.reload();
});

document.getElementById('refresh').addEventListener('click', () => refresh());

function openNamedIncident() {
  const match = /^#incident-(\d+)$/.exec(window.location.hash);
  if (match) detail.open(Number(match[1]));
}

window.addEventListener('hashchange', openNamedIncident);
refresh().then((ok) => {
  if (ok) openNamedIncident();
});
