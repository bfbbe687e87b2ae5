// index.html of a content pack: one self-contained page (inline CSS and script, images by relative
// path) that works from a folder on any computer. Its CSP forbids every network request; the only
// script (preview-client.ts) is allowed by its hash. The client marks each post and downloads decisions.json.
import { createHash } from 'node:crypto';
import { DECISIONS_FORMAT, type PackManifest } from '../../core/packs/manifest';
import { fill, PREVIEW_STRINGS, type PreviewLanguage } from '../../core/packs/preview-strings';
import { escapeHtml, MOCKUP_CSS, mockupHtml, type MockupStrings } from '../../core/posts/mockup';
import { previewClient, type PreviewData } from './preview-client';

/** JSON that is safe inside <script>: no `</script>`, no HTML comment openers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function formatLocal(post: PackManifest['posts'][number], language: PreviewLanguage): string | null {
  if (!post.scheduledAt) return null;
  return new Intl.DateTimeFormat(language, { timeZone: post.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(post.scheduledAt));
}

const STYLE = `
:root{color-scheme:light dark;--bg:#f6f6f9;--card:#fff;--text:#181a20;--muted:#5a6072;--border:#d5d8e1;--accent:#4338ca;--ok:#15803d;--warn:#b45309}
@media (prefers-color-scheme:dark){:root{--bg:#111318;--card:#1b1e26;--text:#eceef4;--muted:#a3a9ba;--border:#363b4a;--accent:#8b87ff;--ok:#4ade80;--warn:#fbbf24}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;background:var(--bg);color:var(--text)}
header{padding:24px 32px;border-bottom:4px solid var(--client)}h1{margin:0 0 4px;font-size:26px}.muted{color:var(--muted)}
main{max-width:1100px;margin:0 auto;padding:24px 32px;display:grid;gap:24px}
.toolbar{display:flex;gap:16px;align-items:center;flex-wrap:wrap;position:sticky;top:0;background:var(--bg);padding:12px 0;z-index:1}
.card{background:var(--card);border:1px solid var(--border);border-radius:10px;padding:20px;display:grid;gap:14px;break-inside:avoid}
.card h2{margin:0;font-size:19px}.meta{display:flex;gap:12px;flex-wrap:wrap}.badge{border:1px solid var(--border);border-radius:999px;padding:1px 10px;font-size:13px}
.mockups{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px;align-items:start}
${MOCKUP_CSS}
fieldset{border:1px solid var(--border);border-radius:8px;display:grid;gap:8px}legend{font-weight:600}
label{display:inline-flex;gap:6px;align-items:center;margin-right:16px}textarea{width:100%;min-height:60px;font:inherit;color:inherit;background:transparent;border:1px solid var(--border);border-radius:6px;padding:6px}
button{font:inherit;padding:8px 16px;border-radius:6px;border:0;background:var(--accent);color:#fff;cursor:pointer}
.card[data-decision=approve]{border-color:var(--ok)}.card[data-decision=changes_requested]{border-color:var(--warn)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
@media print{.toolbar,button{display:none}body{background:#fff;color:#000}.card{border-color:#999}textarea{border:0}}
`;

/** The page's script: previewClient's source, called at once (a bundler's output is plain JS). */
const SCRIPT = `(${previewClient.toString()})();`;

export function renderPreviewPage(manifest: PackManifest, language: PreviewLanguage): string {
  const s = PREVIEW_STRINGS[language];
  const dateFormat = new Intl.DateTimeFormat(language, { timeZone: manifest.client.timeZone, dateStyle: 'long' });
  const period =
    manifest.period.from && manifest.period.to
      ? fill(s.period, { from: dateFormat.format(new Date(manifest.period.from)), to: dateFormat.format(new Date(Date.parse(manifest.period.to) - 1)) })
      : '';
  const mockupStrings: MockupStrings = {
    more: s.more,
    noPicture: s.noImage,
    label: (network) => fill(s.mockup, { network }),
    picture: (n, count) => fill(s.picture, { n, count }),
    carousel: (count) => fill(s.carousel, { count }),
  };
  const cards = manifest.posts
    .map((post) => {
      const when = formatLocal(post, language) ?? s.unscheduled;
      // Each network's post as the network shows it: the composer's mock-up, with the pack's images.
      const variants = post.variants.length
        ? `<div class="mockups">${post.variants
            .map((v) => mockupHtml({ network: v.network, account: { name: manifest.client.name, color: manifest.client.color }, meta: when, text: v.caption, images: v.images }, mockupStrings))
            .join('')}</div>`
        : '';
      const id = escapeHtml(post.id);
      return `<article class="card" data-post="${id}" aria-labelledby="t-${id}">
<h2 id="t-${id}">${escapeHtml(post.title)}</h2>
<div class="meta"><span>${escapeHtml(when)}</span><span class="badge">${escapeHtml(s.status)}: ${escapeHtml(s.statuses[post.status])}</span></div>
${variants}
<fieldset><legend>${escapeHtml(post.title)}</legend>
<div><label><input type="radio" name="d-${id}" value="approve"> ${escapeHtml(s.approve)}</label><label><input type="radio" name="d-${id}" value="changes_requested"> ${escapeHtml(s.changes)}</label></div>
<label style="display:grid;margin:0">${escapeHtml(s.comment)}<textarea placeholder="${escapeHtml(s.commentPlaceholder)}"></textarea></label>
</fieldset></article>`;
    })
    .join('\n');
  const data: PreviewData = {
    format: DECISIONS_FORMAT,
    packCreatedAt: manifest.createdAt,
    client: { id: manifest.client.id, name: manifest.client.name },
    progress: s.progress,
    savedText: s.saved,
  };
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; img-src 'self' file: data: blob:; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'; connect-src 'none'`;
  const title = fill(s.title, { client: manifest.client.name });
  // The report's path is one the pack wrote (report/<name>.pdf); encoded for the href all the same.
  const report = manifest.files.report ? `<p class="report"><a href="${escapeHtml(manifest.files.report.split('/').map(encodeURIComponent).join('/'))}">${escapeHtml(s.report)}</a></p>` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body style="--client:${escapeHtml(/^#[0-9a-fA-F]{6}$/.test(manifest.client.color) ? manifest.client.color : '#4338ca')}">
<header><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(period)}${period ? ' · ' : ''}${escapeHtml(fill(s.generated, { date: dateFormat.format(new Date(manifest.createdAt)) }))}</p><p>${escapeHtml(s.intro)}</p>${report}</header>
<main>
<div class="toolbar"><button type="button" id="save">${escapeHtml(s.save)}</button><span id="progress" aria-live="polite"></span><span id="status" role="status"></span></div>
<h2 class="visually-hidden" style="position:absolute;left:-9999px">${escapeHtml(s.posts)}</h2>
${cards}
</main>
<script type="application/json" id="pack-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
