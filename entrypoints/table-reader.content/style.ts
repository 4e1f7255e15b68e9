/**
 * The picker's look, inside its closed shadow root: the page's CSS cannot
 * reach it and it cannot reach the page. System colours follow light/dark.
 */
export const PICKER_CSS = `
/* The host covers the viewport without taking part in the page's layout: what changes inside never lays the page out again. */
:host { all: initial !important; position: fixed !important; inset: 0 !important; contain: strict !important; pointer-events: none !important; z-index: 2147483646 !important; display: block !important; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color-scheme: light dark; }
.box { position: fixed; pointer-events: auto; border: 3px solid #3552d8; background: rgba(53, 82, 216, .12); border-radius: 4px; cursor: pointer; padding: 0; margin: 0; }
.box:hover, .box:focus-visible { background: rgba(53, 82, 216, .25); outline: 3px solid #f6b73c; outline-offset: 1px; }
.box span { position: absolute; top: 0; left: 0; background: #3552d8; color: #fff; font: 600 12px system-ui, sans-serif; padding: 2px 8px; border-radius: 0 0 4px 0; }
.chosen { position: fixed; pointer-events: none; border: 3px solid #1f7a4d; border-radius: 4px; }
.panel { position: fixed; top: 12px; right: 12px; width: min(460px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; pointer-events: auto;
  background: Canvas; color: CanvasText; border: 1px solid #8892a6; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 12px 14px; }
.panel h2 { font-size: 15px; margin: 0 0 8px; }
.panel p { margin: 6px 0; }
.note { opacity: .8; font-size: 12.5px; }
.problem { color: #b3261e; font-weight: 600; }
@media (prefers-color-scheme: dark) { .problem { color: #ff8a80; } }
.row { display: flex; gap: 8px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
label { font-weight: 500; }
select, input { font: inherit; color: CanvasText; background: Canvas; border: 1px solid #8892a6; border-radius: 6px; padding: 2px 6px; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
th, td { text-align: left; padding: 3px 6px 3px 0; border-bottom: 1px solid rgba(136,146,166,.4); vertical-align: top; }
td.example { max-width: 140px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; opacity: .85; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
button { font: inherit; border-radius: 8px; padding: 5px 12px; cursor: pointer; border: 1px solid #8892a6; background: Canvas; color: CanvasText; }
button.primary { background: #3552d8; border-color: #3552d8; color: #fff; }
button:focus-visible, select:focus-visible { outline: 3px solid #f6b73c; outline-offset: 1px; }
ul { margin: 4px 0; padding-left: 18px; font-size: 12.5px; }
progress { width: 100%; }
`;
