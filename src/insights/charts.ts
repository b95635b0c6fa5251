// Charts drawn on the server as SVG: no script, no library, readable on a phone (they scale to the
// width), and accessible: role="img" with a title and a description; the numbers themselves are in the
// table beside each chart. Pure.
import { html } from "hono/html";
import type { Html } from "../platform/http/views/layout.ts";

const INK = "#1d1f23";
const MUTED = "#545b66";
const GRID = "#dcdfe4";
/** Blue, green, amber: distinguishable by most colour-blind readers, each ≥ 4.5:1 on white. */
export const SERIES_COLOURS = ["#1f5eff", "#0f7a3d", "#8a5a00"] as const;

export interface BarGroup {
  label: string;
  values: number[];
}

// Narrow on purpose: the drawing scales to the screen, and at this width its text stays legible on a
// phone (about 11 px on a 360 px screen) without growing past ~17 px at the stylesheet's maximum width.
const WIDTH = 400;

/** Horizontal grouped bars, one group per label (e.g. a channel: leads, calls, won). */
export function groupedBars(d: {
  id: string;
  title: string;
  description: string;
  groups: BarGroup[];
  seriesNames: string[];
}): Html {
  const labelHeight = 18;
  const barHeight = 14;
  const gap = 14;
  const left = 4;
  const right = 56;
  const groupHeight = labelHeight + d.seriesNames.length * (barHeight + 3) + gap;
  const height = Math.max(40, d.groups.length * groupHeight);
  const max = Math.max(1, ...d.groups.flatMap((g) => g.values));
  const scale = (WIDTH - left - right) / max;
  return html`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${d.id}-title ${d.id}-desc" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="13">
<title id="${d.id}-title">${d.title}</title><desc id="${d.id}-desc">${d.description}</desc>
${d.groups.map((g, gi) => {
  const top = gi * groupHeight;
  return html`<g><text x="${left}" y="${top + 13}" fill="${INK}" font-weight="600">${g.label}</text>
${g.values.map((value, si) => {
  const y = top + labelHeight + si * (barHeight + 3);
  const width = Math.max(value > 0 ? 2 : 0, Math.round(value * scale));
  return html`<rect x="${left}" y="${y}" width="${width}" height="${barHeight}" rx="2" fill="${SERIES_COLOURS[si % SERIES_COLOURS.length]}"><title>${d.seriesNames[si]}: ${value}</title></rect><text x="${left + width + 6}" y="${y + 11}" fill="${INK}">${value}</text>`;
})}</g>`;
})}
</svg>`;
}

/** Vertical bars over time (e.g. leads per week), with a few dated ticks so it stays legible when narrow. */
export function timeBars(d: {
  id: string;
  title: string;
  description: string;
  points: { label: string; value: number }[];
  tickEvery: number;
}): Html {
  const height = 220;
  const top = 12;
  const bottom = 30;
  const left = 34;
  const right = 8;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...d.points.map((p) => p.value));
  const step = (WIDTH - left - right) / Math.max(1, d.points.length);
  const barWidth = Math.max(1, step * 0.75);
  const ticks = niceTicks(max);
  const yOf = (v: number) => top + plotHeight - (v / ticks[ticks.length - 1]!) * plotHeight;
  return html`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${d.id}-title ${d.id}-desc" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
<title id="${d.id}-title">${d.title}</title><desc id="${d.id}-desc">${d.description}</desc>
${ticks.map((t) => html`<line x1="${left}" x2="${WIDTH - right}" y1="${yOf(t)}" y2="${yOf(t)}" stroke="${GRID}"/><text x="${left - 6}" y="${yOf(t) + 4}" text-anchor="end" fill="${MUTED}">${t}</text>`)}
${d.points.map((p, i) => {
  const x = left + i * step + (step - barWidth) / 2;
  const y = yOf(p.value);
  return html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - y).toFixed(1)}" fill="${SERIES_COLOURS[0]}"><title>${p.label}: ${p.value}</title></rect>${
    i % d.tickEvery === 0
      ? html`<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - 10}" text-anchor="middle" fill="${MUTED}">${p.label}</text>`
      : ""
  }`;
})}
</svg>`;
}

/** 0 and up to four round steps reaching at least max: 0, 5, 10, 15… */
export function niceTicks(value: number): number[] {
  const max = Math.max(1, value);
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}
