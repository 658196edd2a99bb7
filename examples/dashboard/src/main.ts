/**
 * The county dashboard: one `dashboard` request through the SDK (register by township,
 * flows, the series since 2014, incidence, income, monitoring, assistance), drawn as
 * figures, two ECharts charts and a table. Every number carries `data-area` and
 * `data-measure` so a test can read what was rendered; suppressed cells show "<5".
 */
import * as echarts from 'echarts';
import { createClient, type DashboardQuery } from '@jingzhun/sdk';

declare const __JINGZHUN_TOKEN__: string;
declare const __JINGZHUN_AREA__: string;
declare const __JINGZHUN_YEAR__: string;

type Stats = DashboardQuery['statistics'];
type Count = { households?: number | null; suppressed: boolean };

const jz = createClient({ url: `${location.origin}/graphql`, token: __JINGZHUN_TOKEN__ });
const params = new URLSearchParams(location.search);
const areaCode = params.get('area') ?? __JINGZHUN_AREA__;
const year = Number(params.get('year') ?? (__JINGZHUN_YEAR__ || 2015));

const shown = (c: Count) => (c.suppressed ? '<5' : String(c.households ?? 0));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);
function el(tag: string, attrs: Record<string, string>, text: string): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.textContent = text;
  return e;
}

function kpis(s: Stats) {
  const box = document.getElementById('kpis')!;
  const t = s.register.total;
  const items: [string, string, string][] = [
    ['registered', 'Registered households 建档立卡户', shown(t.registered)],
    ['notOut', 'Not yet out 未脱贫', shown(t.notOut)],
    ['exited', 'Exited 已脱贫', shown(t.exited)],
    ['incidence', `Incidence 贫困发生率 (${s.incidence.total.source})`, pct(s.incidence.total.incidence)],
  ];
  for (const [measure, label, value] of items) {
    const k = el('div', { class: 'kpi' }, label);
    k.prepend(el('b', { 'data-area': s.areaCode, 'data-measure': measure }, value));
    box.append(k);
  }
}

function table(s: Stats) {
  const tbody = document.getElementById('townships')!;
  const head = el('tr', {}, '');
  for (const h of ['Township 乡镇', 'Registered', 'Not out', 'Exited', 'Incidence']) head.append(el('th', {}, h));
  tbody.append(head);
  const incidence = new Map(s.incidence.cells.map((c) => [c.key.areaCode, c]));
  for (const c of s.register.cells) {
    const tr = el('tr', {}, '');
    const code = c.key.areaCode!;
    tr.append(el('td', {}, c.key.areaName ?? code));
    tr.append(el('td', { 'data-area': code, 'data-measure': 'registered' }, shown(c.registered)));
    tr.append(el('td', { 'data-area': code, 'data-measure': 'notOut' }, shown(c.notOut)));
    tr.append(el('td', { 'data-area': code, 'data-measure': 'exited' }, shown(c.exited)));
    tr.append(el('td', { 'data-area': code, 'data-measure': 'incidence' }, pct(incidence.get(code)?.incidence)));
    tbody.append(tr);
  }
}

function charts(s: Stats) {
  const names = s.register.cells.map((c) => c.key.areaName ?? c.key.areaCode);
  echarts.init(document.getElementById('by-township')!).setOption({
    animation: false,
    title: { text: `By township, ${s.year}`, textStyle: { fontSize: 14 } },
    tooltip: {}, legend: { top: 32 }, grid: { top: 72, bottom: 70 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40 } }, yAxis: { type: 'value' },
    series: [
      { name: 'Registered', type: 'bar', data: s.register.cells.map((c) => c.registered.households) },
      { name: 'Not out', type: 'bar', data: s.register.cells.map((c) => c.notOut.households) },
    ],
  });
  echarts.init(document.getElementById('trend')!).setOption({
    animation: false,
    title: { text: 'At each year’s end, from the status history', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' }, legend: { top: 32 }, grid: { top: 72 },
    xAxis: { type: 'category', data: s.series.map((p) => String(p.year)) }, yAxis: { type: 'value' },
    series: [
      { name: 'Not out', type: 'line', data: s.series.map((p) => p.stock.notOut.households) },
      { name: 'Exited', type: 'line', data: s.series.map((p) => p.stock.exited.households) },
      { name: 'Exits in the year', type: 'bar', data: s.series.map((p) => p.flows.exited.households) },
    ],
  });
}

try {
  const { statistics: s } = await jz.dashboard({ input: { areaCode, year, groupBy: ['CHILD_AREA'] } });
  document.getElementById('title')!.textContent = `${s.areaName} ${s.areaCode} — ${s.year}`;
  document.getElementById('subtitle')!.textContent = s.suppressionThreshold
    ? `Cells under ${s.suppressionThreshold} households are withheld (<5). Figures lag the register by ${s.lagSeconds} s.`
    : `Figures lag the register by ${s.lagSeconds} s.`;
  kpis(s);
  charts(s);
  table(s);
  document.body.dataset.ready = 'true';
} catch (e) {
  document.getElementById('title')!.replaceWith(el('h1', { class: 'error' }, `Could not load the statistics: ${(e as Error).message}`));
  document.body.dataset.ready = 'error';
}
