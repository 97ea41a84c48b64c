/**
 * Lua scripts that make each staging step atomic in Redis. Atomicity is what
 * lets "accepted" mean "will be in the file": an event is stored only while
 * the scan is open, and closing flips the status in the same serial order.
 */

/** KEYS: scan. ARGV: metadata JSON, createdAt ms, status. Returns 1 if created, 0 if it existed. */
export const CREATE_SCAN = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'meta', ARGV[1], 'status', ARGV[3], 'entries', 0, 'devices', 0)
return 1
`;

/**
 * KEYS: scan, events, digests, staged-bytes counter. ARGV: eventId, raw,
 * digest, counter field, staging limit in bytes.
 * Returns one of: stored, duplicate, conflict, closed, unknown, full.
 */
export const STAGE_EVENT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
local seen = redis.call('HGET', KEYS[3], ARGV[1])
if seen then
  if seen == ARGV[3] then return 'duplicate' end
  return 'conflict'
end
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'closed' end
local size = string.len(ARGV[2])
if tonumber(redis.call('GET', KEYS[4]) or '0') + size > tonumber(ARGV[5]) then return 'full' end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('HINCRBY', KEYS[1], ARGV[4], 1)
redis.call('HINCRBY', KEYS[1], 'stagedBytes', size)
redis.call('INCRBY', KEYS[4], size)
return 'stored'
`;

/**
 * KEYS: scan, entries, devices, staged-bytes counter. ARGV: field/value pairs
 * to set on the scan. Marks the scan written and frees its staged events (the
 * file holds them now); the digests stay, so a late repeat is still known.
 */
export const MARK_WRITTEN = `
local staged = tonumber(redis.call('HGET', KEYS[1], 'stagedBytes') or '0')
redis.call('HSET', KEYS[1], unpack(ARGV))
redis.call('HDEL', KEYS[1], 'error')
redis.call('HSET', KEYS[1], 'stagedBytes', 0)
redis.call('DECRBY', KEYS[4], staged)
redis.call('DEL', KEYS[2], KEYS[3])
return staged
`;

/** KEYS: scan. ARGV: closedAt ISO. Returns the status after the call, or 'unknown'. */
export const BEGIN_CLOSE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'open' then
  redis.call('HSET', KEYS[1], 'status', 'closing', 'closedAt', ARGV[1])
  return 'closing'
end
return status
`;
