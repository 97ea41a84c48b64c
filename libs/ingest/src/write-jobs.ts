/** Where a closed scan's write goes: libs/queue-contracts' WriteJobQueue in every process. */
export interface WriteJobs {
  /** Queues the scan's write; repeating it while the job exists is a no-op. */
  addWriteScan(scanId: string): Promise<void>;
  /** Forgets a failed write job, so that a deleted scan's id starts afresh. */
  removeFailedWriteScan(scanId: string): Promise<void>;
}
