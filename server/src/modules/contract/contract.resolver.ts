import { Query, Resolver } from 'type-graphql';
import { describeContract } from '@frogpond/compute/contract';
import { TrialContract } from './contract.types';

const enumName = (kind: string) => kind.toUpperCase().replace(/-/g, '_');

@Resolver()
export class ContractResolver {
  @Query(() => TrialContract, { description: 'Every attack and defense kind with its parameters (type, bounds, default, description), presets and overrides' })
  trialContract(): TrialContract {
    const c = describeContract();
    return {
      ...c,
      attacks: c.attacks.map((k) => ({ ...k, enumName: enumName(k.kind) })),
      defenses: c.defenses.map((k) => ({ ...k, enumName: enumName(k.kind) })),
    };
  }
}
