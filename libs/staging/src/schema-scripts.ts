/**
 * KEYS: a beamline's schema versions, its schema rows. ARGV: the version's
 * metadata JSON up to its number and after it (so the stored text keeps the
 * caller's key order), the rows JSON. Numbers the version (1, 2, …) and makes
 * it current in one step, so two uploads at once get two numbers and the
 * later one is current. Returns the number.
 */
export const PUT_SCHEMA = `
local version = redis.call('HINCRBY', KEYS[1], 'current', 1)
redis.call('HSET', KEYS[1], 'v:' .. version, ARGV[1] .. version .. ARGV[2])
redis.call('HSET', KEYS[2], version, ARGV[3])
return version
`;
