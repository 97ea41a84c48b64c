/**
 * Lua scripts that make each staging step atomic in Redis. Atomicity is what
 * lets "accepted" mean "will be in the file": an event is stored only while
 * the scan is open, and closing flips the status in the same serial order.
 * Every script that changes a status moves the scan between the catalog's
 * status sets in the same step (CATALOG_LUA), so a filtered catalog page
 * never lists a scan under a status it left.
 */
import { CATALOG_LUA } from './catalog-scripts.js';

/**
 * Shared by the scripts that end a scan's staging: gives its staged bytes
 * back to the global budget (KEYS name given) and to its beamline's, whose
 * counter is named from the scan's own metadata.
 */
const FREE_STAGED = `
local function beamline_counter(scan, prefix)
  return prefix .. cjson.decode(redis.call('HGET', scan, 'meta')).beamline
end
local function free_staged(scan, global, prefix)
  local staged = tonumber(redis.call('HGET', scan, 'stagedBytes') or '0')
  if staged > 0 then
    redis.call('DECRBY', global, staged)
    -- Bytes staged before beamline budgets existed were never charged: never below zero.
    local beamline = beamline_counter(scan, prefix)
    if redis.call('DECRBY', beamline, staged) < 0 then redis.call('SET', beamline, 0) end
  end
  redis.call('HSET', scan, 'stagedBytes', 0)
  return staged
end
`;

/**
 * KEYS: scan, open scans, catalog keys. ARGV: metadata JSON, createdAt ms,
 * scanId, beamline (also kept apart from the metadata, for the staging
 * script to read without decoding it). Returns 1 if created, 0 if it existed.
 */
export const CREATE_SCAN = `${CATALOG_LUA}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'meta', ARGV[1], 'status', 'open', 'entries', 0, 'devices', 0,
  'beamline', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
catalog_index(ARGV[3], ARGV[2], 'open')
return 1
`;

/**
 * KEYS: scan, events of this kind, events of the other kind, global
 * staged-bytes counter. ARGV: eventId, text, kind (also the scan's counter
 * field), global limit, beamline counter prefix, beamline limit. Both budgets
 * are checked and charged together. Returns one of: stored, duplicate,
 * conflict, closed, unknown, full, beamline-full; or, when the id holds
 * another text of this kind, {'compare', that text}: whether the two say the
 * same is for the caller's parser to decide. An id is taken once per scan,
 * by either kind. The scan's beamline is read from its record (scans made by
 * earlier releases have it in their metadata only).
 */
export const STAGE_EVENT = `
local scan = redis.call('HMGET', KEYS[1], 'status', 'beamline')
if not scan[1] then return 'unknown' end
local staged = redis.call('HGET', KEYS[2], ARGV[1])
if staged then
  if staged == ARGV[2] then return 'duplicate' end
  return {'compare', staged}
end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'conflict' end
if scan[1] ~= 'open' then return 'closed' end
local size = string.len(ARGV[2])
local beamline = ARGV[5] .. (scan[2] or cjson.decode(redis.call('HGET', KEYS[1], 'meta')).beamline)
local used = redis.call('MGET', beamline, KEYS[4])
if tonumber(used[1] or '0') + size > tonumber(ARGV[6]) then return 'beamline-full' end
if tonumber(used[2] or '0') + size > tonumber(ARGV[4]) then return 'full' end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], ARGV[3], 1)
redis.call('HINCRBY', KEYS[1], 'stagedBytes', size)
redis.call('INCRBY', KEYS[4], size)
redis.call('INCRBY', beamline, size)
return 'stored'
`;

/**
 * KEYS: scan, entries, devices, legacy digests, global staged-bytes counter,
 * catalog keys. ARGV: metadata, scanId, beamline counter prefix, then
 * field/value pairs to set on the scan. Marks the scan written and frees its
 * staged events (the file holds them now; a late repeat is then
 * refused as the scan is not open). Returns 'written', 'unknown' or 'stale'.
 */
export const MARK_WRITTEN = `${FREE_STAGED}${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'unknown' end
free_staged(KEYS[1], KEYS[5], ARGV[3])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('HDEL', KEYS[1], 'error')
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
catalog_move(ARGV[2], status, 'written')
return 'written'
`;

/**
 * KEYS: scan, catalog keys. ARGV: metadata, scanId, error, '1' when no retry
 * follows (the scan becomes failed). Returns 'recorded', 'unknown' or 'stale'.
 */
export const MARK_ATTEMPT_FAILED = `${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'unknown' end
redis.call('HSET', KEYS[1], 'error', ARGV[3])
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'status', 'failed')
  catalog_move(ARGV[2], status, 'failed')
end
return 'recorded'
`;

/**
 * KEYS: scan, open scans, catalog keys. ARGV: metadata, scanId, closedAt
 * ISO, the ExperimentDone JSON and the run end JSON the close came with (or
 * ''), kept by the close that ends the scan. Returns the status after the call, 'unknown' or
 * 'stale'.
 */
export const BEGIN_CLOSE = `${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'open' then
  redis.call('HSET', KEYS[1], 'status', 'closing', 'closedAt', ARGV[3])
  if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'experimentDone', ARGV[4]) end
  if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'runEnd', ARGV[5]) end
  redis.call('ZREM', KEYS[2], ARGV[2])
  catalog_move(ARGV[2], 'open', 'closing')
  return 'closing'
end
return status
`;

/**
 * KEYS: scan, catalog keys. ARGV: metadata, scanId. Moves a failed scan back
 * to closing; returns 'retried', the status, 'unknown' or 'stale'.
 */
export const BEGIN_RETRY = `${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'unknown' end
if status ~= 'failed' then return status end
redis.call('HSET', KEYS[1], 'status', 'closing')
catalog_move(ARGV[2], 'failed', 'closing')
return 'retried'
`;

/**
 * KEYS: scan, entries, devices, legacy digests, global staged-bytes counter, open
 * scans, catalog keys. ARGV: metadata, scanId, beamline counter prefix.
 * Removes every trace of the scan but while it is being written. Returns
 * 'deleted', 'closing', 'unknown' or 'stale'.
 */
export const DELETE_SCAN = `${FREE_STAGED}${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'unknown' end
if status == 'closing' then return 'closing' end
free_staged(KEYS[1], KEYS[5], ARGV[3])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
redis.call('ZREM', KEYS[6], ARGV[2])
catalog_remove(ARGV[2])
return 'deleted'
`;

/**
 * KEYS: scan, entries, devices, legacy digests, global staged-bytes counter, open
 * scans, catalog keys. ARGV: metadata, scanId, mode (close | expire), now
 * ISO, cutoff ms, note, beamline counter prefix. One sweep of several workers wins each scan.
 * `close`: the scan becomes closing with the note as a warning, and stays in
 * the open set until its write job is queued (so a crash in between is
 * healed by the next sweep). `expire`: the scan is expired with the note as
 * its reason and its staged events freed.
 * Returns 'closing', 'expired', 'young' (not past the cutoff), 'gone' or 'stale'.
 */
export const EXPIRE_OPEN_SCAN = `${FREE_STAGED}${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'closing' and ARGV[3] == 'close' then return 'closing' end
if status ~= 'open' then
  redis.call('ZREM', KEYS[6], ARGV[2])
  return 'gone'
end
local opened = redis.call('ZSCORE', KEYS[6], ARGV[2])
if not opened or tonumber(opened) > tonumber(ARGV[5]) then return 'young' end
if ARGV[3] == 'close' then
  redis.call('HSET', KEYS[1], 'status', 'closing', 'closedAt', ARGV[4], 'warnings', cjson.encode({ARGV[6]}))
  catalog_move(ARGV[2], 'open', 'closing')
  return 'closing'
end
free_staged(KEYS[1], KEYS[5], ARGV[7])
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
redis.call('HSET', KEYS[1], 'status', 'expired', 'expiredAt', ARGV[4], 'reason', ARGV[6])
redis.call('ZREM', KEYS[6], ARGV[2])
catalog_move(ARGV[2], 'open', 'expired')
return 'expired'
`;
