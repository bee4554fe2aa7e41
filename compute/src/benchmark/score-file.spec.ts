import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeNpy } from './npy';
import { parseScoreFile, ScoreFileError } from './score-file';

const spec = { replicates: [{ id: 'test-00', size: 3 }, { id: 'test-01', size: 3 }] };
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const refused = (file: string, body: Uint8Array, line: number | null, reason: RegExp) =>
  assert.throws(() => parseScoreFile(file, body, spec), (e: unknown) => e instanceof ScoreFileError && e.file === file && e.line === line && reason.test(e.reason) && e.code === 'BAD_USER_INPUT');

test('CSV, JSON and NPY score files give the same scores', () => {
  const csv = 'replicate,index,score\n' + ['test-00', 'test-01'].flatMap((id, r) => [0, 1, 2].map((i) => `${id},${i},${r * 10 + i}`)).join('\n') + '\n';
  const json = JSON.stringify({ replicates: { 'test-00': { scores: [0, 1, 2] }, 'test-01': { scores: [10, 11, 12] } } });
  const npy = encodeNpy(Float32Array.from([0, 1, 2, 10, 11, 12]), [2, 3]);
  for (const [name, bytes] of [['s.csv', utf8(csv)], ['s.json', utf8(json)], ['s.npy', npy]] as const) {
    const m = parseScoreFile(name, bytes, spec);
    assert.deepEqual(Array.from(m.get('test-01')!.scores), [10, 11, 12], name);
    assert.equal(m.get('test-00')!.removed, undefined);
  }
  const withRemoved = parseScoreFile('r.csv', utf8('replicate,index,score,removed\ntest-00,2,1,1\ntest-00,0,0,0\ntest-00,1,0,0\ntest-01,0,1,1\ntest-01,1,1,1\ntest-01,2,0,0\n'), spec);
  assert.deepEqual(withRemoved.get('test-01')!.removed, [0, 1]);
});

test('malformed score files are refused with file, line and reason', () => {
  refused('a.csv', utf8('rep,idx,score\n'), 1, /header/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,0,0.5\ntest-00,1,NaN\n'), 3, /not a finite number/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,0,Infinity\n'), 2, /not a finite/);
  refused('a.csv', utf8('replicate,index,score\ntest-07,0,1\n'), 2, /not a sequestered replicate/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,3,1\n'), 2, /0\.\.2/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,0,1\ntest-00,0,2\n'), 3, /already scored on line 2/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,0,1\ntest-00,1,1\ntest-00,2,1\n'), null, /test-01 is missing/);
  refused('a.csv', utf8('replicate,index,score\ntest-00,0,1\ntest-00,1,1\n'), null, /no score for index 2/);
  refused('a.json', utf8('{"replicates":{"test-00":{"scores":[1,2]},"test-01":{"scores":[1,2,3]}}}'), null, /has 2 scores/);
  refused('a.json', utf8('{"replicates":{"test-00":{"scores":[1,2,"x"]},"test-01":{"scores":[1,2,3]}}}'), null, /not a finite/);
  refused('a.json', utf8('{"replicates":{"test-00":{"scores":[1,2,3],"removed":[5]},"test-01":{"scores":[1,2,3]}}}'), null, /outside/);
  refused('a.json', utf8('{"replicates":'), null, /not valid JSON/);
  refused('a.npy', encodeNpy(Float32Array.from([1, 2, 3]), [3]), null, /expected \(2, 3\)/);
  refused('a.npy', encodeNpy(Float32Array.from([1, 2, 3, 4, 5, NaN]), [2, 3]), null, /test-01, index 2: score NaN/);
});
