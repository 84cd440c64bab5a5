/**
 * The dashboard's charts (a lazy chunk): ECharts from `echarts/core` with only the parts used, drawn on
 * canvas with the page's fonts. Tooltips are drawn as rich text, never as HTML.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { DOMAIN_COLOURS, FONT_STACK, MODALITY_COLOURS } from '../format.js';
import type { ApiTimeline, DyadProfile } from '../types.js';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Something to call when the chart's element goes away. */
export type Dispose = () => void;

const BASE: EChartsCoreOption = {
  textStyle: { fontFamily: FONT_STACK },
  tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
  legend: { top: 0, type: 'scroll', textStyle: { fontFamily: FONT_STACK } },
  grid: { left: 48, right: 16, top: 40, bottom: 32 },
  animation: false,
};

/** Draw an option in an element, resizing with it. */
function draw(el: HTMLElement, option: EChartsCoreOption): Dispose {
  const chart = init(el, undefined, { renderer: 'canvas' });
  chart.setOption({ ...BASE, ...option });
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  el.dataset.chartReady = 'true';
  return () => {
    ro.disconnect();
    chart.dispose();
  };
}

/** Dated events per period, stacked by modality. */
export function timelineChart(el: HTMLElement, t: ApiTimeline): Dispose {
  const periods = t.periods.map((p) => (t.by === 'month' ? p.period.slice(0, 7) : p.period));
  const modalities = Object.keys(MODALITY_COLOURS).filter((m) => t.periods.some((p) => (p.byModality[m] ?? 0) > 0));
  return draw(el, {
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1, name: 'events' },
    series: modalities.map((m) => ({
      name: m, type: 'bar', stack: 'events', itemStyle: { color: MODALITY_COLOURS[m] },
      data: t.periods.map((p) => p.byModality[m] ?? 0),
    })),
  });
}

/** Cooperation–conflict over time: the mean intensity of each domain's acts per period (−10..+10). */
export function dyadTrendChart(el: HTMLElement, p: DyadProfile): Dispose {
  const periods = p.all.trend.periods.map((x) => x.period);
  const domains = p.domains.filter((d) => d.balance.acts > 0);
  return draw(el, {
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', min: -10, max: 10, name: 'conflict ← → cooperation' },
    series: [
      ...domains.map((d) => ({
        name: d.domain, type: 'line', connectNulls: false, showSymbol: true, symbolSize: 7,
        itemStyle: { color: DOMAIN_COLOURS[d.domain] }, data: d.trend.periods.map((x) => (x.mean === null ? null : round(x.mean))),
      })),
      {
        name: 'all domains', type: 'line', lineStyle: { width: 3, type: 'dashed' }, itemStyle: { color: '#222' },
        data: p.all.trend.periods.map((x) => (x.mean === null ? null : round(x.mean))),
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#999' }, label: { show: false } },
      },
    ],
  });
}

/** Fact versus speech per domain: asserted acts, talk (future, speculative, normative) and denials. */
export function factSpeechChart(el: HTMLElement, p: DyadProfile): Dispose {
  const domains = [p.all, ...p.domains.filter((d) => d.events > 0)];
  const m = (d: DyadProfile['all'], ...keys: string[]): number => keys.reduce((t, k) => t + (d.factVsSpeech.byModality[k] ?? 0), 0);
  return draw(el, {
    grid: { left: 96, right: 16, top: 40, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    yAxis: { type: 'category', data: domains.map((d) => (d.domain === 'all' ? 'all domains' : d.domain)), inverse: true },
    xAxis: { type: 'value', minInterval: 1, name: 'events' },
    series: [
      { name: 'fact (asserted)', type: 'bar', stack: 'm', itemStyle: { color: MODALITY_COLOURS.asserted }, data: domains.map((d) => m(d, 'asserted')) },
      { name: 'speech (future, speculative, normative)', type: 'bar', stack: 'm', itemStyle: { color: MODALITY_COLOURS.future }, data: domains.map((d) => m(d, 'future', 'speculative', 'normative')) },
      { name: 'denied (negated)', type: 'bar', stack: 'm', itemStyle: { color: MODALITY_COLOURS.negated }, data: domains.map((d) => m(d, 'negated')) },
    ],
  });
}

/** Direction per domain: events from A to B and from B to A. */
export function directionChart(el: HTMLElement, p: DyadProfile): Dispose {
  const domains = [p.all, ...p.domains.filter((d) => d.events > 0)];
  const [ab, ba] = [`${p.a.code} → ${p.b.code}`, `${p.b.code} → ${p.a.code}`];
  return draw(el, {
    grid: { left: 96, right: 16, top: 40, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    yAxis: { type: 'category', data: domains.map((d) => (d.domain === 'all' ? 'all domains' : d.domain)), inverse: true },
    xAxis: { type: 'value', minInterval: 1, name: 'events' },
    series: [
      { name: ab, type: 'bar', itemStyle: { color: '#3d5a80' }, data: domains.map((d) => d.direction[0]?.events ?? 0) },
      { name: ba, type: 'bar', itemStyle: { color: '#e07a5f' }, data: domains.map((d) => d.direction[1]?.events ?? 0) },
    ],
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
