import { DataSource } from 'typeorm';
import { Actor } from '../common/auth';
import { Config } from '../config/config';
import { Loaders } from './loaders';
import type { Services } from '../services';

/** Per-request GraphQL context. */
export interface Context {
  ds: DataSource;
  config: Config;
  services: Services;
  actor: Actor | null;
  loaders: Loaders;
  /** The client's address as the socket sees it (never a forwarded header): keys the per-address rate limit. */
  clientIp: string;
}
