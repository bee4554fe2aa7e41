import { DataSource } from 'typeorm';
import { resolveAttackParams } from '@frogpond/compute/contract';
import { DefinitionService } from '../../common/definitions';
import { withContract } from '../contract/contract-errors';
import { AttackDefinition } from './attack.entity';

/**
 * Attack definitions: params validated by the compute contract and stored with every default filled in, versioned,
 * frozen once used.
 */
export class AttackService extends DefinitionService<AttackDefinition> {
  constructor(ds: DataSource) {
    super(ds, AttackDefinition, 'attack_definition', 'Attack',
      (kind, params) => withContract('input', () => resolveAttackParams(kind, params)).params as Record<string, unknown>);
  }
}
