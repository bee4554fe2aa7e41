import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

export enum SubmissionStatus { RECEIVED = 'RECEIVED', SCORING = 'SCORING', SCORED = 'SCORED', FAILED = 'FAILED' }
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });

export enum SubmissionKind { SCORE_FILE = 'score-file', VERIFIED_RUN = 'verified-run', BASELINE = 'baseline' }
registerEnumType(SubmissionKind, {
  name: 'SubmissionKind',
  valuesConfig: {
    SCORE_FILE: { description: 'Score file: suspicion scores a team computed itself, retrained on the server' },
    VERIFIED_RUN: { description: 'Verified run: a defense of the trial contract run by the server\'s workers on the sequestered replicates' },
    BASELINE: { description: 'A reference removal computed by the server (no defense, random scores, oracle)' },
  },
});

/** How a kind is named to people (board, exports, web). */
export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
  [SubmissionKind.SCORE_FILE]: 'score file',
  [SubmissionKind.VERIFIED_RUN]: 'verified run',
  [SubmissionKind.BASELINE]: 'baseline',
};

@ObjectType({ description: 'The defense a verified run ran: a kind of the trial contract with every parameter resolved', simpleResolvers: true })
export class VerifiedDefense {
  @Field({ description: 'Defense kind, as the contract and the CLI name it' }) kind: string;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
}

@ObjectType({ description: 'Scores of one side (poisons or benign examples) in equal-width bins over the submission\'s score range', simpleResolvers: true })
export class ScoreHistogram {
  @Field(() => [Float]) edges: number[];
  @Field(() => [Int]) poisons: number[];
  @Field(() => [Int]) benign: number[];
}

@ObjectType({ description: 'Detection and retraining results of one sequestered replicate', simpleResolvers: true })
export class ReplicateScore {
  @Field() replicate: string;
  @Field(() => Float, { nullable: true }) auc: number | null;
  @Field(() => Float, { nullable: true }) tprAt1: number | null;
  @Field(() => Float, { nullable: true }) tprAt5: number | null;
  @Field(() => Int) removedPoisons: number;
  @Field(() => Int) removedClean: number;
  @Field(() => Int) poisons: number;
  @Field(() => Int) clean: number;
  @Field(() => ScoreHistogram) histogram: ScoreHistogram;
  @Field(() => Boolean, { nullable: true, description: 'Attack success after retraining on the filtered set (null until retrained)' }) success?: boolean | null;
  @Field(() => Float, { nullable: true }) cleanAccuracy?: number | null;
}

/** A defense scored against a benchmark's sequestered replicates. */
@ObjectType()
@Entity('defense_submission')
export class DefenseSubmission {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'benchmark_id' }) benchmarkId: string;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Field(() => SubmissionKind) @Column('text') kind: SubmissionKind;
  @Field(() => String, { nullable: true, description: 'Server baselines: no-defense, random, oracle, or the built-in defense a verified-run baseline ran' })
  @Column('text', { nullable: true }) baseline: string | null;
  @Field(() => VerifiedDefense, { nullable: true, description: 'Verified runs: the defense the workers ran' })
  @Column('jsonb', { nullable: true }) defense: VerifiedDefense | null;
  @Field() @Column('text') label: string;
  @Field(() => SubmissionStatus) @Column('text') status: SubmissionStatus;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;
  @Field(() => String, { nullable: true, description: 'platform (not counted against the quota) or user' }) @Column('text', { name: 'failure_kind', nullable: true }) failureKind: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'file_name', nullable: true }) fileName: string | null;
  @Field(() => String, { nullable: true }) @Column('char', { name: 'file_sha256', length: 64, nullable: true }) fileSha256: string | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'file_bytes', nullable: true }) fileBytes: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of each unlabeled set removed (highest scores first); null when the file lists removed indices' })
  @Column('double precision', { name: 'removal_fraction', nullable: true }) removalFraction: number | null;
  @Column('jsonb') detection: ReplicateScore[];
  @Field(() => Float, { nullable: true, description: 'Mean ROC AUC over the replicates' }) @Column('double precision', { nullable: true }) auc: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean TPR at 1% FPR' }) @Column('double precision', { name: 'tpr_at_1', nullable: true }) tprAt1: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean TPR at 5% FPR' }) @Column('double precision', { name: 'tpr_at_5', nullable: true }) tprAt5: number | null;
  @Field(() => Int) @Column('int', { name: 'removed_poisons' }) removedPoisons: number;
  @Field(() => Int) @Column('int', { name: 'removed_clean' }) removedClean: number;
  @Column('uuid', { name: 'experiment_id', nullable: true }) experimentId: string | null;
  @Field(() => Int) @Column('int') replicates: number;
  @Field(() => Int, { nullable: true, description: 'Replicates where the attack still succeeded after the defense' }) @Column('int', { nullable: true }) successes: number | null;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) trials: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean clean test accuracy after retraining' }) @Column('double precision', { name: 'clean_accuracy', nullable: true }) cleanAccuracy: number | null;
  /** Trials finished so far (kept while scoring, so progress is read without counting trials). */
  @Column('int', { name: 'progress_done' }) progressDone: number;
  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% Wilson interval of success after the defense (once scored)' })
  @Column('double precision', { name: 'success_low', nullable: true }) successLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% Wilson interval of success after the defense: the board\'s ranking key' })
  @Column('double precision', { name: 'success_high', nullable: true }) successHigh: number | null;
  @Field(() => Float, { nullable: true, description: 'Clean accuracy of the no-defense baseline minus this one (once both are scored)' })
  @Column('double precision', { name: 'clean_accuracy_drop', nullable: true }) cleanAccuracyDrop: number | null;
  /** Scored, and published or a baseline. */
  @Column('boolean', { name: 'on_board' }) onBoard: boolean;
  /** Its team's newest entry on the board (always true for a baseline on the board). */
  @Column('boolean') latest: boolean;
  @Field() @Column('boolean') published: boolean;
  @Field(() => GraphQLDateTime, { nullable: true }) @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) @Column('timestamptz', { name: 'scored_at', nullable: true }) scoredAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class SubmissionProgress {
  @Field(() => Int, { description: 'Retraining trials finished' }) done: number;
  @Field(() => Int) total: number;
}

// simpleResolvers: plain properties without arguments, so no per-field middleware wrapper (a board has hundreds of rows)
@ObjectType({ description: 'One row of a benchmark\'s defense leaderboard (lower success after defense is better)', simpleResolvers: true })
export class DefenseLeaderboardRow {
  @Field(() => Int) rank: number;
  @Field(() => ID) submissionId: string;
  @Field() label: string;
  @Field(() => SubmissionKind) kind: SubmissionKind;
  @Field({ description: 'score file, verified run or baseline' }) kindLabel: string;
  @Field(() => String, { nullable: true }) baseline: string | null;
  @Field(() => String, { nullable: true, description: 'Verified runs: the defense kind the workers ran' }) defenseKind: string | null;
  @Field(() => String, { nullable: true }) team: string | null;
  @Field(() => Int) successes: number;
  @Field(() => Int) trials: number;
  @Field(() => Float) successRate: number;
  @Field(() => Float) successLow: number;
  @Field(() => Float, { description: 'Upper end of the 95% Wilson interval of success after defense: the ranking key' }) successHigh: number;
  @Field(() => Float, { nullable: true }) auc: number | null;
  @Field(() => Float, { nullable: true }) tprAt1: number | null;
  @Field(() => Float, { nullable: true }) tprAt5: number | null;
  @Field(() => Float, { nullable: true }) cleanAccuracy: number | null;
  @Field(() => Float, { nullable: true, description: 'Clean accuracy of the no-defense baseline minus this one' }) cleanAccuracyDrop: number | null;
  @Field(() => Int) removedPoisons: number;
  @Field(() => Int) removedClean: number;
  @Field(() => GraphQLDateTime) submittedAt: Date;
}
