import { badInput } from '../../common/errors';
import { Z95 } from '@frogpond/compute/stats';
import { LeaderboardFilter, LeaderboardSort, SortDirection } from './leaderboard.inputs';

export interface LeaderboardQuery {
  /** The viewer's organization (its private experiments count), null for anonymous readers. */
  viewerOrganizationId: string | null;
  filter?: LeaderboardFilter | null;
  sort: LeaderboardSort;
  direction: SortDirection;
  includeNearChance: boolean;
  first: number;
  after: { value: number; key: string } | null;
}

/** Wilson 95% lower bound of k/n in SQL (NULL when n = 0); the same formula as wilsonInterval. */
const wilsonLowSql = (k: string, n: string) => `CASE WHEN ${n} > 0 THEN greatest(0,
  ((${k})::float8 / ${n} + ${Z95 ** 2} / (2.0 * ${n}) - ${Z95} * sqrt((${k})::float8 / ${n} * (1 - (${k})::float8 / ${n}) / ${n} + ${Z95 ** 2} / (4.0 * ${n} * ${n})))
  / (1 + ${Z95 ** 2} / ${n})) END`;

/** The sort value of each order (whitelisted SQL over the grouped row `g`); a row with no value sorts as -1. */
const SORT_SQL: Record<LeaderboardSort, string> = {
  // Rounded so that float noise never splits a tie (ties share a rank and are ordered by key).
  [LeaderboardSort.RANK]: `coalesce(round((${wilsonLowSql('g.k', 'g.n')})::numeric, 12)::float8, -1)`,
  [LeaderboardSort.SUCCESS_RATE]: 'coalesce(g.k::float8 / nullif(g.n, 0), -1)',
  [LeaderboardSort.TRIALS]: 'g.n::float8',
  [LeaderboardSort.POISON_RATE]: 'g.rate',
  [LeaderboardSort.EXPERIMENTS]: 'g.experiment_count::float8',
};

/**
 * ONE statement for a leaderboard page: every trigger-maintained cell with a result of every experiment the viewer
 * may see (public, or of their organization), grouped by the complete setting, so unlike settings are never summed.
 * Near-chance trials are counted apart and never ranked. The page is cut by keyset (sort value, key); ranks, the
 * total, the labels, the links and the paper's value are computed for the page only.
 */
export function buildLeaderboardSql(q: LeaderboardQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [q.viewerOrganizationId];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const where = ['c.trials > 0', `(e.visibility = 'PUBLIC' OR e.organization_id = $1::uuid)`];
  const f = q.filter ?? {};
  if (f.datasets?.length) where.push(`c.dataset = ANY(${p(f.datasets)}::text[])`);
  if (f.labels?.length) where.push(`c.labels = ANY(${p(f.labels)}::int[])`);
  if (f.algorithms?.length) where.push(`c.algorithm = ANY(${p(f.algorithms)}::text[])`);
  if (f.rates?.length) where.push(`EXISTS (SELECT 1 FROM unnest(${p(f.rates)}::float8[]) fr WHERE abs(fr - c.rate) < 1e-9)`);
  if (f.densities?.length) where.push(`coalesce(c.density, 'none') = ANY(${p(f.densities)}::text[])`);
  if (f.presets?.length) where.push(`e.preset = ANY(${p(f.presets)}::text[])`);
  if (f.attacks?.length) {
    const a = p(f.attacks);
    where.push(`(c.attack_kind = ANY(${a}::text[]) OR c.attack_id IN (SELECT id FROM attack_definition WHERE id::text = ANY(${a}::text[]) OR slug = ANY(${a}::text[])))`);
  }
  if (f.defenses?.length) {
    const d = p(f.defenses);
    where.push(`(c.defense_kind = ANY(${d}::text[]) OR (c.defense_id IS NULL AND 'none' = ANY(${d}::text[]))
      OR c.defense_id IN (SELECT id FROM defense_definition WHERE id::text = ANY(${d}::text[]) OR slug = ANY(${d}::text[])))`);
  }
  const having = [q.includeNearChance ? 'true' : 'g.n > 0'];
  if (f.minTrials) having.push(`g.n >= ${p(f.minTrials)}::int`);
  const sortSql = SORT_SQL[q.sort];
  const desc = q.direction === SortDirection.DESC;
  // Keyset: rows after the cursor in (value, key) order; the key (unique per setting) breaks ties ascending.
  const keyset = q.after
    ? `AND (w.sort_value ${desc ? '<' : '>'} ${p(q.after.value)}::float8 OR (w.sort_value = $${params.length}::float8 AND w.key > ${p(q.after.key)}::text))`
    : '';
  const limit = p(q.first + 1);
  const sql = `
WITH c AS (
  -- "No defense" is one setting whether the experiment named the built-in none defense or gave no defense list.
  SELECT c.experiment_id, c.attack_id, c.attack_kind, c.dataset, c.labels, c.algorithm, c.rate, c.density,
         CASE WHEN c.defense_kind = 'none' THEN NULL ELSE c.defense_id END AS defense_id, c.defense_kind,
         c.trials, c.successes, c.near_chance, c.near_chance_successes, c.clean_accuracy_sum, c.clean_accuracy_n, e.preset,
         c.undefended_trials, c.undefended_successes, c.undefended_near_chance, c.undefended_near_chance_successes,
         c.undefended_accuracy_sum, c.undefended_accuracy_n
    FROM trial_cell c JOIN experiment e ON e.id = c.experiment_id
   WHERE ${where.join(' AND ')}
), g AS (
  -- Plain sums only (no DISTINCT, no ordered aggregate): a hash aggregate, no sort of every visible cell. An
  -- experiment has one trial_cell per setting (the cell key holds every coordinate, and "no defense" is either
  -- always NULL or always the built-in none within one experiment), so count(*) counts experiments.
  SELECT c.attack_id, min(c.attack_kind) AS attack_kind, c.dataset, c.labels, c.algorithm, c.rate, c.density,
         c.defense_id, min(c.defense_kind) AS defense_kind, c.preset,
         (sum(c.trials) - sum(c.near_chance))::int AS n, (sum(c.successes) - sum(c.near_chance_successes))::int AS k,
         sum(c.near_chance)::int AS near_chance, sum(c.near_chance_successes)::int AS near_chance_k,
         sum(c.clean_accuracy_sum) / nullif(sum(c.clean_accuracy_n), 0) AS clean_accuracy,
         -- The same trials without the defense (the run a defended trial records from its seed), near chance left out
         -- by the trial's own clean accuracy, as in k/n.
         (sum(c.undefended_trials) - sum(c.undefended_near_chance))::int AS u_n,
         (sum(c.undefended_successes) - sum(c.undefended_near_chance_successes))::int AS u_k,
         sum(c.undefended_accuracy_sum) / nullif(sum(c.undefended_accuracy_n), 0) AS u_acc,
         count(*)::int AS experiment_count, array_agg(c.experiment_id) AS experiment_ids
    FROM c
   GROUP BY c.attack_id, c.dataset, c.labels, c.algorithm, c.rate, c.density, c.defense_id, c.preset
), w AS (
  SELECT g.*, ${sortSql} AS sort_value,
         concat_ws('|', coalesce(g.attack_id::text, g.attack_kind), g.dataset, g.labels, g.rate, g.algorithm,
                   coalesce(g.density, 'none'), coalesce(g.defense_id::text, 'none'), g.preset) AS key,
         CASE WHEN g.n > 0 THEN rank() OVER (ORDER BY ${SORT_SQL[LeaderboardSort.RANK]} DESC) END AS rank,
         count(*) OVER () AS total
    FROM g WHERE ${having.join(' AND ')}
), page AS (
  SELECT * FROM w WHERE true ${keyset}
   ORDER BY w.sort_value ${desc ? 'DESC' : 'ASC'}, w.key LIMIT ${limit}
)
SELECT page.*, ad.slug AS attack_slug, ad.version AS attack_version, dd.slug AS defense_slug, dd.version AS defense_version,
       df.label AS density_label,
       links.organization_count, links.experiments,
       rr.successes AS paper_successes, rr.trials AS paper_trials, rr.table_key AS paper_table,
       rr.row_key AS paper_row, rr.column_key AS paper_column, pub.slug AS paper_publication
  FROM page
  LEFT JOIN attack_definition ad ON ad.id = page.attack_id
  LEFT JOIN defense_definition dd ON dd.id = page.defense_id
  LEFT JOIN density_function df ON df.slug = page.density
  -- Organizations behind the row, and links to its newest five experiments: for the page's rows only.
  LEFT JOIN LATERAL (
    SELECT count(DISTINCT x.organization_id)::int AS organization_count,
           (SELECT json_agg(json_build_object('id', y.id, 'name', y.name, 'organization', o.slug) ORDER BY y.created_at DESC, y.id)
              FROM (SELECT x2.id, x2.name, x2.organization_id, x2.created_at FROM unnest(page.experiment_ids) u2(id)
                      JOIN experiment x2 ON x2.id = u2.id ORDER BY x2.created_at DESC, x2.id LIMIT 5) y
              JOIN organization o ON o.id = y.organization_id) AS experiments
      FROM unnest(page.experiment_ids) u(id) JOIN experiment x ON x.id = u.id
  ) links ON true
  -- The paper's k/n for the setting (no defense): the most specific row (a density row first, then table order).
  LEFT JOIN LATERAL (
    SELECT r.* FROM reported_result r
     WHERE page.defense_kind = 'none' AND r.dataset = page.dataset AND r.labels = page.labels AND r.algorithm = page.algorithm
       AND r.attack_kind = page.attack_kind AND abs(r.rate - page.rate) < 1e-9 AND (r.density IS NULL OR r.density = page.density)
     ORDER BY (r.density IS NULL), r.table_order LIMIT 1
  ) rr ON true
  LEFT JOIN publication pub ON pub.id = rr.publication_id
 ORDER BY page.sort_value ${desc ? 'DESC' : 'ASC'}, page.key`;
  return { sql, params };
}

/** Parses an opaque leaderboard cursor's parts strictly. */
export function cursorParts(raw: unknown[] | null): { value: number; key: string } | null {
  if (!raw) return null;
  const [value, key] = raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || typeof key !== 'string' || key.length > 1000) throw badInput('Invalid cursor');
  return { value, key };
}
