import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema } from 'graphql';
import { checkArgs, containsNul, jsonTooDeep } from './edge-validation';
import { decodeCursor, encodeCursor } from './connection';

const schema = buildSchema(`
  scalar JSON
  input Inner { id: ID!, ids: [ID!], name: String, data: JSON }
  type Query { f(id: ID, input: Inner, names: [String!]): Int }
`);
const args = schema.getQueryType()!.getFields().f.args;
const uuid = '0b6f3f8e-2f43-4c8e-9d1b-1f2a3b4c5d6e';
const code = (fn: () => void) => { try { fn(); return 'OK'; } catch (e) { return (e as { code?: string }).code; } };

describe('edge validation', () => {
  it('accepts UUID ids and plain strings anywhere in the arguments', () => {
    assert.equal(code(() => checkArgs({ id: uuid, input: { id: uuid, ids: [uuid], name: 'a', data: { k: [1, 'x'] } }, names: ['x'] }, args)), 'OK');
  });
  it('refuses non-UUID ids, NUL characters and deep JSON with BAD_USER_INPUT', () => {
    for (const bad of [{ id: 'nope' }, { id: `${uuid}\u0000` }, { input: { id: '1' } }, { input: { id: uuid, ids: [uuid, 'x'] } },
      { names: ['a\u0000'] }, { input: { id: uuid, name: '\u0000' } }, { input: { id: uuid, data: { ['k\u0000']: 1 } } },
      { input: { id: uuid, data: JSON.parse('['.repeat(40) + ']'.repeat(40)) } }]) {
      assert.equal(code(() => checkArgs(bad, args)), 'BAD_USER_INPUT', JSON.stringify(bad));
    }
  });
  it('measures depth and finds NULs without recursion', () => {
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    assert.equal(jsonTooDeep(deep), true);
    assert.equal(jsonTooDeep({ a: [{ b: 1 }] }), false);
    assert.equal(containsNul({ a: ['x', { b: 'y\u0000' }] }), true);
    assert.equal(containsNul({ a: ['x'] }), false);
  });
  it('decodes only canonical cursors of the expected shape', () => {
    assert.deepEqual(decodeCursor(encodeCursor(['a', 3]), ['string', 'int']), ['a', 3]);
    assert.deepEqual(decodeCursor(encodeCursor([uuid]), ['uuid']), [uuid]);
    for (const bad of ['', '!!', encodeCursor(['a']), encodeCursor([3]), encodeCursor(['not-a-uuid']), `${encodeCursor([uuid])}=`, 'A'.repeat(600)]) {
      assert.equal(code(() => decodeCursor(bad, ['uuid'])), 'BAD_USER_INPUT', bad);
    }
  });
});
