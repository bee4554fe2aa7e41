import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('neutralises formula cells and quotes what needs it', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\r=x', '=HYPERLINK("http://evil")']) {
      assert.ok(!/^[=+\-@\t\r]/.test(csvCell(bad).replace(/^"/, '')), bad);
    }
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(0.125), '0.125');
  });
  it('round-trips through a CSV parser', () => {
    const rows = [['x,y', 'line\nbreak', 3], ['"q"', '', 0.5]];
    const back = parse(toCsv(['a', 'b', 'c'], rows), { columns: true });
    assert.deepEqual(back, [{ a: 'x,y', b: 'line\nbreak', c: '3' }, { a: '"q"', b: '', c: '0.5' }]);
  });
});
