import { DataSource } from 'typeorm';
import { DefinitionService } from '../../common/definitions';
import { AttackDefinition } from './attack.entity';
import { ATTACK_PARAM_SCHEMAS } from './attack-params';

/** Attack definitions: params validated per kind (attack-params.ts), versioned, frozen once used. */
export class AttackService extends DefinitionService<AttackDefinition> {
  constructor(ds: DataSource) {
    super(ds, AttackDefinition, 'attack_definition', 'Attack', ATTACK_PARAM_SCHEMAS);
  }
}
