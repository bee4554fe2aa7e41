import { DataSource } from 'typeorm';
import { DefinitionService } from '../../common/definitions';
import { DefenseDefinition } from './defense.entity';
import { DEFENSE_PARAM_SCHEMAS } from './defense-params';

/** Defense definitions: params validated per kind (defense-params.ts), versioned, frozen once used. */
export class DefenseService extends DefinitionService<DefenseDefinition> {
  constructor(ds: DataSource) {
    super(ds, DefenseDefinition, 'defense_definition', 'Defense', DEFENSE_PARAM_SCHEMAS);
  }
}
