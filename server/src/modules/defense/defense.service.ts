import { DataSource } from 'typeorm';
import { resolveDefenseParams } from '@frogpond/compute/contract';
import { DefinitionService } from '../../common/definitions';
import { withContract } from '../contract/contract-errors';
import { DefenseDefinition } from './defense.entity';

/** Defense definitions: params validated by the compute contract, versioned, frozen once used. */
export class DefenseService extends DefinitionService<DefenseDefinition> {
  constructor(ds: DataSource) {
    super(ds, DefenseDefinition, 'defense_definition', 'Defense',
      (kind, params) => withContract('input', () => resolveDefenseParams(kind, params)).params as Record<string, unknown>);
  }
}
