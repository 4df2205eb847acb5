import { OrderHook, runOrder, TransitionFilter } from './order-hooks';
import { INITIAL_STATUSES, ORDER_TRANSITIONS } from './order-state';

const LIFECYCLE_DOC_START = '<!-- order-lifecycle:generated:start -->';
const LIFECYCLE_DOC_END = '<!-- order-lifecycle:generated:end -->';

const list = (value: unknown, none: string): string =>
  value === undefined ? none : (Array.isArray(value) ? value : [value]).map((v) => v ?? '(created)').join(', ');

const phases = (hook: OrderHook) =>
  [hook.before && 'before (may veto)', hook.after && 'after'].filter(Boolean).join(', ');

const transitionOf = ({ kind, from, to }: TransitionFilter) => [
  list(kind, 'any kind'),
  `${list(from, 'any')} → ${list(to, 'any')}`,
];

/**
 * The generated part of docs/order-lifecycle.md: every transition of the state machine and every registered hook
 * in the order it runs, with what it waits for. `pnpm --filter @member-commerce/server docs:lifecycle` writes it;
 * test/api/order-lifecycle-doc.api-spec.ts fails when the file and the registry differ.
 */
export function renderOrderLifecycle(hooks: readonly OrderHook[]): string {
  const initial = Object.entries(INITIAL_STATUSES).map(
    ([kind, statuses]) => `| (new ${kind}) | ${statuses.join(', ')} |`,
  );
  const transitions = Object.entries(ORDER_TRANSITIONS).map(
    ([from, to]) => `| ${from} | ${to.length ? to.join(', ') : '(final)'} |`,
  );
  const rows = runOrder(hooks).map((hook, index) => {
    const [kind, move] = transitionOf(hook.on);
    const waits = [
      ...(hook.runsAfter ?? []).map((name) => `after “${name}”`),
      ...(hook.runsBefore ?? []).map((name) => `before “${name}”`),
    ];
    return `| ${index + 1} | ${hook.name} | ${kind} | ${move} | ${phases(hook)} | ${waits.join('; ') || '—'} |`;
  });
  return [
    LIFECYCLE_DOC_START,
    '<!-- Generated from ORDER_TRANSITIONS, INITIAL_STATUSES and the registered hooks: do not edit by hand. -->',
    '',
    '| from | may become |',
    '| --- | --- |',
    ...initial,
    ...transitions,
    '',
    'Hooks, in the order they run (a hook runs after the hooks whose writes it reads, named in its `runsAfter`):',
    '',
    '| # | hook (feature: what it does) | kind | transition | phase | ordering |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    LIFECYCLE_DOC_END,
  ].join('\n');
}

/** `doc` with its generated part replaced by `generated`. */
export function withGeneratedLifecycle(doc: string, generated: string): string {
  const start = doc.indexOf(LIFECYCLE_DOC_START);
  const end = doc.indexOf(LIFECYCLE_DOC_END);
  if (start < 0 || end < start)
    throw new Error('docs/order-lifecycle.md has no generated part (its markers are missing)');
  return doc.slice(0, start) + generated + doc.slice(end + LIFECYCLE_DOC_END.length);
}
