import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { submitInput } from './benchmark-commands';

test('submit: a verified run sends the defense kind and its parameters as given', () => {
  assert.deepEqual(submitInput('bench', { defense: 'deep-knn', param: { k: 7 } }),
    { kind: 'verified-run', input: { benchmark: 'bench', label: null, defense: 'deep-knn', params: { k: 7 } } });
});

test('submit: a score file is read and sent base64-encoded, labelled by its name unless told', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-cli-'));
  try {
    const file = path.join(dir, 's.csv');
    fs.writeFileSync(file, 'replicate,index,score\n');
    const r = submitInput('bench', { scores: file, removalFraction: 0.1 });
    assert.equal(r.kind, 'score-file');
    assert.deepEqual(r.input, { benchmark: 'bench', label: 's.csv', fileName: 's.csv', contentBase64: Buffer.from('replicate,index,score\n').toString('base64'), removalFraction: 0.1 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('submit: exactly one of --scores and --defense, and each takes only its own options', () => {
  const code = (f: () => unknown) => { try { f(); return 'OK'; } catch (e) { return `${(e as { code?: string }).code}: ${(e as Error).message}`; } };
  assert.match(code(() => submitInput('b', {})), /^BAD_USER_INPUT: give either --scores FILE/);
  assert.match(code(() => submitInput('b', { scores: 'x', defense: 'deep-knn' })), /^BAD_USER_INPUT: give either/);
  assert.match(code(() => submitInput('b', { defense: 'deep-knn', removalFraction: 0.2 })), /--removal-fraction applies to --scores/);
  assert.match(code(() => submitInput('b', { scores: 'x', param: { k: 1 } })), /--param applies to --defense/);
});
