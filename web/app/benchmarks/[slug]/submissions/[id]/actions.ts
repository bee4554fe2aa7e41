'use server';

import { revalidatePath } from 'next/cache';
import { gql } from '@/lib/graphql';
import { PublishDefenseSubmissionMutation } from '@/lib/queries';

/** Publishes a scored submission of the signed-in organization. */
export async function publishAction(form: FormData): Promise<void> {
  const id = String(form.get('id') ?? '');
  const slug = String(form.get('benchmark') ?? '');
  await gql(PublishDefenseSubmissionMutation, { id });
  revalidatePath(`/benchmarks/${slug}/submissions/${id}`);
}
