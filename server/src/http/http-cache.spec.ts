import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OperationDefinitionNode, parse } from 'graphql';
import { derivesFromResultsOnly } from './http-cache';

const op = (q: string) => parse(q).definitions[0] as OperationDefinitionNode;

describe('answers kept until a result lands', () => {
  it('keeps only operations derived from finished results', () => {
    assert.equal(derivesFromResultsOnly(op('{ leaderboard { totalCount } }')), true);
    assert.equal(derivesFromResultsOnly(op('query($id: ID!) { experiment(id: $id) { id matrix(rows: [RATE]) { cells { trials } } } }')), true);
    assert.equal(derivesFromResultsOnly(op('query($id: ID!) { experiment(id: $id) { id status } }')), false);
    assert.equal(derivesFromResultsOnly(op('{ experiments { edges { node { id } } } }')), false);
    assert.equal(derivesFromResultsOnly(op('{ leaderboard { totalCount } experiments { edges { node { id } } } }')), false);
    assert.equal(derivesFromResultsOnly(op('{ ...F } fragment F on Query { leaderboard { totalCount } }')), false);
    assert.equal(derivesFromResultsOnly(op('mutation { createDensity(input: {}) { slug } }')), false);
  });

  it('keeps a benchmark\'s board (its submissions notify every change), not what needs a token or is built lazily', () => {
    assert.equal(derivesFromResultsOnly(op('{ benchmark(slug: "b") { slug version leaderboard { rank } pendingBaselines { id progress { done } } } }')), true);
    assert.equal(derivesFromResultsOnly(op('{ benchmark(slug: "b") { slug mySubmissions { id } } }')), false);
    assert.equal(derivesFromResultsOnly(op('{ benchmark(slug: "b") { downloads { sha256 } } }')), false);
    assert.equal(derivesFromResultsOnly(op('{ benchmark(slug: "b") { ...F } } fragment F on Benchmark { leaderboard { rank } }')), false);
  });
});
