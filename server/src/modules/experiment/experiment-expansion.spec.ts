import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countTrials, expandMatrix, MatrixShape, trialSeed } from './experiment-expansion';

const shape: MatrixShape = {
  datasets: ['moons', 'blobs'], labels: [10], algorithms: ['fixmatch', 'uda'], rates: [0.01, 0.02],
  densities: ['uniform', 'x', 'one-minus-x'],
  attacks: [{ id: 'a-interp', usesDensity: true, usesDefense: true }, { id: 'a-fc', usesDensity: false, usesDefense: false }],
  defenses: [null, 'd-1'], trialsPerCell: 3,
};

describe('matrix expansion', () => {
  it('counts and enumerates the same cells (densities and defenses only multiply the attacks they apply to)', () => {
    // 2 x 1 x 2 x 2 x (3 x 2 + 1 x 1) x 3 = 168
    assert.equal(countTrials(shape), 168);
    const all = [...expandMatrix(shape)];
    assert.equal(all.length, 168);
    assert.ok(all.filter((c) => c.attackId === 'a-fc').every((c) => c.density === null && c.defenseId === null));
    const keys = new Set(all.map((c) => JSON.stringify(c)));
    assert.equal(keys.size, all.length, 'no duplicate cell x replicate');
  });
  it('crosses an attack with only the defenses that apply to it when the plan names them', () => {
    // Poison Frogs with deep k-NN of the matrix's [none, deep-knn, pixel-clustering]: the deep-knn cells only.
    const m: MatrixShape = { ...shape, algorithms: ['supervised'], rates: [0], defenses: [null, 'd-knn', 'd-pixel'],
      attacks: [{ id: 'a-fc', usesDensity: false, usesDefense: true, defenses: ['d-knn'] }], trialsPerCell: 2 };
    const all = [...expandMatrix(m)];
    assert.equal(countTrials(m), 4);
    assert.equal(all.length, 4);
    assert.ok(all.every((c) => c.defenseId === 'd-knn'));
  });
  it('derives stable, distinct 31-bit seeds from seed base and cell', () => {
    const cells = [...expandMatrix(shape)];
    const seeds = cells.map((c) => trialSeed(5, c));
    assert.ok(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31));
    assert.equal(new Set(seeds).size, seeds.length);
    assert.deepEqual(cells.map((c) => trialSeed(5, c)), seeds);
    assert.notEqual(trialSeed(6, cells[0]), seeds[0]);
    // the seed depends only on the cell, not on its position in the matrix
    assert.equal(trialSeed(5, { ...cells[10] }), seeds[10]);
  });
});
