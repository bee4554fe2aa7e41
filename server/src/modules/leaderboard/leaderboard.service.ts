import { DataSource } from 'typeorm';
import { Actor } from '../../common/auth';
import { decodeCursor, encodeCursor } from '../../common/connection';
import { ReadCache } from '../../common/read-cache';
import { wilsonInterval } from '@frogpond/compute/stats';
import { toWithoutDefense } from '../experiment/defense-comparison';
import { LeaderboardArgs } from './leaderboard.inputs';
import { buildLeaderboardSql, cursorParts } from './leaderboard.sql';
import { LeaderboardConnection, LeaderboardRow, Reproduction } from './leaderboard.types';

const label = (slug: string | null, version: number | null, fallback: string) => (slug ? `${slug} v${version}` : fallback);

/** Maps one SQL row of buildLeaderboardSql to a LeaderboardRow (Wilson interval computed from k/n). */
export function toLeaderboardRow(r: Record<string, any>): LeaderboardRow {
  const w = wilsonInterval(r.k, r.n);
  return {
    key: r.key, rank: r.rank === null ? null : Number(r.rank),
    attackId: r.attack_id, attack: label(r.attack_slug, r.attack_version, r.attack_kind), attackSlug: r.attack_slug ?? null, attackKind: r.attack_kind, attackVersion: r.attack_version ?? null,
    dataset: r.dataset, labels: r.labels, algorithm: r.algorithm, rate: r.rate, density: r.density, densityLabel: r.density_label ?? r.density,
    defenseId: r.defense_id, defense: label(r.defense_slug, r.defense_version, 'none'), defenseKind: r.defense_kind, preset: r.preset,
    successes: r.k, trials: r.n, successRate: r.n ? r.k / r.n : null, wilsonLow: w?.low ?? null, wilsonHigh: w?.high ?? null,
    nearChanceTrials: r.near_chance, nearChanceSuccesses: r.near_chance_k,
    cleanAccuracyMean: r.clean_accuracy === null ? null : Number(r.clean_accuracy),
    withoutDefense: toWithoutDefense(r.defense_kind !== 'none', r.u_k, r.u_n, r.u_acc),
    experimentCount: r.experiment_count, organizationCount: r.organization_count, experiments: r.experiments ?? [],
    paper: r.paper_trials == null ? null : {
      successes: r.paper_successes, trials: r.paper_trials, rate: r.paper_successes / r.paper_trials,
      publication: r.paper_publication, table: r.paper_table, rowKey: r.paper_row, columnKey: r.paper_column,
    },
  };
}

/** The leaderboard over every finished trial a viewer may see; pages are cached until a result lands. */
export class LeaderboardService {
  constructor(private readonly ds: DataSource, private readonly cache: ReadCache) {}

  async page(actor: Actor | null, args: LeaderboardArgs): Promise<LeaderboardConnection> {
    const after = cursorParts(decodeCursor(args.after, ['number', 'string']));
    const q = {
      viewerOrganizationId: actor?.organizationId ?? null, filter: args.filter ?? null, sort: args.sort, direction: args.direction,
      includeNearChance: args.includeNearChance, first: args.first, after,
    };
    // The viewer's organization is part of the key: private experiments count for their members only.
    const key = `leaderboard:${JSON.stringify(q)}`;
    return this.cache.getOrCompute(key, null, async () => {
      const { sql, params } = buildLeaderboardSql(q);
      const rows: Record<string, any>[] = await this.ds.query(sql, params);
      const hasNextPage = rows.length > args.first;
      const page = hasNextPage ? rows.slice(0, args.first) : rows;
      const edges = page.map((r) => ({ cursor: encodeCursor([r.sort_value, r.key]), node: toLeaderboardRow(r) }));
      return {
        edges, totalCount: rows.length ? Number(rows[0].total) : 0,
        pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      };
    });
  }

  /**
   * The platform's k/n beside every cell a paper reports, in one statement: visible finished trials of the same
   * dataset, labels, algorithm, rate, attack kind and density (the paper default is the uniform density), without a
   * defense; one entry per attack version and preset, never summed across them.
   */
  async reproductions(actor: Actor | null, publicationId: string): Promise<Reproduction[]> {
    const org = actor?.organizationId ?? null;
    return this.cache.getOrCompute(`reproductions:${publicationId}:${org}`, null, async () => {
      const rows: Record<string, any>[] = await this.ds.query(`
        SELECT rr.id AS reported_id, coalesce(ad.slug || ' v' || ad.version, min(c.attack_kind)) AS attack, e.preset,
               (sum(c.trials) - sum(c.near_chance))::int AS n, (sum(c.successes) - sum(c.near_chance_successes))::int AS k,
               sum(c.near_chance)::int AS near_chance, count(DISTINCT c.experiment_id)::int AS experiments
          FROM reported_result rr
          JOIN trial_cell c ON c.dataset = rr.dataset AND c.labels = rr.labels AND c.algorithm = rr.algorithm
           AND abs(c.rate - rr.rate) < 1e-9 AND c.attack_kind = rr.attack_kind AND c.defense_kind = 'none'
           AND c.density IS NOT DISTINCT FROM coalesce(rr.density, 'uniform') AND c.trials > 0
          JOIN experiment e ON e.id = c.experiment_id AND (e.visibility = 'PUBLIC' OR e.organization_id = $2::uuid)
          LEFT JOIN attack_definition ad ON ad.id = c.attack_id
         WHERE rr.publication_id = $1
         GROUP BY rr.id, c.attack_id, ad.slug, ad.version, e.preset
         ORDER BY rr.id, n DESC`, [publicationId, org]);
      return rows.map((r) => {
        const w = wilsonInterval(r.k, r.n);
        return {
          reportedResultId: r.reported_id, attack: r.attack, preset: r.preset, successes: r.k, trials: r.n,
          wilsonLow: w?.low ?? null, wilsonHigh: w?.high ?? null, nearChanceTrials: r.near_chance, experimentCount: r.experiments,
        };
      });
    });
  }
}
