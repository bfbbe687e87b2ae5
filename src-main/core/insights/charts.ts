// Chart definitions as plain Apache ECharts options, built once for both places they are drawn:
// the Insights screen (ECharts in the DOM) and the report and content pack (ECharts' server-side
// SVG). Texts come in already translated; colours come from the theme or the brand kit.
import type { TimeCell } from './best-times';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  /** Series colours, brand first. */
  series: readonly string[];
  /** Heatmap from low to high. */
  heat: readonly [string, string];
  font: string;
}

export const LIGHT_CHART_THEME: ChartTheme = {
  text: '#1f2937',
  muted: '#4b5563',
  grid: '#d1d5db',
  series: ['#4f46e5', '#0d9488', '#d97706', '#db2777'],
  heat: ['#eef2ff', '#3730a3'],
  font: 'Inter, sans-serif',
};

export const DARK_CHART_THEME: ChartTheme = {
  text: '#e5e7eb',
  muted: '#9ca3af',
  grid: '#374151',
  series: ['#818cf8', '#2dd4bf', '#fbbf24', '#f472b6'],
  heat: ['#1e1b4b', '#a5b4fc'],
  font: 'Inter, sans-serif',
};

type Option = Record<string, unknown>;

function base(theme: ChartTheme, interactive: boolean): Option {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: theme.font },
    color: [...theme.series],
    ...(interactive ? { tooltip: { trigger: 'axis', confine: true } } : {}),
  };
}

const axisStyle = (theme: ChartTheme) => ({
  axisLine: { lineStyle: { color: theme.grid } },
  axisLabel: { color: theme.muted, fontSize: 11 },
  splitLine: { lineStyle: { color: theme.grid } },
});

export interface NetworkRow {
  label: string;
  reach: number | null;
  impressions: number | null;
  engagements: number | null;
}

/** Views/impressions and engagements per network, side by side. */
export function networkChartOption(rows: readonly NetworkRow[], labels: { impressions: string; engagements: string }, theme: ChartTheme, interactive = false): Option {
  return {
    ...base(theme, interactive),
    grid: { left: 56, right: 56, top: 36, bottom: 32 },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: 11 }, itemWidth: 12, itemHeight: 8 },
    xAxis: { type: 'category', data: rows.map((r) => r.label), ...axisStyle(theme), splitLine: { show: false } },
    yAxis: [
      { type: 'value', ...axisStyle(theme) },
      { type: 'value', ...axisStyle(theme), splitLine: { show: false } },
    ],
    series: [
      { name: labels.impressions, type: 'bar', data: rows.map((r) => r.impressions ?? 0), barMaxWidth: 36 },
      { name: labels.engagements, type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.engagements ?? 0), barMaxWidth: 36 },
    ],
  };
}

export interface DayValue {
  label: string;
  value: number | null;
}

/** One value per day or week (followers gained, engagements), as a line. */
export function trendChartOption(points: readonly DayValue[], label: string, theme: ChartTheme, interactive = false, kind: 'line' | 'bar' = 'line'): Option {
  return {
    ...base(theme, interactive),
    grid: { left: 48, right: 16, top: 28, bottom: 32 },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: 11 }, itemWidth: 12, itemHeight: 8 },
    xAxis: { type: 'category', data: points.map((p) => p.label), ...axisStyle(theme), splitLine: { show: false }, axisLabel: { color: theme.muted, fontSize: 10, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(theme) },
    series: [
      kind === 'line'
        ? { name: label, type: 'line', data: points.map((p) => p.value), showSymbol: points.length <= 12, connectNulls: true, areaStyle: { opacity: 0.12 } }
        : { name: label, type: 'bar', data: points.map((p) => p.value), barMaxWidth: 14 },
    ],
  };
}

/**
 * The best-times grid: weekdays down, hours across (every third labelled). A cell's colour is its
 * score; cells without posts stay empty. `dayNames` is in display order, `order` the ISO weekdays.
 */
export function heatmapChartOption(
  cells: readonly TimeCell[],
  dayNames: readonly string[],
  order: readonly number[],
  labels: { hours: readonly string[]; score: string },
  theme: ChartTheme,
  interactive = false,
  layer: 'score' | 'audience' = 'score',
): Option {
  const data = cells
    .map((c) => ({ c, v: layer === 'score' ? c.score : c.audience }))
    .filter((x) => x.v !== null)
    .map(({ c, v }) => [c.hour, order.indexOf(c.weekday), Math.round(v! * 100) / 100]);
  const values = data.map((d) => d[2] as number);
  return {
    ...base(theme, false),
    ...(interactive ? { tooltip: { position: 'top', confine: true } } : {}),
    grid: { left: 44, right: 12, top: 8, bottom: 28 },
    xAxis: { type: 'category', data: labels.hours, splitArea: { show: false }, ...axisStyle(theme), axisLabel: { color: theme.muted, fontSize: 10, interval: 2 } },
    yAxis: { type: 'category', data: [...dayNames], inverse: true, ...axisStyle(theme), splitLine: { show: false } },
    visualMap: { show: false, min: Math.min(0, ...values), max: Math.max(1, ...values), inRange: { color: [...theme.heat] } },
    series: [{ name: labels.score, type: 'heatmap', data, itemStyle: { borderColor: theme.grid, borderWidth: 0.5 } }],
  };
}
