import { DataSource } from 'typeorm';
import { Actor } from '../../common/auth';
import { badInput } from '../../common/errors';
import { ExperimentService } from './experiment.service';
import { MatrixService } from './matrix.service';
import { MatrixDimension, MatrixFilter } from './matrix.types';
import { matrixToCsv, matrixToJson, matrixToLatex } from './matrix-export';
import { citationBibtex, CitedExperiment, CitedPublication, experimentKey, experimentReference, permalink } from './citation';

export type ExportFormat = 'csv' | 'json' | 'tex';
export interface ExportFile { body: string; contentType: string; filename: string; isPublic: boolean }
export interface ExperimentCitation { key: string; permalink: string; bibtex: string; reference: string }

const CONTENT_TYPE: Record<ExportFormat | 'bib', string> = {
  csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', tex: 'application/x-tex; charset=utf-8', bib: 'application/x-bibtex; charset=utf-8',
};

/** Parses `rows=algorithm,rate` style lists of dimension names (any case) strictly. */
export function parseDimensions(raw: string | null): MatrixDimension[] {
  if (!raw) return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const d = s.toUpperCase() === 'POISON_RATE' ? 'RATE' : s.toUpperCase();
    if (!(d in MatrixDimension)) throw badInput(`Unknown dimension "${s.slice(0, 40)}"; use ${Object.values(MatrixDimension).join(', ').toLowerCase()}`);
    return d as MatrixDimension;
  });
}

/** Files of an experiment: its matrix as CSV, JSON or LaTeX, and its citation as BibTeX. */
export class ExperimentExportService {
  constructor(private readonly ds: DataSource, private readonly experiments: ExperimentService, private readonly matrices: MatrixService) {}

  async matrixFile(actor: Actor | null, id: string, format: ExportFormat, rows: MatrixDimension[], columns: MatrixDimension[], filter?: MatrixFilter | null): Promise<ExportFile> {
    const exp = await this.experiments.getRef(actor, id);
    if (rows.length + columns.length === 0) rows = [MatrixDimension.ALGORITHM];
    const m = await this.matrices.matrix(id, { rows, columns, filter });
    const body = format === 'csv' ? matrixToCsv(m) : format === 'json' ? matrixToJson(m, { experiment: id }) : matrixToLatex(m);
    const name = `experiment-${id.slice(0, 8)}-${[...rows, 'by', ...columns].join('-').toLowerCase()}.${format}`;
    return { body, contentType: CONTENT_TYPE[format], filename: name, isPublic: exp.visibility === 'PUBLIC' };
  }

  async citation(actor: Actor | null, id: string, base: string): Promise<ExperimentCitation & { isPublic: boolean }> {
    const exp = await this.experiments.get(actor, id);
    const [org] = await this.ds.query(`SELECT name FROM organization WHERE id = $1`, [exp.organizationId]);
    // The papers whose attacks the experiment ran.
    const papers: CitedPublication[] = await this.ds.query(
      `SELECT DISTINCT p.slug, p.bibtex, p.citation FROM trial_cell c JOIN attack_definition a ON a.id = c.attack_id
         JOIN publication p ON p.id = a.publication_id WHERE c.experiment_id = $1 ORDER BY p.slug`, [id]);
    const cited: CitedExperiment = { id, name: exp.name, organizationName: org?.name ?? 'unknown', createdAt: exp.createdAt };
    return {
      key: experimentKey(id), permalink: permalink.experiment(base, id), bibtex: citationBibtex(base, cited, papers),
      reference: experimentReference(base, cited), isPublic: exp.visibility === 'PUBLIC',
    };
  }

  async citationFile(actor: Actor | null, id: string, base: string): Promise<ExportFile> {
    const c = await this.citation(actor, id, base);
    return { body: c.bibtex, contentType: CONTENT_TYPE.bib, filename: `${c.key}.bib`, isPublic: c.isPublic };
  }
}
