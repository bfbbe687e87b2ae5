// The monthly client report: a PDF with real, selectable text in an embedded font (the brand kit's
// when it can be embedded), charts drawn as vectors from ECharts' SVG, thumbnails of the top posts,
// best times and next month's plan. English or French; colours and logo from a brand kit.
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import sharp from 'sharp';
import type { Summary } from '../../contract/api/insights';
import { heatmapChartOption, LIGHT_CHART_THEME, networkChartOption, trendChartOption, type ChartTheme } from '../../core/insights/charts';
import { fill, NETWORK_NAMES, REPORT_STRINGS, type ReportLanguage, type ReportStrings } from '../../core/insights/report-strings';
import { shiftMonth } from '../../core/insights/dates';
import { drawSvgOnPage, parseColor, renderChartSvg } from './chart-svg';
import { loadReportFonts, type FontChoice } from './report-fonts';

export interface PlannedPost {
  localTime: string | null;
  title: string;
  networks: string[];
  status: string;
}

export interface ReportInputData {
  summary: Summary;
  language: ReportLanguage;
  month: string;
  /** Whose kit dresses the report, and its name (shown as "Prepared by" when not the client). */
  brand: { name: string; isClient: boolean; palette: string[]; heading: FontChoice | null; body: FontChoice | null; logo: Buffer | null };
  thumbnails: Map<string, Buffer>;
  nextMonth: PlannedPost[];
  now: number;
  fontsDir: string | null;
}

const A4 = { w: 595.28, h: 841.89 };
const M = 40;
const CONTENT_W = A4.w - 2 * M;

function color(hex: string | undefined, fallback: string): RGB {
  const c = parseColor(hex) ?? parseColor(fallback)!;
  return rgb(c.r, c.g, c.b);
}

function luminance(c: RGB): number {
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c.red) + 0.7152 * lin(c.green) + 0.0722 * lin(c.blue);
}

async function toPng(bytes: Buffer, max: number): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { limitInputPixels: 50_000_000 }).resize(max, max, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  } catch {
    return null;
  }
}

export async function buildReport(data: ReportInputData): Promise<{ bytes: Uint8Array; pages: number; warnings: string[] }> {
  const { summary: s, language } = data;
  const t: ReportStrings = REPORT_STRINGS[language];
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const doc = await PDFDocument.create();
  const { fonts, warnings } = await loadReportFonts(doc, { fontsDir: data.fontsDir, heading: data.brand.heading, body: data.brand.body });
  const monthName = (month: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1, 15));
  const dayName = (date: string, style: 'long' | 'medium' = 'medium') => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const weekday = (iso: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, iso)); // 2024-01-01 was a Monday
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signedPct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const num = (v: number | null) => (v === null ? t.notMeasured : int.format(v));
  const rate = (v: number | null) => (v === null ? t.notMeasured : pct.format(v));

  const brand = color(data.brand.palette[0], '#4f46e5');
  const accent = color(data.brand.palette[1], '#0d9488');
  const ink = rgb(0.12, 0.14, 0.18);
  const muted = rgb(0.36, 0.39, 0.45);
  const line = rgb(0.86, 0.87, 0.9);
  const good = rgb(0.02, 0.47, 0.34);
  const bad = rgb(0.72, 0.11, 0.11);
  const onBrand = luminance(brand) > 0.45 ? ink : rgb(1, 1, 1);
  const hex = (c: RGB) => `#${[c.red, c.green, c.blue].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
  const theme: ChartTheme = { ...LIGHT_CHART_THEME, series: [hex(brand), hex(accent), ...LIGHT_CHART_THEME.series.slice(2)], heat: ['#f3f4f6', hex(brand)], font: 'sans-serif' };

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([A4.w, A4.h]);
    pages.push(page);
    y = A4.h - M;
  };
  const ensure = (height: number) => {
    if (y - height < M + 24) newPage();
  };
  const text = (value: string, x: number, at: number, size: number, font: PDFFont = fonts.regular, c: RGB = ink) => {
    page.drawText(fonts.clean(value, font), { x, y: at, size, font, color: c });
  };
  const width = (value: string, size: number, font: PDFFont = fonts.regular) => font.widthOfTextAtSize(fonts.clean(value, font), size);
  /** Words wrapped to a width; at most `maxLines`, the last one ellipsised. */
  const wrap = (value: string, size: number, maxWidth: number, maxLines = Infinity, font: PDFFont = fonts.regular): string[] => {
    const lines: string[] = [];
    for (const paragraph of fonts.clean(value, font).split(/\n+/)) {
      let current = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= maxWidth || !current) current = next;
        else {
          lines.push(current);
          current = word;
        }
      }
      if (current) lines.push(current);
    }
    if (lines.length > maxLines) {
      const kept = lines.slice(0, maxLines);
      let last = kept[maxLines - 1]!;
      while (last && font.widthOfTextAtSize(`${last}…`, size) > maxWidth) last = last.slice(0, -1);
      kept[maxLines - 1] = `${last.trimEnd()}…`;
      return kept;
    }
    return lines;
  };
  const heading = (value: string) => {
    ensure(40);
    y -= 22;
    text(value, M, y, 15, fonts.heading, brand);
    y -= 12;
  };
  const chart = (option: Record<string, unknown>, title: string, h: number) => {
    ensure(h + 24);
    y -= 14;
    text(title, M, y, 10.5, fonts.bold, ink);
    y -= 6;
    const svg = renderChartSvg(option, 640, Math.round((h * 640) / CONTENT_W));
    drawSvgOnPage(page, svg, { x: M, top: y, scale: CONTENT_W / 640, font: fonts.regular, clean: (v) => fonts.clean(v) });
    y -= h;
  };

  // Cover.
  newPage();
  const band = 210;
  page.drawRectangle({ x: 0, y: A4.h - band, width: A4.w, height: band, color: brand });
  let logo: PDFImage | null = null;
  if (data.brand.logo) {
    const png = await toPng(data.brand.logo, 400);
    if (png) logo = await doc.embedPng(png);
  }
  if (logo) {
    const scale = Math.min(150 / logo.width, 48 / logo.height);
    const w = logo.width * scale, h = logo.height * scale;
    page.drawRectangle({ x: M - 8, y: A4.h - M - h - 8, width: w + 16, height: h + 16, color: rgb(1, 1, 1) });
    page.drawImage(logo, { x: M, y: A4.h - M - h, width: w, height: h });
  }
  text(t.title.toUpperCase(), M, A4.h - 120, 11, fonts.bold, onBrand);
  const name = wrap(s.clientName, 28, CONTENT_W, 1, fonts.heading)[0] ?? '';
  text(name, M, A4.h - 152, 28, fonts.heading, onBrand);
  text(monthName(data.month), M, A4.h - 180, 15, fonts.regular, onBrand);
  if (!data.brand.isClient) {
    const by = fill(t.preparedBy, { name: data.brand.name });
    text(by, A4.w - M - width(by, 10), A4.h - 180, 10, fonts.regular, onBrand);
  }
  y = A4.h - band - 10;

  // KPI tiles with the change against the month before.
  heading(t.kpis);
  const previousMonth = monthName(shiftMonth(data.month, -1));
  const tiles: { label: string; value: string; change: { text: string; sign: number } | null; detail?: string }[] = [];
  const change = (key: keyof Summary['changes'], asPoints = false) => {
    const c = s.changes[key];
    if (c.delta === null) return { text: t.noComparison, sign: 0 };
    const value = asPoints ? fill(t.points, { value: signed.format(c.delta * 100) }) : c.ratio !== null ? signedPct.format(c.ratio) : signed.format(c.delta);
    return { text: `${value} ${fill(t.vsPrevious, { month: previousMonth })}`, sign: Math.sign(c.delta) };
  };
  tiles.push({ label: t.tiles.posts, value: num(s.posts), change: change('posts') });
  tiles.push({ label: t.tiles.reach, value: num(s.reach), change: change('reach') });
  tiles.push({ label: t.tiles.impressions, value: num(s.impressions), change: change('impressions') });
  tiles.push({ label: t.tiles.engagements, value: num(s.engagements), change: change('engagements') });
  tiles.push({ label: t.tiles.engagementRate, value: rate(s.engagementRate), change: change('engagementRate', true) });
  tiles.push({ label: t.tiles.followersGained, value: s.followersGained === null ? t.notMeasured : signed.format(s.followersGained), change: change('followersGained') });
  tiles.push({ label: t.tiles.clicks, value: num(s.clicks), change: change('clicks') });
  tiles.push({ label: t.tiles.adherence, value: rate(s.adherence.rate), change: null, detail: fill(t.adherenceDetail, { published: s.adherence.published, planned: s.adherence.planned }) });
  const cols = 4, gap = 10, tileW = (CONTENT_W - gap * (cols - 1)) / cols, tileH = 74;
  tiles.forEach((tile, i) => {
    const cx = M + (i % cols) * (tileW + gap);
    const top = y - Math.floor(i / cols) * (tileH + gap);
    page.drawRectangle({ x: cx, y: top - tileH, width: tileW, height: tileH, color: rgb(0.97, 0.97, 0.98), borderColor: line, borderWidth: 0.75 });
    page.drawRectangle({ x: cx, y: top - tileH, width: 3, height: tileH, color: brand });
    text(wrap(tile.label, 8.5, tileW - 16, 1)[0] ?? '', cx + 10, top - 16, 8.5, fonts.regular, muted);
    text(tile.value, cx + 10, top - 42, 19, fonts.bold, ink);
    const sub = tile.change ? tile.change.text : (tile.detail ?? '');
    const c = tile.change ? (tile.change.sign > 0 ? good : tile.change.sign < 0 ? bad : muted) : muted;
    for (const [k, l] of wrap(sub, 7.5, tileW - 16, 2).entries()) text(l, cx + 10, top - 56 - k * 9, 7.5, fonts.regular, c);
  });
  y -= 2 * tileH + gap;

  // By network.
  if (s.networks.length > 0) {
    heading(t.networks);
    const headers = [t.network, t.tiles.posts, t.tiles.reach, t.tiles.impressions, t.tiles.engagements, t.tiles.engagementRate, t.tiles.followersGained];
    const widths = [90, 55, 65, 80, 75, 75, 75];
    const row = (cells: string[], font: PDFFont, size: number, c: RGB, lines = 1) => {
      const h = 8 + lines * (size + 2);
      ensure(h);
      let x = M;
      cells.forEach((cell, i) => {
        wrap(cell, size, widths[i]! - 6, lines, font).forEach((fitted, k) => {
          const at = y - 12 - k * (size + 2);
          if (i === 0) text(fitted, x, at, size, font, c);
          else text(fitted, x + widths[i]! - 6 - width(fitted, size, font), at, size, font, c);
        });
        x += widths[i]!;
      });
      y -= h;
      page.drawLine({ start: { x: M, y }, end: { x: M + CONTENT_W, y }, thickness: 0.5, color: line });
    };
    row(headers, fonts.bold, 7.5, muted, 2);
    for (const n of s.networks) row([NETWORK_NAMES[n.network] ?? n.network, num(n.posts), num(n.reach), num(n.impressions), num(n.engagements), rate(n.engagementRate), n.followersGained === null ? t.notMeasured : signed.format(n.followersGained)], fonts.regular, 8.5, ink);
  }

  // Charts.
  newPage();
  const charts = t.charts;
  if (s.networks.length > 0) {
    chart(networkChartOption(s.networks.map((n) => ({ label: NETWORK_NAMES[n.network] ?? n.network, reach: n.reach, impressions: n.impressions, engagements: n.engagements })), { impressions: charts.impressions, engagements: charts.engagements }, theme), charts.byNetwork, 210);
  }
  const dayLabel = (d: string) => String(+d.slice(8, 10));
  chart(trendChartOption(s.daily.map((d) => ({ label: dayLabel(d.date), value: d.engagements ?? 0 })), charts.engagements, theme), charts.engagementsPerDay, 170);
  if (s.daily.some((d) => d.followersGained !== null)) {
    chart(trendChartOption(s.daily.map((d) => ({ label: dayLabel(d.date), value: d.followersGained })), charts.followers, theme, false, 'bar'), charts.followersPerDay, 170);
  }

  // Top posts.
  heading(t.topPosts);
  if (s.topPosts.length === 0) {
    ensure(20);
    y -= 14;
    text(t.noPosts, M, y, 9.5, fonts.regular, muted);
  }
  for (const post of s.topPosts) {
    ensure(74);
    const top = y - 6;
    const thumb = post.postId ? data.thumbnails.get(post.postId) : undefined;
    const image = thumb ? await doc.embedPng((await toPng(thumb, 192)) ?? thumb).catch(() => null) : null;
    if (image) {
      const scale = Math.min(60 / image.width, 60 / image.height);
      page.drawImage(image, { x: M + (60 - image.width * scale) / 2, y: top - 60 + (60 - image.height * scale) / 2, width: image.width * scale, height: image.height * scale });
    } else {
      page.drawRectangle({ x: M, y: top - 60, width: 60, height: 60, color: rgb(0.95, 0.95, 0.97), borderColor: line, borderWidth: 0.5 });
      const initial = (NETWORK_NAMES[post.network] ?? post.network).slice(0, 1);
      text(initial, M + 30 - width(initial, 20, fonts.bold) / 2, top - 37, 20, fonts.bold, brand);
    }
    const x = M + 72;
    const w = CONTENT_W - 72;
    text(wrap(post.title, 10.5, w, 1, fonts.bold)[0] ?? '', x, top - 11, 10.5, fonts.bold, ink);
    const when = post.localTime ? `${dayName(post.localTime.slice(0, 10))}${post.precision === 'time' ? ` ${post.localTime.slice(11)}` : ''}` : '';
    text(`${NETWORK_NAMES[post.network] ?? post.network}${when ? ` · ${when}` : ''}`, x, top - 24, 8.5, fonts.regular, muted);
    const figures = [
      post.views !== null ? `${t.tiles.impressions} ${num(post.views)}` : null,
      post.reach !== null ? `${t.tiles.reach} ${num(post.reach)}` : null,
      post.engagements !== null ? `${t.tiles.engagements} ${num(post.engagements)}` : null,
      post.engagementRate !== null ? `${t.rate} ${rate(post.engagementRate)}` : null,
    ].filter(Boolean).join(' · ');
    text(figures, x, top - 37, 8.5, fonts.regular, ink);
    for (const [k, l] of wrap(post.caption.replace(/\s+/g, ' '), 8, w, 2).entries()) text(l, x, top - 50 - k * 10, 8, fonts.regular, muted);
    y = top - 68;
  }

  // Best times.
  heading(t.bestTimes);
  for (const l of wrap(fill(t.bestTimesIntro, { zone: s.timeZone }), 8.5, CONTENT_W)) {
    ensure(12);
    y -= 12;
    text(l, M, y, 8.5, fonts.regular, muted);
  }
  y -= 4;
  if (s.bestTimes.length === 0) {
    y -= 14;
    text(t.bestTimesNone, M, y, 9.5, fonts.regular, muted);
  } else {
    const order = [1, 2, 3, 4, 5, 6, 7];
    const hours = Array.from({ length: 24 }, (_, h) => `${h}h`);
    chart(heatmapChartOption(s.heatmap.cells, order.map((d) => weekday(d).slice(0, 3)), order, { hours, score: charts.score }, theme), '', 170);
    for (const slot of s.bestTimes) {
      ensure(14);
      y -= 13;
      const label = fill(t.slot, { day: weekday(slot.weekday), time: slot.time });
      text(label, M, y, 9.5, fonts.bold, ink);
      const scoreText = slot.score !== null ? `${charts.score} ${dec.format(slot.score)} · ${fill(t.postsInSlot, { count: slot.posts })} · ${t.confidence[slot.confidence]}` : '';
      text(scoreText, M + 150, y, 9, fonts.regular, muted);
    }
  }

  // Next month's plan.
  const next = shiftMonth(data.month, 1);
  heading(t.nextMonth);
  if (data.nextMonth.length === 0) {
    ensure(16);
    y -= 14;
    text(fill(t.nextMonthNone, { month: monthName(next) }), M, y, 9.5, fonts.regular, muted);
  } else {
    const widths = [120, 245, 150];
    const row = (cells: string[], font: PDFFont, size: number, c: RGB) => {
      ensure(16);
      let x = M;
      cells.forEach((cell, i) => {
        text(wrap(cell, size, widths[i]! - 8, 1, font)[0] ?? '', x, y - 11, size, font, c);
        x += widths[i]!;
      });
      y -= 16;
      page.drawLine({ start: { x: M, y }, end: { x: M + CONTENT_W, y }, thickness: 0.5, color: line });
    };
    row([t.when, t.post, t.status], fonts.bold, 8, muted);
    for (const p of data.nextMonth) {
      const when = p.localTime ? `${dayName(p.localTime.slice(0, 10))} ${p.localTime.slice(11)}` : '';
      const networks = p.networks.map((n) => NETWORK_NAMES[n] ?? n).join(', ');
      row([when, networks ? `${p.title} (${networks})` : p.title, (t.statuses as Record<string, string>)[p.status] ?? p.status], fonts.regular, 8.5, ink);
    }
  }

  // Method and sources.
  heading(t.method);
  for (const sentence of [...t.methodLines, ...s.exports.map((e) => fill(t.exportOf, { network: NETWORK_NAMES[e.network] ?? e.network, date: dayName(e.exportDate.slice(0, 10)) }))]) {
    for (const l of wrap(sentence, 8, CONTENT_W)) {
      ensure(11);
      y -= 11;
      text(l, M, y, 8, fonts.regular, muted);
    }
    y -= 3;
  }

  // Footers, once the page count is known.
  const generated = fill(t.generated, { date: dayName(new Date(data.now).toISOString().slice(0, 10), 'long') });
  pages.forEach((p, i) => {
    page = p;
    const left = `${s.clientName} · ${t.title} · ${monthName(data.month)}`;
    text(wrap(left, 7.5, CONTENT_W - 120, 1)[0] ?? '', M, 22, 7.5, fonts.regular, muted);
    const right = fill(t.page, { n: i + 1, total: pages.length });
    text(right, A4.w - M - width(right, 7.5), 22, 7.5, fonts.regular, muted);
    if (i === 0) text(generated, M, 34, 7.5, fonts.regular, muted);
  });

  doc.setTitle(`${s.clientName} — ${t.title} — ${monthName(data.month)}`);
  doc.setLanguage(language);
  doc.setCreator('Atelier');
  doc.setProducer('Atelier');
  doc.setCreationDate(new Date(data.now));
  doc.setModificationDate(new Date(data.now));
  const bytes = await doc.save();
  return { bytes, pages: pages.length, warnings };
}
