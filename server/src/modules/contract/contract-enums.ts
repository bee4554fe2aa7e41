import { registerEnumType } from 'type-graphql';
import { ATTACK_KINDS, AttackKind as AttackKindName, DEFENSE_KINDS, DefenseKind as DefenseKindName } from '@frogpond/compute/contract';

type Screaming<S extends string> = S extends `${infer A}-${infer B}` ? `${Uppercase<A>}_${Screaming<B>}` : Uppercase<S>;
type KindEnum<K extends string> = { readonly [P in K as Screaming<P>]: P };

/** A GraphQL enum of the contract's kinds: SCREAMING_CASE names, the contract's kebab-case values (also the DB values). */
function kindEnum<K extends string>(kinds: readonly K[]): KindEnum<K> {
  return Object.freeze(Object.fromEntries(kinds.map((k) => [k.toUpperCase().replace(/-/g, '_'), k]))) as KindEnum<K>;
}

/** Attack kinds, from the compute contract. */
export const AttackKind = kindEnum(ATTACK_KINDS);
export type AttackKind = AttackKindName;
registerEnumType(AttackKind, { name: 'AttackKind', description: 'Attack kinds of the compute contract' });

/** Defense kinds, from the compute contract. */
export const DefenseKind = kindEnum(DEFENSE_KINDS);
export type DefenseKind = DefenseKindName;
registerEnumType(DefenseKind, { name: 'DefenseKind', description: 'Defense kinds of the compute contract' });
