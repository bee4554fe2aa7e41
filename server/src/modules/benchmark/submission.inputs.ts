import { Field, Float, InputType, Int } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType({ description: 'A score file: one suspicion score per unlabeled example of every sequestered replicate' })
export class SubmitDefenseScoresInput {
  @Field({ description: 'Benchmark slug' }) benchmark: string;
  @Field(() => Int, { nullable: true, description: 'Benchmark version (default: latest)' }) version?: number | null;
  @Field({ description: 'Name of the defense as it appears on the board' }) label: string;
  @Field({ description: 'File name; its extension (.csv, .json, .npy) selects the format' }) fileName: string;
  @Field({ description: 'The file, base64-encoded' }) contentBase64: string;
  @Field(() => Float, { nullable: true, description: 'Share of each unlabeled set to remove, highest scores first; omit when the file lists removed indices' })
  removalFraction?: number | null;
}

@InputType({ description: 'A verified run: a defense of the trial contract, run by the server\'s workers on every sequestered replicate' })
export class SubmitVerifiedRunInput {
  @Field({ description: 'Benchmark slug' }) benchmark: string;
  @Field(() => Int, { nullable: true, description: 'Benchmark version (default: latest)' }) version?: number | null;
  @Field(() => String, { nullable: true, description: 'Name of the defense as it appears on the board (default: the defense kind)' }) label?: string | null;
  @Field({ description: 'Defense kind as the trial contract names it (trialContract.defenses; Benchmark.verifiedRunDefenses lists those accepted here)' })
  defense: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The kind\'s parameters; absent keys take the contract\'s defaults, unknown keys are refused' })
  params?: Record<string, unknown> | null;
}
