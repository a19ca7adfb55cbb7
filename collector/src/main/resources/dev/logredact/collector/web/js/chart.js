// The exposures chart: one bar per UTC day, drawn as inline SVG from /api/v1/exposures.

import { svg } from './dom.js';
import { count } from './format.js';

const WIDTH = 1200;
const HEIGHT = 250;
const MARGIN = { top: 14, right: 12, bottom: 30, left: 44 };

/** The smallest 1, 2 or 5 × 10^k at or above {@code n}: a round step for the axis. */
function roundUp(n) {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= n) return step * power;
  }
  return 10 * power;
}

function dayLabel(day) {
  return day.slice(5); // MM-DD
}

/** An SVG bar chart of {@code series.days}; its accessible name comes from the element {@code labelledBy}. */
export function exposureChart(series, labelledBy) {
  const days = series.days;
  const most = Math.max(0, ...days.map((d) => d.events));
  const step = roundUp(most / 4);
  const top = step * Math.max(1, Math.ceil(most / step));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.72);
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;

  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': labelledBy, className: 'chart-svg',
    preserveAspectRatio: 'xMidYMid meet',
  });

  for (let tick = 0; tick <= top; tick += step) {
    root.append(
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), className: 'grid' }),
      svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, className: 'axis-label', 'text-anchor': 'end' }, count(tick)),
    );
  }

  days.forEach((d, i) => {
    const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
    const height = (d.events / top) * plotHeight;
    root.append(svg('rect', {
      x: x.toFixed(1), y: (MARGIN.top + plotHeight - height).toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1),
      rx: Math.min(2, barWidth / 4).toFixed(1), className: d.events > 0 ? 'bar' : 'bar bar-empty', 'data-day': d.day,
    }, svg('title', {}, `${d.day}: ${count(d.events)} occurrences of ${count(d.secrets)} secrets`)));
    const labelEvery = Math.ceil(days.length / 8);
    if ((days.length - 1 - i) % labelEvery === 0) {
      root.append(svg('text', {
        x: (x + barWidth / 2).toFixed(1), y: HEIGHT - MARGIN.bottom + 18, className: 'axis-label', 'text-anchor': 'middle',
      }, dayLabel(d.day)));
    }
  });
  root.append(svg('line', {
    x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), className: 'axis',
  }));
  return root;
}
