// The content pack preview page's only script, run by the client's browser from index.html (often
// from a folder, file://). The client marks each post "approve" or "changes requested" with a
// comment; the marks survive a reload (localStorage, per pack) and "Save" downloads decisions.json,
// which `atelier pack decisions` or the Packs screen applies back.
//
// preview.ts inlines this function's source into the page (the CSP allows it by its hash), so it is
// written to stand alone: no imports and nothing from this module used inside it, only the page's DOM
// and the JSON block the page carries (PreviewData).

/** What preview.ts puts in the page's `<script type="application/json" id="pack-data">`. */
export interface PreviewData {
  format: string;
  packCreatedAt: string;
  client: { id: string; name: string };
  /** "{done} of {total} posts reviewed", in the pack's language. */
  progress: string;
  /** Shown once decisions.json is downloaded. */
  savedText: string;
}

/** One post's decision, as decisions.json carries it. */
export interface PreviewDecision {
  postId: string;
  decision: string;
  comment: string;
  decidedAt: string;
}

export function previewClient(): void {
  const data = JSON.parse(document.getElementById('pack-data')?.textContent ?? '{}') as PreviewData;
  const key = `atelier-decisions:${data.client.id}:${data.packCreatedAt}`;
  let saved: Record<string, PreviewDecision> = {};
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, PreviewDecision>;
  } catch {
    // Storage may be off for file:// pages or hold something unreadable: start unmarked.
    saved = {};
  }
  const cards = Array.from(document.querySelectorAll<HTMLElement>('.card[data-post]'));
  const commentOf = (card: HTMLElement) => card.querySelector('textarea')?.value ?? '';

  const collect = (): PreviewDecision[] => {
    const out: PreviewDecision[] = [];
    for (const card of cards) {
      const postId = card.getAttribute('data-post') ?? '';
      const choice = card.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!choice) continue;
      const comment = commentOf(card);
      const before = saved[postId];
      // An unchanged decision keeps the time it was first made.
      const decidedAt = before && before.decision === choice.value && before.comment === comment ? before.decidedAt : new Date().toISOString();
      out.push({ postId, decision: choice.value, comment, decidedAt });
    }
    return out;
  };

  const refresh = () => {
    const list = collect();
    saved = {};
    for (const d of list) saved[d.postId] = d;
    try {
      localStorage.setItem(key, JSON.stringify(saved));
    } catch {
      // Without storage the marks last as long as the page: still usable, saved by the button.
    }
    for (const card of cards) card.setAttribute('data-decision', saved[card.getAttribute('data-post') ?? '']?.decision ?? '');
    const progress = document.getElementById('progress');
    if (progress) progress.textContent = data.progress.replace('{done}', String(list.length)).replace('{total}', String(cards.length));
  };

  for (const card of cards) {
    const d = saved[card.getAttribute('data-post') ?? ''];
    if (d) {
      const radio = Array.from(card.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => r.value === d.decision);
      if (radio) radio.checked = true;
      const textarea = card.querySelector('textarea');
      if (textarea) textarea.value = d.comment || '';
    }
    card.addEventListener('change', refresh);
    card.addEventListener('input', refresh);
  }

  document.getElementById('save')?.addEventListener('click', () => {
    const body = JSON.stringify({ format: data.format, version: 1, packCreatedAt: data.packCreatedAt, client: data.client, decisions: collect() }, null, 2);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    a.download = 'decisions.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    const status = document.getElementById('status');
    if (status) status.textContent = data.savedText;
  });

  refresh();
}
