/**
 * Statistical disclosure control for survey results: which cells of the result lattice may be
 * published so that no answer can be pinned to fewer than `threshold` respondents.
 *
 * Every submitted response carries quasi-identifiers (size class, Land, network through which it was
 * invited). A result cell is a conjunction over them, e.g. "all", "GK7", "GK7 in Bayern"; a filter
 * picks one cell and a grouping splits it by one more dimension. Because every filter and grouping of
 * a closed survey reads the same frozen data, the rules below decide once, for the whole lattice,
 * which cells are publishable — whichever sequence of queries an attacker sends, they only ever see
 * cells from that set.
 *
 * The attacker's view: the counts (and aggregates) of all published cells. By adding and subtracting
 * them they can isolate at most the "atoms" of the published cells: respondents that lie in exactly
 * the same published cells. A cell set is safe when every atom holds no or at least `threshold`
 * respondents (for a question: answerers). That covers nested differences ("GK7 minus GK7 in Bayern"),
 * complements ("all minus the shown groups") and intersections of two groupings ("GK7" and "Bayern"
 * whose common part is one municipality). Publishing is decided per unit: the responses themselves,
 * and each question and matrix row separately (a question skipped by many gets fewer cells).
 */

/** The dimensions results may be filtered and grouped by. */
export const QI_DIMENSIONS = ['sizeClass', 'land', 'network'] as const;
export type QiDimension = (typeof QI_DIMENSIONS)[number];

/** The quasi-identifier values of a group of respondents (network '' = invited without network). */
export type QiClass = Record<QiDimension, string>;
/** A cell of the lattice: the dimensions it fixes (absent = any value). */
export type Cell = Partial<Record<QiDimension, string>>;

export interface ClassCount {
  cls: QiClass;
  /** Respondents (or answerers of one question) in this class. */
  n: number;
}

const ANY = '*';
/** The key of the cell without any condition (all respondents). */
export const TOTAL_CELL = cellKey({});

/** Stable key of a cell, e.g. `7|*|*` for "GK7". */
export function cellKey(c: Cell): string {
  return QI_DIMENSIONS.map((d) => c[d] ?? ANY).join('|');
}

/** The 2³ cells that contain a class: each dimension either fixed to the class's value or free. */
export function cellsOfClass(cls: QiClass): string[] {
  const out: string[] = [];
  for (let mask = 0; mask < 1 << QI_DIMENSIONS.length; mask++) {
    out.push(QI_DIMENSIONS.map((d, i) => (mask & (1 << i) ? cls[d] : ANY)).join('|'));
  }
  return out;
}

/** Respondents per cell for every cell that contains at least one class. */
export function cellCounts(counts: readonly ClassCount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { cls, n } of counts) {
    if (n <= 0) continue;
    for (const k of cellsOfClass(cls)) out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}

/**
 * Atoms of a set of published cells: respondents grouped by the exact set of published cells they lie
 * in. Returns the respondent count per atom (atoms outside every published cell are left out: nothing
 * about them is published).
 */
export function atomsOf(counts: readonly ClassCount[], published: ReadonlySet<string>): Map<string, number> {
  const atoms = new Map<string, number>();
  for (const { cls, n } of counts) {
    if (n <= 0) continue;
    const sig = cellsOfClass(cls)
      .filter((k) => published.has(k))
      .join(',');
    if (sig) atoms.set(sig, (atoms.get(sig) ?? 0) + n);
  }
  return atoms;
}

/**
 * The cells that may be published for one unit (the responses, or one question or matrix row):
 * every published cell holds at least `threshold`, and every atom of the published cells holds none
 * or at least `threshold`. Cells are withdrawn smallest first until that holds; the total is kept as
 * long as it reaches the threshold. The same counts in any order give the same cells. `within` restricts the candidates (a question is never published
 * in a cell whose responses are not).
 */
export function publishableCells(
  counts: readonly ClassCount[],
  threshold: number,
  within?: ReadonlySet<string>,
): Set<string> {
  return publishableGroupCells(
    counts.map(({ cls, n }) => ({ cells: cellsOfClass(cls), n })),
    threshold,
    TOTAL_CELL,
    within ? { within } : {},
  );
}

/** Units (municipalities, respondents) that lie in the same groups, and how many they are. */
export interface GroupedCount {
  /** Keys of every group these units belong to (the total's key included). */
  cells: readonly string[];
  n: number;
}

/**
 * The rule of `publishableCells` over any groups, also overlapping ones a unit can be in several of (a
 * municipality in two networks): every published group holds at least `threshold`, and every atom — the units
 * lying in exactly the same published groups — holds none or at least `threshold`, so no sum or difference of
 * published groups isolates fewer. Groups are withdrawn smallest first until that holds; `total` is the key of
 * the group of all units, kept as long as it reaches the threshold. Deterministic: the same counts in any order
 * give the same groups. `opts.known` marks groups whose members are known by name to the viewers anyway (an open
 * ring): they always count as published, and atoms inside them need no threshold — but everyone outside them
 * still does, so the named values never help to isolate anyone else.
 */
export function publishableGroupCells(
  units: readonly GroupedCount[],
  threshold: number,
  total: string,
  opts: {
    /** Only these groups are candidates. */
    within?: ReadonlySet<string>;
    known?: (cell: string) => boolean;
    /**
     * A group as large as the total is the total under another name (a network everyone is in): it is never the
     * one withdrawn to set an atom apart. Surveys leave it off (their cells keep the rule of ADR 0003 unchanged).
     */
    totalAlike?: boolean;
  } = {},
): Set<string> {
  const { within, known = () => false, totalAlike = false } = opts;
  // the units with a count, each group once in the order given (the same order for every unit keeps the
  // signatures comparable)
  const live = units.filter((u) => u.n > 0).map((u) => ({ cells: [...new Set(u.cells)], n: u.n, sig: '' }));
  const size = new Map<string, number>();
  // which units lie in a group: withdrawing it changes the atoms of these units only
  const unitsOf = new Map<string, number[]>();
  live.forEach((u, i) => {
    for (const k of u.cells) {
      size.set(k, (size.get(k) ?? 0) + u.n);
      const of = unitsOf.get(k);
      if (of) of.push(i);
      else unitsOf.set(k, [i]);
    }
  });
  const published = new Set(
    [...size].filter(([k, n]) => known(k) || (n >= threshold && (!within || within.has(k)))).map(([k]) => k),
  );
  // the atoms, kept up to date as groups are withdrawn: an atom's key is the published groups of its units
  const atoms = new Map<string, number>();
  const knownSig = new Map<string, boolean>();
  const isKnown = (sig: string) => {
    let b = knownSig.get(sig);
    if (b === undefined) {
      b = sig.split(',').some(known);
      knownSig.set(sig, b);
    }
    return b;
  };
  // the atoms under the threshold outside every known group
  const failing = new Set<string>();
  const add = (sig: string, n: number) => {
    if (!sig) return;
    const m = (atoms.get(sig) ?? 0) + n;
    if (m === 0) atoms.delete(sig);
    else atoms.set(sig, m);
    if (m > 0 && m < threshold && !isKnown(sig)) failing.add(sig);
    else failing.delete(sig);
  };
  for (const u of live) {
    u.sig = u.cells.filter((k) => published.has(k)).join(',');
    add(u.sig, u.n);
  }
  const withdraw = (k: string) => {
    published.delete(k);
    for (const i of unitsOf.get(k) ?? []) {
      const u = live[i]!;
      add(u.sig, -u.n);
      u.sig = u.cells.filter((c) => published.has(c)).join(',');
      add(u.sig, u.n);
    }
  };
  const all = size.get(total) ?? 0;
  const asTotal = (k: string) => k === total || (totalAlike && size.get(k) === all);
  for (;;) {
    // the first failing atom in a fixed order: the decision never depends on the order the counts come in
    let first: string | undefined;
    for (const sig of failing) if (first === undefined || sig < first) first = sig;
    if (first === undefined) return published;
    const own = first.split(',').filter((k) => !asTotal(k));
    // withdraw the smallest group that sets the atom apart; an atom that is only "the total minus
    // everything else" merges back once the smallest other group is withdrawn
    const pool = own.length ? own : [...published].filter((k) => !asTotal(k) && !known(k));
    if (!pool.length) {
      for (const k of [...published]) if (asTotal(k)) withdraw(k);
      continue;
    }
    pool.sort((a, b) => (size.get(a) ?? 0) - (size.get(b) ?? 0) || a.localeCompare(b));
    withdraw(pool[0] as string);
  }
}

/** What the results of a survey can show at best: nothing, only the total, or also group comparisons. */
export type ResultsReach = 'none' | 'total' | 'groups';

/**
 * The best case before a survey is sent, from how many can answer at all: results need `threshold`
 * respondents, and a comparison needs two groups of at least `threshold` each (any smaller group is an
 * atom under the threshold, see `publishableCells`). Fewer invitees than that can never show more,
 * whatever the answers are — moderators are told before sending.
 */
export function resultsReach(invitees: number, threshold: number): ResultsReach {
  if (invitees < threshold) return 'none';
  if (invitees < 2 * threshold) return 'total';
  return 'groups';
}
