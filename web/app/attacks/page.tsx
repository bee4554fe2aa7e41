import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { AttacksQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { dateTime, paramItems } from '@/lib/format';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Attacks' };
export const dynamic = 'force-dynamic';

export default async function AttacksPage({ searchParams }: { searchParams: Promise<{ created?: string; density?: string }> }) {
  const { created, density } = await searchParams;
  let data;
  try {
    data = await gql(AttacksQuery, { first: 100 });
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Attacks</h1><ApiFailure error={e} /></>;
  }
  const attacks = data.attacks.edges.map((e) => e.node);
  return (
    <>
      <h1>Attacks</h1>
      <p className="lead">Attack definitions: immutable once a trial uses them; a change is a new version. <Link href="/attacks/new">Define an attack</Link></p>
      {created ? <div className="alert info" role="status">Attack saved.{density ? <> Density <span className="mono">{density}</span> added to your catalogue.</> : null}</div> : null}
      {attacks.length === 0 ? <Empty>No attacks visible. <Link href="/attacks/new">Define one</Link>.</Empty> : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Attacks"><table className="data">
          <thead><tr><th>Name</th><th>Slug</th><th className="num">Version</th><th>Kind</th><th>Parameters</th><th>Created</th></tr></thead>
          <tbody>
            {attacks.map((a) => (
              <tr key={a.id} className={a.id === created ? 'highlight' : undefined}>
                <td>{a.name}{a.description ? <div className="muted small">{a.description}</div> : null}<div className="muted small">{a.organization ? a.organization.name : 'built in'}</div></td>
                <td className="mono">{a.slug}</td><td className="num">v{a.version}</td>
                <td><span className="badge">{String(a.kind).toLowerCase().replace(/_/g, ' ')}</span></td>
                <td className="small"><ul className="params">{paramItems(a.params).map((p) => <li key={p} className="mono">{p}</li>)}</ul></td><td className="small">{dateTime(a.createdAt as string)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </>
  );
}
