// The whole stylesheet, small and framework-free. A .ts module so Node and the Worker bundle serve it alike.
export const stylesheet = `
:root{--bg:#f7f7f5;--card:#fff;--ink:#1d1f23;--muted:#545b66;--line:#dcdfe4;--brand:#1f5eff;--brand-ink:#fff;
--ok:#0f7a3d;--warn:#8a5a00;--bad:#b3261e;--focus:#ffb000;--radius:10px;--shadow:0 1px 2px rgba(0,0,0,.06),0 2px 8px rgba(0,0,0,.05);
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.5}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;flex-direction:column}
a{color:var(--brand)}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
header.top{background:var(--ink);color:#fff}header.top .inner{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;max-width:72rem;margin:0 auto;padding:.6rem 1rem}
.brand{font-weight:700;font-size:1.15rem;color:#fff;text-decoration:none;letter-spacing:.01em}
nav.main{display:flex;gap:.25rem;overflow-x:auto;flex:1;scrollbar-width:thin}
nav.main a{color:#e8eaee;text-decoration:none;padding:.4rem .65rem;border-radius:6px;white-space:nowrap}
nav.main a[aria-current=page],nav.main a:hover{background:rgba(255,255,255,.14);color:#fff}
header.top form{margin:0}header.top button{background:transparent;color:#e8eaee;border:1px solid rgba(255,255,255,.35)}
main{flex:1;width:100%;max-width:72rem;margin:0 auto;padding:1.25rem 1rem 3rem}
main.narrow{max-width:34rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem;line-height:1.25}h2{font-size:1.2rem;margin:1.5rem 0 .6rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1.1rem 1.2rem;box-shadow:var(--shadow);margin-bottom:1rem}
.card>:first-child{margin-top:0}.card>:last-child{margin-bottom:0}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.muted{color:var(--muted)}.small{font-size:.875rem}
form.stack{display:flex;flex-direction:column;gap:.9rem}
.field{display:flex;flex-direction:column;gap:.3rem}
label{font-weight:600}.hint{font-size:.875rem;color:var(--muted);font-weight:400}
input,select,textarea{font:inherit;padding:.55rem .65rem;border:1px solid #8c939e;border-radius:8px;background:#fff;color:var(--ink);width:100%}
textarea{min-height:6rem}input[type=checkbox],input[type=radio]{width:auto}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--bad);border-width:2px}
.error-text{color:var(--bad);font-size:.9rem;font-weight:600}
button,.button{font:inherit;font-weight:600;display:inline-flex;align-items:center;justify-content:center;gap:.4rem;padding:.55rem 1rem;
border-radius:8px;border:1px solid var(--brand);background:var(--brand);color:var(--brand-ink);cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--brand)}button.danger{background:var(--bad);border-color:var(--bad)}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
.notice{border-left:4px solid var(--brand);background:#eef3ff;padding:.7rem .9rem;border-radius:6px;margin-bottom:1rem}
.notice.error{border-color:var(--bad);background:#fdeeee}.notice.ok{border-color:var(--ok);background:#e9f6ee}
table{width:100%;border-collapse:collapse;background:var(--card)}th,td{text-align:left;padding:.55rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}td button{padding:.3rem .75rem}td form{margin:0}td code{white-space:nowrap;word-break:normal}.table-wrap{overflow-x:auto;position:relative;border:1px solid var(--line);border-radius:var(--radius)}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;background:#e8eaee;color:var(--ink)}
.badge.ok{background:#dff3e6;color:#0b5a2c}.badge.warn{background:#fdf0d5;color:#6b4500}.badge.bad{background:#fbe0de;color:#8c1d17}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
.secret{background:#fff8e1;border:1px dashed #b88a00;padding:.7rem .9rem;border-radius:8px;margin-bottom:1rem}.secret p{margin:.3rem 0}
.secret code{font-size:1rem;user-select:all}
iframe.preview{width:100%;min-height:24rem;border:1px solid var(--line);border-radius:8px;background:#fff}
pre.text-preview{white-space:pre-wrap;background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;overflow-x:auto}
footer.bottom{color:var(--muted);font-size:.85rem;text-align:center;padding:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* booking pages */
.lang-switch{text-align:right;margin:0;font-size:.9rem}.link-header{margin-bottom:1rem}.link-header h1{margin:.1rem 0 .2rem}
.owner-name{margin:0;font-weight:600}.meta{margin:0 0 .4rem;color:var(--muted)}.description{white-space:pre-line}
.step{margin:.6rem 0 0;font-size:.85rem;font-weight:700;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.optional{font-weight:400;color:var(--muted)}fieldset.field{border:0;padding:0;margin:0;min-width:0}fieldset.field legend{font-weight:600;padding:0;margin-bottom:.2rem}
.choice{display:flex;gap:.55rem;align-items:center;font-weight:400;padding:.15rem 0}.choices.inline{flex-flow:row wrap;column-gap:1.5rem}
.choice input{width:1.15rem;height:1.15rem;margin:0}.money{display:flex;align-items:center;gap:.45rem}.money .unit{font-weight:600}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.inline-control{display:flex;gap:.5rem}.inline-control select{flex:1;min-width:0}
.week-bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;margin:1.2rem 0 .8rem}.week-bar h3{margin:0;font-size:1.05rem}
.week-nav{display:flex;gap:.5rem}.week-nav button{padding:.4rem .7rem;font-size:.9rem}button:disabled{opacity:.45;cursor:default}
fieldset.day{border:0;padding:0;margin:0 0 1.1rem;min-width:0}fieldset.day legend{font-weight:600;padding:0;margin-bottom:.45rem}fieldset.day legend::first-letter{text-transform:uppercase}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(5.25rem,1fr));gap:.5rem}.slot{position:relative}
.slot input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.slot label{display:block;text-align:center;padding:.6rem .25rem;border:1px solid var(--brand);border-radius:8px;color:var(--brand);background:#fff;font-variant-numeric:tabular-nums}
.slot input:checked+label{background:var(--brand);color:#fff}.slot input:focus-visible+label{outline:3px solid var(--focus);outline-offset:2px}
.book-bar{position:sticky;bottom:0;background:var(--bg);padding:.75rem 0;border-top:1px solid var(--line)}.book-bar button{width:100%}
dl.details{margin:0 0 1rem;display:grid;gap:.6rem}dl.details div{display:grid;grid-template-columns:minmax(6rem,10rem) 1fr;gap:.75rem}
dl.details dt{color:var(--muted);font-weight:600}dl.details dd{margin:0;overflow-wrap:anywhere;white-space:pre-line}.reasons{padding-left:1.2rem}
.copy-field{display:flex;gap:.5rem}.copy-field input{min-width:0}
@media (max-width:40rem){dl.details div{grid-template-columns:1fr;gap:0}}
/* booking-link editor and bookings list */
section.stack{display:flex;flex-direction:column;gap:.9rem}section.stack>h2,section.stack>h3,section.stack>p{margin:0}.form-grid{display:grid;gap:.9rem;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr))}
fieldset.day-hours,fieldset.question{border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem .7rem;margin:0;min-width:0}
fieldset.question{display:flex;flex-direction:column;gap:.8rem}fieldset.day-hours legend,fieldset.question legend{font-weight:600;padding:0 .3rem}
.windows{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}.window{display:flex;align-items:center;gap:.35rem;flex-wrap:wrap}
.window input.time{width:5.25rem}.window .error-text{flex-basis:100%}summary{cursor:pointer;font-weight:600;color:var(--brand)}
.save-bar{position:sticky;bottom:0;background:var(--bg);padding:.75rem 0;border-top:1px solid var(--line)}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin-bottom:1rem}.row-actions{display:flex;flex-direction:column;gap:.4rem;min-width:9rem}
.link-card a{overflow-wrap:anywhere}
@media (min-width:40.01rem){nav.main{flex-wrap:wrap;overflow:visible}}

@media (max-width:40rem){h1{font-size:1.35rem}main{padding:1rem .75rem 2rem}.card{padding:.9rem}
header.top .inner{gap:.4rem .5rem;padding:.5rem .75rem}header.top form{margin-left:auto}header.top button{padding:.35rem .75rem}
nav.main{order:3;flex-basis:100%;flex-wrap:wrap;overflow:visible}nav.main a{padding:.35rem .5rem}}
`;
