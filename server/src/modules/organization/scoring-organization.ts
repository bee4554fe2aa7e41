/**
 * Fixed id of the platform's scoring organization (created by the benchmarks migration): it owns the private
 * experiments that retrain sequestered benchmark replicates, has no members, and is never listed.
 */
export const SCORING_ORG_ID = 'f7a9b3c1-5e2d-4c8b-9a61-000000000001';
