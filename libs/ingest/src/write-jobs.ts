/** Where a closed scan's write goes: libs/queue-contracts' WriteJobQueue in every process. */
export interface WriteJobs {
  /**
   * Queues the scan's write; repeating it while the job exists is a no-op.
   * `requestId`: the request that asked for it, carried into the worker's log.
   */
  addWriteScan(scanId: string, requestId?: string): Promise<void>;
  /** Forgets a failed write job, so that a deleted scan's id starts afresh. */
  removeFailedWriteScan(scanId: string): Promise<void>;
}
