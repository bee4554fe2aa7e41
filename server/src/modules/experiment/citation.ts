import { latexEscape } from './matrix-export';

/** Permalinks: stable paths under the configured public origin (never derived from a request). */
export const permalink = {
  experiment: (base: string, id: string) => `${base}/experiments/${id}`,
  trial: (base: string, id: string) => `${base}/trials/${id}`,
  attack: (base: string, slug: string, version: number) => `${base}/attacks/${encodeURIComponent(slug)}/v${version}`,
  publication: (base: string, slug: string) => `${base}/publications/${encodeURIComponent(slug)}`,
};

export interface CitedExperiment { id: string; name: string; organizationName: string; createdAt: Date }
export interface CitedPublication { slug: string; bibtex: string; citation: string }

/** BibTeX field text: LaTeX specials escaped, so a name with braces or % cannot break the entry. */
const field = (s: string) => `{${latexEscape(s)}}`;

/** The platform's own entry. */
export function platformBibtex(base: string, year: number): string {
  return [
    '@misc{frogpond,',
    '  title = {frogpond: a research-results platform for data-poisoning attacks and defenses},',
    '  author = {{frogpond contributors}},',
    `  year = {${year}},`,
    `  howpublished = {\\url{${base}}}`,
    '}',
  ].join('\n');
}

/** The citation key of an experiment: stable, from its id. */
export const experimentKey = (id: string) => `frogpond-${id.replace(/-/g, '').slice(0, 12)}`;

export function experimentBibtex(base: string, e: CitedExperiment): string {
  const year = e.createdAt.getUTCFullYear();
  return [
    `@misc{${experimentKey(e.id)},`,
    `  title = ${field(e.name)},`,
    `  author = {${field(e.organizationName)}},`,
    `  year = {${year}},`,
    `  month = {${e.createdAt.getUTCMonth() + 1}},`,
    `  howpublished = {\\url{${permalink.experiment(base, e.id)}}},`,
    '  note = {frogpond experiment; results as k/n with Wilson 95\\% intervals}',
    '}',
  ].join('\n');
}

/** A plain-text reference for the experiment. */
export function experimentReference(base: string, e: CitedExperiment): string {
  const date = e.createdAt.toISOString().slice(0, 10);
  return `${e.organizationName} (${e.createdAt.getUTCFullYear()}). ${e.name}. frogpond experiment, ${date}. ${permalink.experiment(base, e.id)}`;
}

/** The experiment, the platform, and the papers it reproduces, as one .bib file. */
export function citationBibtex(base: string, e: CitedExperiment, papers: CitedPublication[]): string {
  return [experimentBibtex(base, e), platformBibtex(base, e.createdAt.getUTCFullYear()), ...papers.map((p) => p.bibtex.trim())].join('\n\n') + '\n';
}
