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
@media (max-width:40rem){h1{font-size:1.35rem}main{padding:1rem .75rem 2rem}.card{padding:.9rem}
header.top .inner{gap:.4rem .5rem;padding:.5rem .75rem}header.top form{margin-left:auto}header.top button{padding:.35rem .75rem}
nav.main{order:3;flex-basis:100%;flex-wrap:wrap;overflow:visible}nav.main a{padding:.35rem .5rem}}
`;
