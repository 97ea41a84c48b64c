/**
 * Lua for the catalog sets: the helpers the status-changing scripts share,
 * and the scripts that read a page and index one scan of older data.
 */
import { SCAN_STATUSES } from '#libs/model/src/scan/index.js';
import { CATALOG_KEY_COUNT, CATALOG_SUBSETS } from './catalog-keys.js';

const STATUS_SLOTS = SCAN_STATUSES.map((status, i) => `${status} = ${i + 1}`).join(', ');

/**
 * Shared by every script that changes a status. The scan's catalog keys are
 * the last of KEYS (see catalog-keys.ts); ARGV[1] is the scan's metadata as
 * the caller read it to name them. `catalog_stale`: the record was replaced
 * since (deleted, opened again with other metadata), so the keys may be
 * another scan's and the caller must read again.
 */
export const CATALOG_LUA = `
local CATALOG_SUBSETS = ${CATALOG_SUBSETS}
local CATALOG_KEYS = ${CATALOG_KEY_COUNT}
local CATALOG_STATUS_SLOT = { ${STATUS_SLOTS} }
local function catalog_key(slot, subset)
  return KEYS[#KEYS - CATALOG_KEYS + slot * CATALOG_SUBSETS + subset]
end
local function catalog_stale(scan)
  return (redis.call('HGET', scan, 'meta') or '') ~= ARGV[1]
end
-- In the status-free sets and those of its status, in no other status's.
local function catalog_index(id, score, status)
  for subset = 1, CATALOG_SUBSETS do
    redis.call('ZADD', catalog_key(0, subset), score, id)
    for name, slot in pairs(CATALOG_STATUS_SLOT) do
      if name == status then
        redis.call('ZADD', catalog_key(slot, subset), score, id)
      else
        redis.call('ZREM', catalog_key(slot, subset), id)
      end
    end
  end
end
local function catalog_move(id, from, to)
  if from == to then return end
  local score = redis.call('ZSCORE', catalog_key(0, 1), id)
  local old, new = CATALOG_STATUS_SLOT[from], CATALOG_STATUS_SLOT[to]
  for subset = 1, CATALOG_SUBSETS do
    if old then redis.call('ZREM', catalog_key(old, subset), id) end
    if score and new then redis.call('ZADD', catalog_key(new, subset), score, id) end
  end
end
local function catalog_remove(id)
  for i = #KEYS - CATALOG_KEYS + 1, #KEYS do redis.call('ZREM', KEYS[i], id) end
end
`;

/**
 * KEYS: scan, its catalog keys. ARGV: metadata, scanId. Puts a scan staged
 * before the catalog had these sets into them, by its current status; in one
 * step, so a status change meanwhile cannot leave it in a stale set.
 * Returns 'indexed', 'unknown' or 'stale'.
 */
export const INDEX_SCAN = `${CATALOG_LUA}
if catalog_stale(KEYS[1]) then return 'stale' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'unknown' end
local score = redis.call('ZSCORE', catalog_key(0, 1), ARGV[2])
if not score then return 'unknown' end
catalog_index(ARGV[2], score, status)
return 'indexed'
`;

/**
 * KEYS: one catalog set. ARGV: limit, cursor score ('' for the first page),
 * cursor scanId, lowest score ('-inf'), score bound ('+inf', exclusive).
 * Newest first; equal scores by scanId descending, as ZREVRANGE orders them.
 * Returns up to limit + 1 scanId, score pairs strictly after the cursor, so
 * the caller knows whether a page follows. The cursor's place is found by
 * counting and a binary search among its equal scores, so it need not be in
 * the set any more (deleted, or moved to another status).
 */
export const CATALOG_PAGE = `
-- Redis orders equal scores by bytes; Lua's < follows the locale.
local function bytes_less(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
local key, limit = KEYS[1], tonumber(ARGV[1])
local start = 0
if ARGV[5] ~= '+inf' then start = redis.call('ZCOUNT', key, ARGV[5], '+inf') end
if ARGV[2] ~= '' then
  local lo = redis.call('ZCOUNT', key, '(' .. ARGV[2], '+inf')
  local hi = lo + redis.call('ZCOUNT', key, ARGV[2], ARGV[2])
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    local member = redis.call('ZREVRANGE', key, mid, mid)[1]
    if member == ARGV[3] or bytes_less(ARGV[3], member) then lo = mid + 1 else hi = mid end
  end
  if lo > start then start = lo end
end
local found = redis.call('ZREVRANGE', key, start, start + limit, 'WITHSCORES')
if ARGV[4] == '-inf' then return found end
local page = {}
for i = 1, #found, 2 do
  if tonumber(found[i + 1]) < tonumber(ARGV[4]) then break end
  page[#page + 1] = found[i]
  page[#page + 1] = found[i + 1]
end
return page
`;
