import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualEffort,
  type CaseEffort,
  caseEffort,
  type EffortResult,
  MAX_EFFORT_NODES,
  NET_HOURS_PER_FTE,
  processSavings,
  savedHoursByPayGroup,
} from '../src/domain/index.js';
import type { ProcessFlow, ProcessGraph, ProcessNode } from '../src/domain/process-model.js';

const RATES = { 'EG 5': 5400, 'EG 8': 6200 };

const node = (id: string, kind: ProcessNode['kind'], extra: Partial<ProcessNode> = {}): ProcessNode => ({
  id,
  name: id,
  kind,
  minutes: null,
  payGroup: null,
  mediaBreak: false,
  lane: null,
  ...extra,
});
const START = node('s', 'start');
const END = node('e', 'end');
const xor = (id: string) => node(id, 'exclusive');
const and = (id: string) => node(id, 'parallel');
const task = (id: string, minutes: number | null, extra: Partial<ProcessNode> = {}) =>
  node(id, 'task', { minutes, payGroup: 'EG 8', ...extra });

/** A graph from nodes and flows `source>target` or `source>target:probability`, space-separated (ids f0, f1, …). */
const graph = (nodes: ProcessNode[], flows: string): ProcessGraph => ({
  nodes,
  flows: flows
    .split(/\s+/)
    .filter(Boolean)
    .map((text, i): ProcessFlow => {
      const [source = '', rest = ''] = text.split('>');
      const [target = '', probability] = rest.split(':');
      return { id: `f${i}`, name: '', source, target, probability: probability ? Number(probability) : null };
    }),
  lanes: [],
});
const p = (probability: number | null) => (probability === null ? '' : `:${probability}`);

const run = (nodes: ProcessNode[], flows: string) => caseEffort(graph(nodes, flows), RATES);
const effortOf = (result: EffortResult): CaseEffort => {
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.effort;
};
const errorsOf = (result: EffortResult) => (result.ok ? [] : result.errors);
const warningsOf = (result: EffortResult) => (result.ok ? result.effort.warnings : result.warnings);

/** Gewerbeanmeldung as-is: paper form, completeness check, 30 % need a query (Rückfrage), entry, fee, notices. */
const gewerbeAsIs = graph(
  [
    node('start', 'start'),
    task('antrag', 10, { mediaBreak: true }),
    task('pruefen', 15),
    xor('vollstaendig'),
    task('rueckfrage', 20),
    xor('merge'),
    task('erfassen', 20),
    task('gebuehr', 5),
    task('meldungen', 12, { mediaBreak: true }),
    node('end', 'end'),
  ],
  `start>antrag antrag>pruefen pruefen>vollstaendig
   vollstaendig>rueckfrage:0.3 vollstaendig>merge:0.7 rueckfrage>merge
   merge>erfassen erfassen>gebuehr gebuehr>meldungen meldungen>end`,
);

/** Gewerbeanmeldung to-be: online form, 10 % Rückfrage, data taken over, fee paid online, notices sent electronically. */
const gewerbeToBe = graph(
  [
    node('start', 'start'),
    task('pruefen', 8),
    xor('vollstaendig'),
    task('rueckfrage', 20),
    xor('merge'),
    task('erfassen', 5),
    task('meldungen', 2),
    node('end', 'end'),
  ],
  `start>pruefen pruefen>vollstaendig
   vollstaendig>rueckfrage:0.1 vollstaendig>merge:0.9 rueckfrage>merge
   merge>erfassen erfassen>meldungen meldungen>end`,
);

describe('worked examples', () => {
  it('a linear chain runs every step once', () => {
    const e = effortOf(run([START, task('a', 10), task('b', 20, { payGroup: 'EG 5' }), END], 's>a a>b b>e'));
    expect(e.visits).toEqual({ s: 1, a: 1, b: 1, e: 1 });
    expect(e.minutesPerCase).toBe(30);
    // 10 min at 62 €/h = 10.33 €, 20 min at 54 €/h = 18 €
    expect(e.centsPerCase).toBeCloseTo((10 / 60) * 6200 + (20 / 60) * 5400, 9);
    expect(e.tasks.map((t) => [t.id, t.payGroup, t.visits])).toEqual([
      ['a', 'EG 8', 1],
      ['b', 'EG 5', 1],
    ]);
    expect(e.warnings).toEqual([]);
  });

  it('Gewerbeanmeldung as-is, by hand', () => {
    const e = effortOf(caseEffort(gewerbeAsIs, RATES));
    // every case: 10 + 15 + 20 + 5 + 12 = 62 min; Rückfrage in 30 %: 0.3 × 20 = 6 min → 68 min per case
    expect(e.visits.rueckfrage).toBeCloseTo(0.3, 12);
    expect(e.visits.merge).toBeCloseTo(1, 12);
    expect(e.visits.end).toBeCloseTo(1, 12);
    expect(e.minutesPerCase).toBeCloseTo(68, 9);
    // 68 min at 6,200 ct/h (EG 8) = 68 / 60 × 6,200 = 7,026.67 ct = 70.27 € per case
    expect(e.centsPerCase).toBeCloseTo(7026.6667, 3);
    expect(e.mediaBreaks).toBe(2);
    // 1,000 cases a year: 68,000 min = 1,133.3 h; 7,026,666.7 ct → 70,266.67 €
    expect(annualEffort(e, 1000)).toEqual({ hours: 1133.3, cents: 7_026_667 });
  });

  it('Gewerbeanmeldung to-be saves 51 minutes per case', () => {
    const asIs = effortOf(caseEffort(gewerbeAsIs, RATES));
    const toBe = effortOf(caseEffort(gewerbeToBe, RATES));
    // to-be: 8 + 5 + 2 = 15 min, Rückfrage 0.1 × 20 = 2 min → 17 min = 1,756.67 ct per case
    expect(toBe.minutesPerCase).toBeCloseTo(17, 9);
    // 1,000 cases: 1,133.3 h − 283.3 h = 850 h = 0.53 FTE (850 / 1,600 = 0.53125);
    // 7,026,667 ct − 1,756,667 ct = 5,270,000 ct (= 51 / 60 × 6,200 × 1,000)
    expect(processSavings(asIs, toBe, 1000)).toEqual({
      hours: 850,
      fte: 0.53,
      cents: 5_270_000,
      mediaBreaksRemoved: 2,
      asIs: { hours: 1133.3, cents: 7_026_667 },
      toBe: { hours: 283.3, cents: 1_756_667 },
    });
    expect(savedHoursByPayGroup(asIs, toBe, 1000)).toEqual([{ payGroup: 'EG 8', hours: 850 }]);
  });

  it('an exclusive split 0.3 / 0.7 weighs both branches and the join runs once', () => {
    const e = effortOf(run([START, xor('x'), task('a', 10), task('b', 20), xor('j')], 's>x x>a:0.3 x>b:0.7 a>j b>j'));
    expect(e.visits.a).toBeCloseTo(0.3, 12);
    expect(e.visits.b).toBeCloseTo(0.7, 12);
    expect(e.visits.j).toBeCloseTo(1, 12);
    expect(e.minutesPerCase).toBeCloseTo(0.3 * 10 + 0.7 * 20, 9);
  });

  it('a parallel split runs every branch once, the join fires once, the tasks after it run once', () => {
    const e = effortOf(
      run(
        [START, and('p'), task('a', 10), task('b', 20), task('c', 30), and('pj'), task('after', 5), END],
        's>p p>a p>b p>c a>pj b>pj c>pj pj>after after>e',
      ),
    );
    expect(e.visits).toEqual({ s: 1, p: 1, a: 1, b: 1, c: 1, pj: 1, after: 1, e: 1 });
    expect(e.minutesPerCase).toBe(65);
  });

  it('a task with several unlabelled outgoing flows is an implicit parallel split', () => {
    const e = effortOf(
      run(
        [START, task('a', 10), task('b', 20), task('c', 30), node('e1', 'end'), node('e2', 'end')],
        's>a a>b a>c b>e1 c>e2',
      ),
    );
    expect(e.visits).toEqual({ s: 1, a: 1, b: 1, c: 1, e1: 1, e2: 1 });
    expect(e.warnings).toEqual([]);
  });

  it('a Rückfrage looping back with probability 0.2 repeats the looped tasks 1 / (1 − 0.2) = 1.25 times', () => {
    const e = effortOf(
      run([START, task('a', 10), task('b', 15), xor('x'), task('c', 5), END], 's>a a>b b>x x>a:0.2 x>c:0.8 c>e'),
    );
    expect(e.visits.a).toBeCloseTo(1.25, 12);
    expect(e.visits.b).toBeCloseTo(1.25, 12);
    expect(e.visits.c).toBeCloseTo(1, 12);
    expect(e.visits.e).toBeCloseTo(1, 12);
    // 1.25 × (10 + 15) + 5 = 36.25 min
    expect(e.minutesPerCase).toBeCloseTo(36.25, 9);
  });

  it('a loop that cases never leave is an endless loop', () => {
    const nodes = [START, task('a', 10), xor('x'), END];
    const withDeadExit = graph(nodes, 's>a a>x x>a:1 x>e:0');
    const withoutExit = graph(nodes, 's>a a>x x>a');
    expect(errorsOf(caseEffort(withDeadExit, RATES))).toEqual([{ code: 'endless_loop' }]);
    expect(errorsOf(caseEffort(withoutExit, RATES))).toEqual([{ code: 'endless_loop' }]);
  });

  it('a loop that multiplies tokens is rejected as an endless loop too', () => {
    // the parallel split sends one token back and one on: every pass spawns another pass
    const g = graph([START, xor('m'), task('a', 10), and('p'), END], 's>m m>a a>p p>m p>e');
    expect(errorsOf(caseEffort(g, RATES))).toEqual([{ code: 'endless_loop' }]);
  });

  it('a loop no case can reach does not spoil the calculation', () => {
    const g = graph([START, task('a', 10), END, task('x', 5), task('y', 5)], 's>a a>e x>y y>x');
    const e = effortOf(caseEffort(g, RATES));
    expect(e.visits).toEqual({ s: 1, a: 1, e: 1, x: 0, y: 0 });
    expect(e.minutesPerCase).toBe(10);
  });

  it('an inclusive split takes each branch by its own probability; an inclusive join is rejected', () => {
    const nodes = [START, node('i', 'inclusive'), task('a', 10), task('b', 20), node('j', 'inclusive')];
    const split = graph(nodes.slice(0, 4), 's>i i>a:0.5 i>b:0.8');
    const e = effortOf(caseEffort(split, RATES));
    expect(e.visits.a).toBe(0.5);
    expect(e.visits.b).toBe(0.8);
    expect(e.minutesPerCase).toBeCloseTo(0.5 * 10 + 0.8 * 20, 9);
    const unset = run(nodes.slice(0, 4), 's>i i>a:0.5 i>b');
    expect(effortOf(unset).visits.b).toBe(1);
    expect(warningsOf(unset)).toEqual([{ code: 'probability_assumed', elementId: 'i' }]);
    const joined = graph(nodes, 's>i i>a:0.5 i>b:0.8 a>j b>j');
    expect(errorsOf(caseEffort(joined, RATES))).toEqual([{ code: 'inclusive_join', elementId: 'j' }]);
  });

  describe('branch probabilities', () => {
    const nodes = [START, xor('x'), task('a', 10), task('b', 20), task('c', 30)];
    const split = (pa: number | null, pb: number | null, pc: number | null) =>
      run(nodes, `s>x x>a${p(pa)} x>b${p(pb)} x>c${p(pc)}`);

    it('must sum to 1 when all are set, and not exceed 1 when some are set', () => {
      expect(errorsOf(split(0.5, 0.6, 0))).toEqual([{ code: 'probabilities_sum', elementId: 'x' }]);
      expect(errorsOf(split(0.3, 0.3, 0.3))).toEqual([{ code: 'probabilities_sum', elementId: 'x' }]);
      expect(errorsOf(split(0.5, 0.6, null))).toEqual([{ code: 'probabilities_sum', elementId: 'x' }]);
      expect(split(0.2, 0.3, 0.5).ok).toBe(true);
    });

    it('must lie between 0 and 1', () => {
      expect(errorsOf(split(1.5, -0.5, 0))).toEqual([
        { code: 'probability_range', elementId: 'f1' },
        { code: 'probability_range', elementId: 'f2' },
      ]);
      expect(errorsOf(split(Number.NaN, 0.5, 0.5))).toEqual([{ code: 'probability_range', elementId: 'f1' }]);
    });

    it('when missing, are split equally with a warning', () => {
      const r = split(null, null, null);
      const e = effortOf(r);
      for (const id of ['a', 'b', 'c']) expect(e.visits[id]).toBeCloseTo(1 / 3, 12);
      expect(warningsOf(r)).toEqual([{ code: 'probability_assumed', elementId: 'x' }]);
    });

    it('when some are missing, share the rest equally with a warning', () => {
      const r = split(0.6, null, null);
      const e = effortOf(r);
      expect(e.visits.a).toBeCloseTo(0.6, 12);
      expect(e.visits.b).toBeCloseTo(0.2, 12);
      expect(e.visits.c).toBeCloseTo(0.2, 12);
      expect(warningsOf(r)).toEqual([{ code: 'probability_assumed', elementId: 'x' }]);
    });

    it('on a task make its outgoing flows a choice, not a parallel split', () => {
      const r = run([START, task('t', 10), task('a', 10), task('b', 10)], 's>t t>a:0.25 t>b');
      expect(effortOf(r).visits.b).toBeCloseTo(0.75, 12);
      expect(warningsOf(r)).toEqual([{ code: 'probability_assumed', elementId: 't' }]);
    });
  });

  it('a boundary event with probability 0.1 runs its path in 10 % of the host executions', () => {
    const g = graph(
      [
        START,
        task('a', 30),
        END,
        node('timer', 'boundary', { attachedTo: 'a', probability: 0.1 }),
        task('mahnen', 20),
        node('e2', 'end'),
      ],
      's>a a>e timer>mahnen mahnen>e2',
    );
    const e = effortOf(caseEffort(g, RATES));
    expect(e.visits.timer).toBeCloseTo(0.1, 12);
    expect(e.visits.mahnen).toBeCloseTo(0.1, 12);
    // 30 + 0.1 × 20 = 32 min
    expect(e.minutesPerCase).toBeCloseTo(32, 9);
  });

  it('a boundary event without probability or host is never triggered', () => {
    const g = graph(
      [
        START,
        task('a', 30),
        node('b1', 'boundary', { attachedTo: 'a', probability: null }),
        node('b2', 'boundary', { attachedTo: 'nowhere', probability: 0.5 }),
        task('x', 20),
      ],
      's>a b1>x b2>x',
    );
    const r = caseEffort(g, RATES);
    expect(effortOf(r).visits).toEqual({ s: 1, a: 1, b1: 0, b2: 0, x: 0 });
    expect(warningsOf(r)).toEqual([{ code: 'probability_assumed', elementId: 'b1' }]);
    const wrong = graph([START, task('a', 1), node('b', 'boundary', { attachedTo: 'a', probability: 2 })], 's>a');
    expect(errorsOf(caseEffort(wrong, RATES))).toEqual([{ code: 'probability_range', elementId: 'b' }]);
  });

  it('two pools, each with a start event, both count once per case', () => {
    const g = graph(
      [node('s1', 'start'), task('a', 10), node('e1', 'end'), node('s2', 'start'), task('b', 5), node('e2', 'end')],
      's1>a a>e1 s2>b b>e2',
    );
    const e = effortOf(caseEffort(g, RATES));
    expect(e.visits).toEqual({ s1: 1, a: 1, e1: 1, s2: 1, b: 1, e2: 1 });
    expect(e.minutesPerCase).toBe(15);
  });

  it('a start event something flows into is not an entry', () => {
    const g = graph([START, task('a', 10), node('s2', 'start'), task('b', 5)], 's>a a>s2 s2>b');
    expect(effortOf(caseEffort(g, RATES)).visits).toEqual({ s: 1, a: 1, s2: 1, b: 1 });
  });

  it('warns about unknown pay groups and counts them at rate 0; tasks without one take the default', () => {
    const g = graph([START, task('a', 60, { payGroup: 'EG 99' }), task('b', 60, { payGroup: null })], 's>a a>b');
    const withDefault = caseEffort(g, RATES, 'EG 5');
    expect(effortOf(withDefault).centsPerCase).toBe(5400);
    expect(effortOf(withDefault).tasks.map((t) => t.payGroup)).toEqual(['EG 99', 'EG 5']);
    expect(warningsOf(withDefault)).toEqual([{ code: 'unknown_pay_group', elementId: 'a' }]);
    const withoutDefault = caseEffort(g, RATES);
    expect(effortOf(withoutDefault).centsPerCase).toBe(0);
    expect(effortOf(withoutDefault).minutesPerCase).toBe(120);
    expect(warningsOf(withoutDefault)).toEqual([
      { code: 'unknown_pay_group', elementId: 'a' },
      { code: 'unknown_pay_group', elementId: 'b' },
    ]);
    // names of Object.prototype are no pay groups
    const proto = graph([START, task('a', 60, { payGroup: 'toString' })], 's>a');
    expect(effortOf(caseEffort(proto, RATES)).centsPerCase).toBe(0);
  });

  it('warns once per task without minutes and counts it as 0', () => {
    const g = graph([START, task('a', null), xor('x'), task('b', 10), task('c', null)], 's>a a>x x>a:0.5 x>b:0.5');
    const r = caseEffort(g, RATES);
    expect(effortOf(r).minutesPerCase).toBeCloseTo(10, 9);
    expect(warningsOf(r)).toEqual([
      { code: 'minutes_missing', elementId: 'a' },
      { code: 'minutes_missing', elementId: 'c' },
    ]);
  });

  it('counts media breaks only on tasks that cases reach', () => {
    const g = graph(
      [START, xor('x'), ...['a', 'b', 'c'].map((id) => task(id, 5, { mediaBreak: true }))],
      's>x x>a:1 x>b:0',
    );
    expect(effortOf(caseEffort(g, RATES)).mediaBreaks).toBe(1);
  });

  it('ignores flows to or from unknown elements', () => {
    const g = graph([START, task('a', 10), END], 's>a a>e a>ghost:0.5 ghost>a');
    expect(effortOf(caseEffort(g, RATES)).visits).toEqual({ s: 1, a: 1, e: 1 });
  });

  it('refuses a graph without start event and one that is too large', () => {
    const noStart = graph([task('a', 10), END], 'a>e');
    expect(errorsOf(caseEffort(noStart, RATES))).toEqual([{ code: 'no_start' }]);
    const onlyEnteredStart = graph([START, task('a', 10)], 's>a a>s');
    expect(errorsOf(caseEffort(onlyEnteredStart, RATES))).toEqual([{ code: 'no_start' }]);
    const huge = graph(
      Array.from({ length: MAX_EFFORT_NODES + 1 }, (_, i) => task(`t${i}`, 1)),
      '',
    );
    expect(errorsOf(caseEffort(huge, RATES))).toEqual([{ code: 'too_large' }]);
  });

  it('handles a chain of the largest allowed size', () => {
    const ids = Array.from({ length: MAX_EFFORT_NODES - 1 }, (_, i) => `t${i}`);
    const g = graph(
      [START, ...ids.map((id) => task(id, 1))],
      ids.map((id, i) => `${i === 0 ? 's' : ids[i - 1]}>${id}`).join(' '),
    );
    expect(effortOf(caseEffort(g, RATES)).minutesPerCase).toBe(MAX_EFFORT_NODES - 1);
  });

  it('splits saved hours by pay group, leaving out unchanged groups', () => {
    const two = (a: number, b: number, c: number) =>
      effortOf(
        run([START, task('a', a), task('b', b, { payGroup: 'EG 5' }), task('c', c, { payGroup: null })], 's>a a>b b>c'),
      );
    // 600 cases: EG 8 30 → 10 min saves 200 h; EG 5 unchanged; no pay group 0 → 6 min costs 60 h more
    expect(savedHoursByPayGroup(two(30, 12, 0), two(10, 12, 6), 600)).toEqual([
      { payGroup: 'EG 8', hours: 200 },
      { payGroup: null, hours: -60 },
    ]);
    expect(NET_HOURS_PER_FTE).toBe(1600);
  });
});

/** A structured process: a task, a sequence, an exclusive choice (weights normalised to probabilities), a parallel block. */
type Tree =
  | { t: 'task'; minutes: number; payGroup: string | null; mediaBreak: boolean }
  | { t: 'seq'; parts: [Tree, Tree] }
  | { t: 'xor'; branches: { weight: number; tree: Tree }[] }
  | { t: 'and'; branches: Tree[] };

const trees = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    fc.record({
      t: fc.constant('task' as const),
      minutes: fc.double({ min: 0, max: 120, noNaN: true }),
      payGroup: fc.constantFrom('EG 5', 'EG 8', null),
      mediaBreak: fc.boolean(),
    }),
    fc.tuple(tie('tree'), tie('tree')).map((parts): Tree => ({ t: 'seq', parts })),
    fc
      .array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), tree: tie('tree') }), { minLength: 1, maxLength: 3 })
      .map((branches): Tree => ({ t: 'xor', branches })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((branches): Tree => ({ t: 'and', branches })),
  ),
})).tree;

/** Independent evaluation: expected working minutes of a structured process. */
const expectedMinutes = (tree: Tree): number => {
  switch (tree.t) {
    case 'task':
      return tree.minutes;
    case 'seq':
      return expectedMinutes(tree.parts[0]) + expectedMinutes(tree.parts[1]);
    case 'xor': {
      const total = tree.branches.reduce((s, b) => s + b.weight, 0);
      return tree.branches.reduce((s, b) => s + (b.weight / total) * expectedMinutes(b.tree), 0);
    }
    case 'and':
      return tree.branches.reduce((s, b) => s + expectedMinutes(b), 0);
  }
};

/** The BPMN graph of a structured process, between one start and one end event. */
const treeGraph = (tree: Tree): ProcessGraph => {
  const nodes: ProcessNode[] = [];
  const flows: string[] = [];
  const add = (kind: ProcessNode['kind'], extra: Partial<ProcessNode> = {}) => {
    const id = `${kind}${nodes.length}`;
    nodes.push(node(id, kind, extra));
    return id;
  };
  const build = (t: Tree): [string, string] => {
    if (t.t === 'task') {
      const id = add('task', { minutes: t.minutes, payGroup: t.payGroup, mediaBreak: t.mediaBreak });
      return [id, id];
    }
    if (t.t === 'seq') {
      const [a, aExit] = build(t.parts[0]);
      const [bEntry, b] = build(t.parts[1]);
      flows.push(`${aExit}>${bEntry}`);
      return [a, b];
    }
    const kind = t.t === 'xor' ? 'exclusive' : 'parallel';
    const [split, join] = [add(kind), add(kind)];
    const branches = t.t === 'xor' ? t.branches : t.branches.map((tree) => ({ weight: 0, tree }));
    const total = branches.reduce((s, b) => s + b.weight, 0);
    for (const b of branches) {
      const [entry, exit] = build(b.tree);
      flows.push(`${split}>${entry}${t.t === 'xor' ? p(b.weight / total) : ''}`, `${exit}>${join}`);
    }
    return [split, join];
  };
  const start = add('start');
  const [entry, exit] = build(tree);
  flows.push(`${start}>${entry}`, `${exit}>${add('end')}`);
  return graph(nodes, flows.join(' '));
};

/** A chain of tasks and exclusive blocks (possibly nested, branches possibly empty) that re-join. */
type Segment = { t: 'task' } | { t: 'split'; branches: { weight: number; segments: Segment[] }[] };
const chains = fc.letrec<{ chain: Segment[] }>((tie) => ({
  chain: fc.array(
    fc.oneof(
      { maxDepth: 2, depthSize: 'small' },
      fc.constant<Segment>({ t: 'task' }),
      fc
        .array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), segments: tie('chain') }), {
          minLength: 2,
          maxLength: 3,
        })
        .map((branches): Segment => ({ t: 'split', branches })),
    ),
    { maxLength: 3 },
  ),
})).chain;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('properties', () => {
  it('exclusive splits conserve cases: each join has the visits of the step before its split, the end 1', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const nodes: ProcessNode[] = [node('start', 'start')];
        const flows: string[] = [];
        const blocks: { before: string; split: string; join: string }[] = [];
        const add = (kind: ProcessNode['kind']) => {
          nodes.push(kind === 'task' ? task(`n${nodes.length}`, 1) : node(`n${nodes.length}`, kind));
          return nodes.at(-1)!.id;
        };
        // `label` goes on the first flow out of `from` (a branch probability); an empty branch carries it to the join
        const walk = (segments: Segment[], from: string, label = ''): [string, string] => {
          let [last, pending] = [from, label];
          for (const s of segments) {
            const next = add(s.t === 'task' ? 'task' : 'exclusive');
            flows.push(`${last}>${next}${pending}`);
            // the step before passes all its cases on, unless it is the split of an enclosing block
            const before = pending === '' ? last : next;
            pending = '';
            if (s.t === 'split') {
              const join = add('exclusive');
              const total = s.branches.reduce((sum, b) => sum + b.weight, 0);
              for (const b of s.branches) {
                const [exit, rest] = walk(b.segments, next, p(b.weight / total));
                flows.push(`${exit}>${join}${rest}`);
              }
              blocks.push({ before, split: next, join });
              last = join;
            } else last = next;
          }
          return [last, pending];
        };
        flows.push(`${walk(chain, 'start')[0]}>${add('end')}`);
        const e = effortOf(run(nodes, flows.join(' ')));
        for (const b of blocks) {
          expect(close(e.visits[b.join]!, e.visits[b.before]!)).toBe(true);
          expect(close(e.visits[b.split]!, e.visits[b.before]!)).toBe(true);
        }
        expect(close(e.visits[nodes.at(-1)!.id]!, 1)).toBe(true);
        expect(e.warnings).toEqual([]);
      }),
    );
  });

  it('minutes per case of a structured process equal its recursive evaluation', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const e = effortOf(caseEffort(treeGraph(tree), RATES));
        expect(close(e.minutesPerCase, expectedMinutes(tree))).toBe(true);
        expect(close(e.visits[treeGraph(tree).nodes.at(-1)!.id]!, 1)).toBe(true);
      }),
    );
  });

  it('scaling all minutes by k scales minutes and cost per case by k', () => {
    fc.assert(
      fc.property(trees, fc.double({ min: 0, max: 100, noNaN: true }), (tree, k) => {
        const g = treeGraph(tree);
        const e = effortOf(caseEffort(g, RATES));
        const nodes = g.nodes.map((n) => ({ ...n, minutes: n.minutes === null ? null : n.minutes * k }));
        const ek = effortOf(caseEffort({ ...g, nodes }, RATES));
        expect(close(ek.minutesPerCase, k * e.minutesPerCase)).toBe(true);
        expect(close(ek.centsPerCase, k * e.centsPerCase)).toBe(true);
      }),
    );
  });

  it('a model saves nothing against itself, and savings are antisymmetric', () => {
    fc.assert(
      fc.property(trees, trees, fc.integer({ min: 0, max: 100_000 }), (a, b, cases) => {
        const ea = effortOf(caseEffort(treeGraph(a), RATES));
        const eb = effortOf(caseEffort(treeGraph(b), RATES));
        const self = processSavings(ea, ea, cases);
        expect([self.hours, self.fte, self.cents, self.mediaBreaksRemoved]).toEqual([0, 0, 0, 0]);
        expect(savedHoursByPayGroup(ea, ea, cases)).toEqual([]);
        const ab = processSavings(ea, eb, cases);
        const ba = processSavings(eb, ea, cases);
        expect([ab.hours + ba.hours, ab.fte + ba.fte, ab.cents + ba.cents]).toEqual([0, 0, 0]);
        expect(ab.mediaBreaksRemoved + ba.mediaBreaksRemoved).toBe(0);
        const byGroup = savedHoursByPayGroup(eb, ea, cases).map((r) => ({ ...r, hours: -r.hours + 0 }));
        expect(savedHoursByPayGroup(ea, eb, cases)).toEqual(byGroup);
      }),
    );
  });

  it('a self-loop with probability p runs the task 1 / (1 − p) times', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.95, noNaN: true }), (q) => {
        const g = graph([START, task('t', 10), END], `s>t t>t:${q} t>e:${1 - q}`);
        const e = effortOf(caseEffort(g, RATES));
        expect(e.visits.t).toBeCloseTo(1 / (1 - q), 9);
        expect(e.visits.e).toBeCloseTo(1, 9);
        expect(e.minutesPerCase).toBeCloseTo(10 / (1 - q), 8);
      }),
    );
  });
});
