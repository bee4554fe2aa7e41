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
});
