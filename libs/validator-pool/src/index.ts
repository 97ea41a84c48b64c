/** Validation of untrusted HDF5 files in a pool of separate, limited processes. */
export {
  ValidatorPool,
  type FailureReason,
  type PoolOutcome,
  type ValidatorPoolOptions,
} from './validator-pool.js';
export type { ValidateFileRequest } from './protocol.js';
