/** "Cite this": the permalink, a plain reference and BibTeX (the experiment, the platform, the papers it reproduces). */
export function CitePanel({ citation, bibHref }: { citation: { key: string; permalink: string; bibtex: string; reference: string }; bibHref: string | null }) {
  return (
    <section className="panel" aria-labelledby="cite-title" data-testid="cite">
      <h2 id="cite-title">Cite this experiment</h2>
      <p>
        Permalink: <a href={citation.permalink}>{citation.permalink}</a>
      </p>
      <p className="small">{citation.reference}</p>
      <details>
        <summary>BibTeX ({citation.key})</summary>
        <pre className="scroll" tabIndex={0} aria-label="BibTeX">{citation.bibtex}</pre>
        {bibHref && <p className="small"><a href={bibHref} download>Download .bib</a></p>}
      </details>
    </section>
  );
}
