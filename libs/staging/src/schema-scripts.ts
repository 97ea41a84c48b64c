/**
 * KEYS: a beamline's schema versions, its schema rows. ARGV: the version's
 * metadata JSON (without its number), the rows JSON. Numbers the version
 * (1, 2, …) and makes it current in one step, so two uploads at once get two
 * numbers and the later one is current. Returns the metadata with its number.
 */
export const PUT_SCHEMA = `
local version = redis.call('HINCRBY', KEYS[1], 'current', 1)
local meta = cjson.decode(ARGV[1])
meta.version = version
local text = cjson.encode(meta)
redis.call('HSET', KEYS[1], 'v:' .. version, text)
redis.call('HSET', KEYS[2], version, ARGV[2])
return text
`;
