// The dashboard screen: per metric of the catalogue, the street's communities as a ranked bar
// chart with the street's median as a line, or as a trend line each over weeks or months;
// insufficient data shown as such, never as a zero; each chart with the metric's definition and
// the day its figures are as of. Everything comes from
// platform-api's streetComparison, the same numbers as its xlsx export.

import { download } from './download.js';

/** @typedef {import('./console.js').Context} Context */

const DOZEN = 12;

/** The streets whose comparison the caller may read: their street roles, or all as operator. */
export function streetsOf(viewer) {
  const streets = new Map();
  for (const community of viewer.reachableCommunities) {
    const overseen = viewer.platformOperator
      || viewer.streetRoles.some((grant) => grant.streetKey === community.street.key);
    if (overseen) streets.set(community.street.key, community.street.name);
  }
  return streets;
}

/** @param {Context} context */
export async function showDashboard(context) {
  const { $, words } = context;
  const streets = streetsOf(context.viewer);
  if (streets.size === 0) {
    $('dashboard').hidden = true;
    context.say(words().noStreet);
    return;
  }
  const select = $('street');
  const chosen = select.value || sessionStorage.getItem('rg.console.street');
  select.replaceChildren(...[...streets].map(([key, name]) =>
    new Option(name, key, false, key === chosen)));
  select.onchange = () => {
    sessionStorage.setItem('rg.console.street', select.value);
    draw(context);
  };
  $('metric-filter').onchange = () => draw(context);
  $('community-pick').onchange = () => pick(context);
  $('export').onclick = () => exportWorkbook(context);
  $('dashboard').hidden = false;
  await draw(context);
}

/** @param {Context} context */
async function draw(context) {
  const { $, words } = context;
  context.say(words().loading);
  let metrics = null;
  if ($('metric-filter').value === 'dozen') {
    const catalogue = (await context.platform('Metrics'))?.metrics || [];
    metrics = catalogue.slice(0, DOZEN).map((metric) => metric.key);
  }
  const data = await context.platform('StreetComparison', { street: $('street').value, metrics });
  const comparisons = data?.streetComparison || [];
  const days = comparisons.flatMap((c) => c.communities.map((s) => s.day)).sort();
  $('as-of').textContent = days.length ? `${words().asOf} ${days[days.length - 1]}` : '';
  const charts = $('charts');
  charts.querySelectorAll('.plot').forEach((plot) => echarts.getInstanceByDom(plot)?.dispose());
  charts.replaceChildren(...comparisons.map((comparison) => chart(context, comparison)));
  const communities = new Map(comparisons.flatMap((c) => c.communities)
    .map((s) => [s.communityKey, s.communityName]));
  const picker = $('community-pick');
  const kept = picker.value;
  picker.replaceChildren(new Option(words().allCommunities, ''),
    ...[...communities].map(([key, name]) => new Option(name, key, false, key === kept)));
  pick(context);
  context.say('');
}

/**
 * The picked community across every chart: its bar stands out among the others, its line alone is
 * drawn in the trends, and each card says where it ranks.
 * @param {Context} context
 */
function pick(context) {
  const { $, words } = context;
  const picked = $('community-pick').value;
  $('charts').querySelectorAll('.chart').forEach((card) => {
    card.querySelector('.plot').render(picked);
    const standing = card.standings.find((s) => s.communityKey === picked);
    const note = card.querySelector('[data-testid=picked]');
    note.textContent = standing
      ? `${standing.communityName}: ${standing.sufficient && standing.value !== null
        ? `${format(standing.value)} · ${words().rank} ${standing.rank ?? '—'} / ${card.ranked}`
        : words().insufficient}`
      : '';
    note.setAttribute('data-rank', standing?.rank == null ? '' : String(standing.rank));
  });
}

/**
 * One metric's card: its name, its definition, and the ranked bars.
 * @param {Context} context
 */
function chart(context, comparison) {
  const { words, language } = context;
  const metric = comparison.metric;
  const name = language() === 'en' ? metric.labelEn : metric.label;
  const ranked = [...comparison.communities].sort((a, b) =>
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER)
    || a.communityKey.localeCompare(b.communityKey));
  const card = /** @type {HTMLElement & {standings?: any[], ranked?: number}} */ (
    document.createElement('article'));
  card.className = 'chart';
  card.standings = ranked;
  card.ranked = comparison.ranked;
  card.dataset.metric = metric.key;
  const title = document.createElement('h2');
  title.textContent = name;
  const meaning = language() === 'en' ? metric.definition : metric.definitionZh;
  title.title = meaning;
  const definition = document.createElement('p');
  definition.textContent = meaning;
  const plot = /** @type {HTMLDivElement & {render?: (picked?: string) => void}} */ (
    document.createElement('div'));
  plot.className = 'plot';
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', `${name}: ${ranked.map((s) =>
    `${s.communityName} ${s.sufficient && s.value !== null ? format(s.value) : words().insufficient}`).join(', ')}`);
  const insufficient = ranked.filter((s) => !s.sufficient || s.value === null);
  const note = document.createElement('p');
  note.className = 'insufficient';
  note.dataset.testid = 'insufficient';
  note.textContent = insufficient.length
    ? `${words().insufficient}: ${insufficient.map((s) => s.communityName).join('、')}` : '';
  const view = document.createElement('select');
  view.dataset.testid = 'view';
  view.setAttribute('aria-label', `${name}: ${words().view}`);
  view.append(...['ranking', 'weekly', 'monthly'].map((v) => new Option(words()[v], v)));
  let picked = '';
  plot.render = (community = picked) => {
    picked = community;
    const instance = echarts.getInstanceByDom(plot) || echarts.init(plot, null, { renderer: 'canvas' });
    instance.setOption(view.value === 'ranking'
      ? option(context, comparison, ranked, picked) : trend(context, ranked, view.value, picked), true);
  };
  view.addEventListener('change', () => plot.render());
  const pickedNote = document.createElement('p');
  pickedNote.dataset.testid = 'picked';
  card.append(title, view, definition, plot, pickedNote, note);
  return card;
}

/**
 * The trend option: a line per community (the picked one alone, if one is) over its weekly or
 * monthly points (the latest snapshot of each week or month), gaps where the data was insufficient.
 * @param {Context} context
 */
function trend(context, ranked, grain, picked) {
  const { words } = context;
  const days = [...new Set(ranked.flatMap((s) => s[grain].map((p) => p.day)))].sort();
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (value === null || value === undefined
        ? words().insufficient : format(value)),
    },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value' },
    series: ranked.filter((s) => !picked || s.communityKey === picked).map((standing) => {
      const byDay = new Map(standing[grain].map((p) => [p.day, p.sufficient ? p.value : null]));
      return {
        type: 'line',
        name: standing.communityName,
        id: standing.communityKey,
        connectNulls: false,
        data: days.map((day) => (byDay.has(day) ? byDay.get(day) : null)),
      };
    }),
  };
}

/**
 * The chart's option: a bar per community in rank order, the median as a line.
 * @param {Context} context
 */
function option(context, comparison, ranked, picked) {
  const { words } = context;
  const bars = ranked.map((standing) => ({
    value: standing.sufficient ? standing.value : null,
    standing,
    // the picked community stands out; the others step back
    itemStyle: { opacity: !picked || standing.communityKey === picked ? 1 : 0.3 },
  }));
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (item) => {
        const s = item.data.standing;
        const value = s.sufficient && s.value !== null ? format(s.value) : words().insufficient;
        return [
          `${s.communityName}: ${value}`,
          `${words().rank} ${s.rank ?? '—'} / ${comparison.ranked} · ${words().sample} ${s.sample}`,
          `${words().asOf} ${s.day}`,
          `${words().definition}: ${context.language() === 'en'
            ? comparison.metric.definition : comparison.metric.definitionZh}`,
        ].map(escape).join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: ranked.map((s) => s.communityName),
      axisLabel: { interval: 0, rotate: ranked.length > 6 ? 45 : 0 },
    },
    yAxis: { type: 'value' },
    series: [{
      type: 'bar',
      name: comparison.metric.key,
      data: bars,
      itemStyle: { color: '#b3261e' },
      markLine: comparison.median === null ? undefined : {
        symbol: 'none',
        label: { position: 'insideEndTop', formatter: `${words().median} ${format(comparison.median)}` },
        data: [{ yAxis: comparison.median, name: words().median }],
      },
    }],
  };
}

/**
 * The comparison as the API's workbook, downloaded with the caller's token.
 * @param {Context} context
 */
async function exportWorkbook(context) {
  const { $, config } = context;
  const street = $('street').value;
  const answer = await download(context,
    `${config.apiUrl}/street-comparison.xlsx?streetKey=${encodeURIComponent(street)}`,
    `street-comparison-${street}.xlsx`);
  if (!answer.ok) {
    context.say(`${answer.status}`);
    return;
  }
  context.say(context.words().exported);
}

const format = (value) => (Number.isInteger(value) ? `${value}` : value.toFixed(1));

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
