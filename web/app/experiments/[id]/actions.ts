'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { CancelExperimentMutation, ReproduceTrialMutation, RetryFailedTrialsMutation } from '@/lib/queries';
import { getViewer } from '@/lib/session';

export interface ActionState { error?: string; done?: string }

const message = (e: unknown) => (e instanceof ApiError ? e.message : 'The API could not be reached; try again.');
const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Cancels the QUEUED and RUNNING trials of an experiment (the API checks the caller's role). */
export async function cancelExperimentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, 'experimentId');
  try {
    await gql(CancelExperimentMutation, { id });
  } catch (e) {
    return { error: message(e) };
  }
  revalidatePath(`/experiments/${id}`);
  return { done: 'Experiment cancelled.' };
}

/** Re-queues the FAILED trials of an experiment. */
export async function retryFailedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const experimentId = field(form, 'experimentId');
  try {
    await gql(RetryFailedTrialsMutation, { experimentId });
  } catch (e) {
    return { error: message(e) };
  }
  revalidatePath(`/experiments/${experimentId}`);
  return { done: 'Failed trials queued again.' };
}

/** A new experiment of the viewer's organization re-running one trial (same cell, seed and config). */
export async function reproduceTrialAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await getViewer();
  if (!viewer) return { error: 'Sign in to reproduce a trial.' };
  let id: string;
  try {
    const data = await gql(ReproduceTrialMutation, { trialId: field(form, 'trialId'), organizationId: viewer.organizationId });
    id = data.reproduceTrial.experiment.id;
  } catch (e) {
    return { error: message(e) };
  }
  redirect(`/experiments/${id}`);
}
