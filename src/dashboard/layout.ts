import { html, trusted, type Html } from './html.js';

/** The frame every page shares: a skip link, the header with who is signed in, the server's tabs. */

export interface Frame {
  readonly title: string;
  readonly person?: { readonly name: string } | undefined;
  /** The CSRF token for the sign-out form (every form posts one). */
  readonly csrf?: string | undefined;
  readonly server?: { readonly id: string; readonly name: string; readonly tab: Tab } | undefined;
  /** Whether the browser has told us its time zone yet (the script reloads once when it does). */
  readonly viewerZoneKnown?: boolean;
}

export const TABS = [
  { key: 'rituals', label: 'Rituals' },
  { key: 'libraries', label: 'Libraries' },
  { key: 'onboarding', label: 'Onboarding' },
  { key: 'courses', label: 'Courses' },
  { key: 'protocols', label: 'Protocols' },
] as const;
export type Tab = (typeof TABS)[number]['key'];

// Colours checked for WCAG AA contrast (4.5:1 or more) against their backgrounds.
const STYLE = `
:root { color-scheme: light; --ink: #1d2433; --muted: #4a5568; --accent: #1f5f3f; --accent-ink: #ffffff; --line: #c8ced8; --bad: #a1262a; --bg: #fbfaf7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #1a56b8; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.5rem; background: var(--accent); color: var(--accent-ink); }
header a { color: var(--accent-ink); }
header form { display: inline; }
nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 0; }
nav a[aria-current="page"] { font-weight: 700; }
main { max-width: 70rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.actions form { display: inline; }
button, .button { font: inherit; padding: .4rem .9rem; border-radius: .35rem; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); cursor: pointer; text-decoration: none; display: inline-block; }
button.quiet, .button.quiet { background: #fff; color: var(--accent); }
label { display: block; font-weight: 600; margin-top: .75rem; }
fieldset { border: 1px solid var(--line); border-radius: .35rem; margin-top: .75rem; }
fieldset label { display: inline-block; font-weight: 400; margin-right: .75rem; }
input[type=text], input[type=time], input[type=number], select, textarea { font: inherit; padding: .35rem; border: 1px solid #767676; border-radius: .25rem; min-width: 16rem; }
textarea { width: 100%; min-height: 5rem; }
.hint { color: var(--muted); font-size: .95rem; margin: .25rem 0; }
.problem { color: var(--bad); font-weight: 600; margin: .25rem 0; }
.notice { border-left: 4px solid var(--accent); padding: .5rem 1rem; background: #fff; }
.notice.bad { border-color: var(--bad); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid var(--muted); font-size: .9rem; }
.bar { display: flex; align-items: center; gap: .5rem; }
.bar svg { flex: 0 0 auto; }
`;

export function page(frame: Frame, body: Html): Html {
  const server = frame.server;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · Roots Bot dashboard</title>
<style>${trusted(STYLE)}</style>
<script src="/static/dashboard.js" defer></script>
</head>
<body data-viewer-zone="${frame.viewerZoneKnown === false ? 'unknown' : 'known'}">
<a class="skip" href="#main">Skip to the page</a>
<header>
  <div><a href="/">Roots Bot dashboard</a>${server ? html` · <span>${server.name}</span>` : ''}</div>
  ${
    frame.person
      ? html`<div>Signed in as ${frame.person.name}
  <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${frame.csrf ?? ''}"><button type="submit" class="quiet">Sign out</button></form></div>`
      : ''
  }
</header>
${
  server
    ? html`<nav aria-label="Server pages" class="card" style="margin: 0; border-radius: 0"><ul>${TABS.map(
        (tab) => html`<li><a href="/g/${server.id}/${tab.key}"${tab.key === server.tab ? html` aria-current="page"` : ''}>${tab.label}</a></li>`,
      )}</ul></nav>`
    : ''
}
<main id="main">
${body}
</main>
</body>
</html>`;
}
