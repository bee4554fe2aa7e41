import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeNpy } from './npy';
import { defendSplit, encodeScoreFile, extractSplitArchive } from './split-dir';
import { parseScoreFile } from './score-file';
import { tarChunks } from './tar';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

function archive(files: { name: string; bytes: Uint8Array }[], listed = files) {
  const manifest = {
    format: 'frogpond-benchmark/1', benchmark: 'b', version: 1, split: 'dev', imageShape: [1, 1, 2],
    replicates: [{ id: 'dev-00', counts: { unlabeled: 4 }, poisonIndices: [1, 2] }],
    files: listed.map((f) => ({ path: f.name, bytes: f.bytes.length, sha256: sha(f.bytes), shape: [] })),
  };
  return Buffer.concat([...tarChunks([{ name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) }, ...files])]);
}

test('a split archive is unpacked only when every file matches its sha256; defend writes parseable score files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-split-'));
  try {
    // Four 1x1x2 "images": two far apart, two on a short path between... pixel clustering needs >= 3 points.
    const ux = { name: 'dev-00/unlabeled_x.npy', bytes: encodeNpy(Uint8Array.from([0, 0, 250, 250, 200, 10, 10, 200]), [4, 1, 1, 2]) };
    const good = archive([ux]);
    const m = extractSplitArchive(good, dir);
    assert.equal(m.replicates[0].id, 'dev-00');
    assert.ok(fs.existsSync(path.join(dir, 'dev-00/unlabeled_x.npy')));

    const tampered = archive([{ ...ux, bytes: Uint8Array.from(ux.bytes).fill(7, ux.bytes.length - 1) }], [ux]);
    assert.throws(() => extractSplitArchive(tampered, path.join(dir, 'x')), /sha256 .* does not match/);
    assert.throws(() => extractSplitArchive(archive([ux], []), path.join(dir, 'y')), /not in the manifest/);

    const s = await defendSplit(dir, 'pixel-clustering');
    assert.deepEqual(s.ids, ['dev-00']);
    assert.equal(s.scores[0].length, 4);
    const spec = { replicates: [{ id: 'dev-00', size: 4 }] };
    for (const f of ['s.npy', 's.json', 's.csv']) {
      const parsed = parseScoreFile(f, encodeScoreFile(f, s), spec);
      assert.deepEqual(Array.from(parsed.get('dev-00')!.scores), Array.from(s.scores[0], (v) => Number(v.toString())), f);
    }
    await assert.rejects(defendSplit(dir, 'no-such-defense'), /not available/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
