import 'reflect-metadata';
import { loadConfig, loadDotEnv } from '../config/config';
import { connectAndMigrate, createDataSource } from '../db/data-source';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../db/embedded';
import { seedCatalogue } from '../db/seed';
import { OrganizationService } from '../modules/organization/organization.service';

const USAGE = `usage: npm run token -- create --org <slug> [--member <name>]
  Creates the organization if missing and an admin token for it; prints the token once (only its hash is stored).
  Uses DATABASE_URL, else the embedded PostgreSQL under FROGPOND_HOME (that of a running server, or started for this command).`;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  const org = arg(rest, '--org');
  if (cmd !== 'create' || !org) { console.error(USAGE); process.exit(64); }
  loadDotEnv();
  const config = loadConfig();
  // DATABASE_URL, else the embedded cluster of a running server, else start the embedded cluster just for this.
  const url = config.databaseUrl ?? runningEmbeddedUrl(config.home);
  const embedded = url ? undefined : await startEmbeddedPostgres({ home: config.home, port: config.embeddedPgPort, log: () => {} });
  const ds = createDataSource({ url: url ?? embedded!.url });
  try {
    await connectAndMigrate(ds, seedCatalogue);
    const issued = await new OrganizationService(ds).bootstrapAdmin(org, arg(rest, '--member') ?? 'admin');
    console.error(`Admin token for organization "${issued.organization.slug}" (member "${issued.member.name}"). Store it now, it is not shown again:`);
    console.log(issued.token);
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`[frogpond token] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
