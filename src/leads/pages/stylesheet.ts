// The leads and insights pages' own styles, served under a content-hashed URL (the shared stylesheet
// belongs to the platform). The page's CSP allows only same-origin stylesheets, hence a file, not inline.
import { createHash } from "node:crypto";
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";

export const leadsStylesheet = `
.subnav{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 1.1rem;padding:0;list-style:none}
.subnav a{display:inline-block;padding:.35rem .8rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;background:#fff}
.subnav a[aria-current=page]{background:var(--ink);color:#fff;border-color:var(--ink)}
.filters{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));align-items:end;margin-bottom:1rem}
.board-wrap{overflow-x:auto;padding-bottom:.5rem}
.board{display:grid;gap:1rem;grid-template-columns:1fr;list-style:none;margin:0;padding:0}
.board>li{background:#eef0f3;border-radius:var(--radius);padding:.7rem;min-width:0}
.board h2{font-size:1rem;margin:0 0 .6rem;display:flex;justify-content:space-between;gap:.5rem}
.board ul{list-style:none;margin:0;padding:0}
.lead-card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem .7rem;margin:0 0 .6rem;scroll-margin-top:1rem}
.lead-card:target{outline:3px solid var(--focus)}
.lead-card p{margin:.15rem 0}.lead-card .who{font-weight:600}
.move-form{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem;align-items:center}
.move-form select{flex:1 1 9rem;min-width:0;padding:.3rem .4rem}.move-form button{padding:.3rem .65rem}
@media (min-width:60rem){.board{grid-auto-flow:column;grid-template-columns:none;grid-auto-columns:minmax(14.5rem,1fr)}}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{border-left:3px solid var(--line);padding:.1rem 0 .9rem .9rem}
ol.timeline time{display:block;font-size:.85rem;color:var(--muted)}
.timeline .quote{white-space:pre-line;margin:.3rem 0 0;padding:.4rem .6rem;background:#f6f7f9;border-radius:6px}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:1rem;margin:0 0 1rem;padding:0;list-style:none}
.figures li{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.8rem 1rem}
.figures strong{display:block;font-size:1.6rem;line-height:1.2}
.chart svg{width:100%;height:auto;display:block;max-width:32rem}
.chart-legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.4rem 0 0;font-size:.9rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.35rem;vertical-align:-.05rem}
.swatch.s0{background:#1f5eff}.swatch.s1{background:#0f7a3d}.swatch.s2{background:#8a5a00}
progress{width:100%;height:1.2rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.row-errors li{margin:.2rem 0}
`;

export const LEADS_CSS_PATH = `/leads-assets/leads.${createHash("sha256").update(leadsStylesheet).digest("hex").slice(0, 12)}.css`;

/** Placed at the top of the page body: a stylesheet link is valid there, and the layout stays shared. */
export function leadsStyles(): Html {
  return html`<link rel="stylesheet" href="${LEADS_CSS_PATH}">`;
}
