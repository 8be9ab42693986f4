// The rollout screen (书记项目): the projects the person may see; for one project, its communities
// on a board by stage (the street's admin moves one on, or back with a note), each community's
// indicators against its targets from the latest snapshots, and its quarterly reviews with the
// figures frozen on their day and the follow-up actions, overdue ones flagged. A community's staff
// see their own community only: the API decides, the screen shows what it gets.

import { element } from './dom.js';

/** @typedef {import('./console.js').Context} Context */

/** @typedef {import('console-operations').RolloutStage} RolloutStage */
/** @type {RolloutStage[]} */
const STAGES = ['PLANNED', 'ONBOARDED', 'PILOTING', 'ROUTINE', 'EVALUATED'];

/** May move communities along: the street's admin or a platform operator. */
function administers(viewer, streetKey) {
  return viewer.platformOperator
    || viewer.streetRoles.some((g) => g.streetKey === streetKey && g.roles.includes('ADMIN'));
}

/** @param {Context} context */
export async function showRollout(context) {
  const { $, words } = context;
  const projects = (await context.platform('RolloutProjects'))?.rolloutProjects.edges.map((e) => e.node) || [];
  const list = $('projects');
  if (projects.length === 0) {
    list.replaceChildren(element('p', {}, words().noProjects));
    $('project').replaceChildren();
    return;
  }
  const chosen = sessionStorage.getItem('rg.console.project');
  list.replaceChildren(...projects.map((project) => {
    const button = element('button', { type: 'button', 'data-project': project.id },
      `${project.name} · ${project.street.name} · ${project.startsOn} → ${project.targetOn}`);
    button.addEventListener('click', () => {
      sessionStorage.setItem('rg.console.project', project.id);
      showProject(context, project);
    });
    return element('li', {}, button);
  }));
  await showProject(context, projects.find((p) => p.id === chosen) || projects[0]);
}

let opened = null;

/** @param {Context} context */
async function showProject(context, summary) {
  const { $, words } = context;
  opened = summary.id;
  const project = /** @type {import('console-operations').NodeOf<'RolloutProject', 'RolloutProject'>} */ (
    (await context.platform('RolloutProject', { id: summary.id }))?.node);
  // another project was opened meanwhile: its answer, not this one, is the screen's
  if (!project || opened !== summary.id) return;
  const mayMove = administers(context.viewer, summary.street.key);
  const name = (metric) => (context.language() === 'en' ? metric.labelEn : metric.label);
  const metrics = new Map(project.indicators.map((i) => [i.metric.key, i.metric]));

  const details = element('section', { 'data-testid': 'details' });
  const openDetails = (participant) => showDetails(context, participant, metrics, details);
  const board = element('div', { class: 'board', 'data-testid': 'board' });
  for (const stage of STAGES) {
    const cards = project.participants.filter((p) => p.stage === stage);
    const column = element('section', { class: 'column', 'data-stage': stage },
      element('h3', {}, `${await context.label(stage)} (${cards.length})`));
    for (const participant of cards) {
      column.append(await card(context, participant, mayMove, () => showProject(context, summary),
        openDetails));
    }
    board.append(column);
  }

  const targets = element('table', { 'data-testid': 'targets' },
    element('caption', {}, words().indicators),
    element('tr', {}, element('th', {}, words().community),
      ...project.indicators.map((i) => element('th', {
        title: context.language() === 'en' ? i.metric.definition : i.metric.definitionZh, scope: 'col',
      }, name(i.metric)))));
  for (const participant of project.participants) {
    targets.append(element('tr', { 'data-community': participant.community.key },
      element('th', { scope: 'row' }, participant.community.name),
      ...participant.indicators.map((status) => element('td', {
        class: status.onTarget === true ? 'met' : status.onTarget === false ? 'missed' : 'none',
        'data-metric': status.metric.key,
        title: status.asOf ? `${words().asOf} ${status.asOf}` : words().insufficient,
      }, `${status.value === null ? words().insufficient : format(status.value)} / ${format(status.target)}`
        + ` ${status.onTarget === true ? '✓' : status.onTarget === false ? '✗' : ''}`))));
  }


  const overview = project.overview
    ? element('p', { 'data-testid': 'overdue' }, `${words().overdue}: ${project.overview.overdueActions}`)
    : null;
  if (opened !== summary.id) return;
  $('project').replaceChildren(
    element('h2', {}, project.name), element('p', {}, project.goal), overview, board, targets, details);
}

/**
 * One community's history in the project and its quarterly reviews, read when its card is opened
 * (a whole project's reviews at once would be more than one request may ask for).
 * @param {Context} context
 */
async function showDetails(context, participant, metrics, into) {
  const { words } = context;
  const name = (key) => {
    const metric = metrics.get(key);
    if (!metric) return key;
    return context.language() === 'en' ? metric.labelEn : metric.label;
  };
  const data = /** @type {import('console-operations').NodeOf<'RolloutParticipant', 'RolloutParticipant'>} */ (
    (await context.platform('RolloutParticipant', { id: participant.id }))?.node);
  if (!data) return;
  const history = element('ol', { 'data-testid': 'history' }, ...await Promise.all(
    data.stageChanges.map(async (change) => element('li', {},
      `${change.changedOn} ${await context.label(change.stage)} · ${change.changedByName}`
        + (change.note ? ` · ${change.note}` : ''),
      ...change.evidence.map((file) => element('span', { class: 'meta' }, ` [${file.fileName}]`))))));
  const reviews = [];
  for (const review of data.reviews) {
    reviews.push(element('article', { class: 'review', 'data-community': data.community.key },
      element('h4', {}, `${review.quarter} · ${await context.label(review.rating)} · ${review.reviewedOn}`),
      element('p', {}, review.findings),
      element('ul', {}, ...review.values.map((v) => element('li', {},
        `${name(v.metric.key)}: ${v.value === null ? words().insufficient : format(v.value)}`
        + ` / ${format(v.target)} ${v.onTarget === true ? '✓' : v.onTarget === false ? '✗' : ''}`))),
      element('ul', { class: 'actions' }, ...review.actions.map((a) => element('li', {
        class: a.overdue ? 'overdue' : '', 'data-overdue': String(a.overdue),
      }, `${a.description} · ${a.ownerName} · ${words().due} ${a.dueOn}`
        + (a.doneOn ? ` · ${words().done} ${a.doneOn}` : '')
        + (a.overdue ? ` · ${words().overdue}` : ''))))));
  }
  into.replaceChildren(element('h3', {}, `${data.community.name} · ${words().reviews}`), history, ...reviews);
}

/** @param {Context} context */
async function card(context, participant, mayMove, refresh, openDetails) {
  const { words } = context;
  const item = element('article', { class: 'card', 'data-community': participant.community.key },
    element('strong', {}, participant.community.name),
    element('div', { class: 'meta' }, `${words().since} ${participant.stageOn}`));
  const open = element('button', { type: 'button', 'data-testid': 'details' }, words().details);
  open.addEventListener('click', () => openDetails(participant));
  item.append(open);
  const next = STAGES[STAGES.indexOf(participant.stage) + 1];
  if (mayMove && next) {
    const id = `note-${participant.community.key}`;
    const note = element('input', { id, type: 'text', maxlength: '2000', 'data-testid': 'note' });
    const move = element('button', { type: 'button', 'data-testid': 'move' },
      `${words().moveTo} ${await context.label(next)}`);
    move.addEventListener('click', async () => {
      const answer = await context.platform('MoveRolloutStage', {
        input: { id: participant.id, stage: next, note: note.value, expectedVersion: participant.version },
      });
      const errors = answer?.moveRolloutStage?.errors || [];
      if (errors.length) {
        context.say(errors.map((e) => e.message).join('; '));
        return;
      }
      context.say(words().moved);
      await refresh();
    });
    item.append(element('label', { for: id }, words().note), note, move);
  }
  return item;
}

const format = (value) => (Number.isInteger(value) ? `${value}` : value.toFixed(1));
