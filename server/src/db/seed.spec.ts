import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { reportedRowsFromPaperResults } from './seed';

const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../data/paper-results.json'), 'utf8'));

describe('paper-results.json -> reported results', () => {
  const rows = reportedRowsFromPaperResults(json);
  it('imports every non-null cell of every table', () => {
    // Table 1: 27 cells - 3 nulls; Table 2: 18; Table 3: 33; Figure 6: 12
    assert.equal(rows.length, 24 + 18 + 33 + 12);
    assert.ok(rows.every((r) => r.trials === 8 && r.successes >= 0 && r.successes <= 8));
  });
  it('maps columns to dataset, label budget, rate and density', () => {
    const find = (t: string, r: string, c: string) => rows.find((x) => x.tableKey === t && x.rowKey === r && x.columnKey === c)!;
    assert.deepEqual(
      (({ dataset, labels, algorithm, rate, density, attackKind, successes }) => ({ dataset, labels, algorithm, rate, density, attackKind, successes }))(
        find('table2_algorithm_by_label_budget', 'MixMatch', 'CIFAR-10@4000')),
      { dataset: 'cifar10', labels: 4000, algorithm: 'mixmatch', rate: 0.001, density: null, attackKind: 'interpolation', successes: 1 });
    assert.equal(find('table1_algorithm_by_dataset_and_rate', 'UDA', 'SVHN@0.5%').rate, 0.005);
    assert.equal(find('table1_algorithm_by_dataset_and_rate', 'FixMatch', 'STL-10@0.1%').labels, 1000);
    assert.equal(find('table3_density_functions', 'phi(x+.5)', '0.2%').density, 'phi-x-plus-0.5');
    assert.equal(find('figure6_zero_knowledge', 'UDA', 'SVHN@1.0%').attackKind, 'zero-knowledge-interpolation');
    assert.equal(find('figure6_zero_knowledge', 'UDA', 'SVHN@1.0%').rate, 0.01);
  });
  it('refuses a table it does not understand instead of half-importing it', () => {
    const broken = JSON.parse(JSON.stringify(json));
    broken.carlini2021.table3_density_functions.rows['x^3'] = ['1/8', '1/8', '1/8'];
    assert.throws(() => reportedRowsFromPaperResults(broken), /unknown density row/);
  });
});
