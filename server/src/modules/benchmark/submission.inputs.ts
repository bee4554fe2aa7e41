import { Field, Float, InputType, Int } from 'type-graphql';

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
