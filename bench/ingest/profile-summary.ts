/** Self time of a V8 CPU profile, grouped by the part of the stack it was spent in. */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The first rule whose test matches a frame's URL (or function name) names its part. */
const PARTS: [name: string, test: RegExp][] = [
  ['idle', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['JSON.parse and the strict checks', /libs\/staging\/src\/json\//],
  [
    'socket writes (Redis commands, HTTP answers)',
    /^(writeUtf8String|writeLatin1String|writeBuffer|writev)$/,
  ],
  [
    'body validation (model-classes, model rules, class-validator)',
    /libs\/model(-classes)?\/|node_modules\/class-validator\//,
  ],
  ['staging store (Lua call, keys)', /libs\/staging\/src\//],
  ['scan lifecycle (libs/ingest)', /libs\/ingest\//],
  ['gateway code', /apps\/gateway\//],
  ['Nest (router, pipes, guards, rxjs)', /node_modules\/(@nestjs|rxjs)\//],
  [
    'Fastify (routing, hooks, reply)',
    /node_modules\/(fastify|@fastify|find-my-way|avvio|fast-json-stringify|light-my-request|secure-json-parse)/,
  ],
  ['ioredis (commands, parser)', /node_modules\/(ioredis|redis-parser|@ioredis)\//],
  ['other packages', /node_modules\//],
  ['Node (http, net, streams, crypto)', /^node:|^internal\//],
  ['V8 and native', /^$/],
];

export function summarizeProfile(profile: CpuProfile): string {
  const partOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { url, functionName } = node.callFrame;
    const key = url === '' ? functionName : url;
    const part = PARTS.find(([, test]) => test.test(key) || test.test(url));
    partOf.set(node.id, part?.[0] ?? 'V8 and native');
  }
  const micros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const part = partOf.get(id) ?? 'V8 and native';
    micros.set(part, (micros.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...micros].filter(([part]) => part !== 'idle');
  const total = busy.reduce((sum, [, us]) => sum + us, 0);
  const rows = busy
    .sort((a, b) => b[1] - a[1])
    .map(([part, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${part}`);
  return `gateway CPU (self time, idle left out): ${(total / 1e6).toFixed(1)} s\n${rows.join('\n')}`;
}
