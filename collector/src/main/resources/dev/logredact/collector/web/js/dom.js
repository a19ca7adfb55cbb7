// Building the DOM from data: text only ever goes in as text nodes or attribute values, never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function applyProps(node, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.setAttribute('class', value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

/** An HTML element: el('td', {className: 'num'}, 'text', childNode). */
export function el(tag, props, ...children) {
  return append(applyProps(document.createElement(tag), props), children);
}

/** An SVG element, for the chart. */
export function svg(tag, props, ...children) {
  return append(applyProps(document.createElementNS(SVG_NS, tag), props), children);
}

/** The URL when it is http or https, else null: data from builds never becomes a javascript: or data: link. */
export function httpUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab when {@code url} is http(s), else the text alone. */
export function externalLink(url, text) {
  const href = httpUrl(url);
  const label = text === undefined || text === null ? url : text;
  if (href === null) return el('span', {}, label === null || label === undefined ? '—' : label);
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' },
    label, el('span', { className: 'visually-hidden' }, ' (opens in a new tab)'));
}

/** Replaces a table body's rows; one full-width row saying {@code emptyText} when there are none. */
export function fillRows(tbody, rows, emptyText) {
  if (rows.length === 0) {
    const columns = tbody.closest('table').querySelectorAll('thead th').length;
    tbody.replaceChildren(el('tr', { className: 'empty' }, el('td', { colspan: columns }, emptyText)));
  } else {
    tbody.replaceChildren(...rows);
  }
}

/** Shows {@code message} in a notice element, or hides it for null. */
export function showNotice(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}
