/**
 * What can be checked of the monitoring deployment without Docker: the
 * Prometheus config passes Debian's `promtool check config` and scrapes the
 * ports docker-compose.yml gives the gateway and the workers; Grafana's
 * provisioning points at that Prometheus and at the dashboard kept in the
 * repo. (The dashboard's queries are checked against real scrapes in
 * test/e2e/metrics.e2e.test.ts.)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';

interface Service {
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
}
interface PrometheusConfig {
  scrape_configs: {
    job_name: string;
    authorization?: { credentials_file?: string };
    static_configs?: { targets: string[] }[];
    dns_sd_configs?: { names: string[]; port: number }[];
  }[];
}

const read = (file: string): Promise<string> => readFile(path.join(PROJECT_ROOT, file), 'utf8');

/** `host:container` of a compose volume, the host side resolved from the project root. */
function mounts(service: Service): Map<string, string> {
  return new Map(
    (service.volumes ?? [])
      .filter((volume) => volume.startsWith('./'))
      .map((volume) => {
        const [host = '', container = ''] = volume.split(':');
        return [container, host];
      }),
  );
}

describe('the monitoring deployment', () => {
  it('has a Prometheus config that promtool accepts', async () => {
    const work = await tempDir('promtool-');
    const config = path.join(work.dir, 'prometheus.yml');
    await copyFile(path.join(PROJECT_ROOT, 'config/prometheus/prometheus.yml'), config);
    // The key file compose mounts beside it: promtool checks that it exists.
    await mkdir(path.join(work.dir, 'secrets'));
    await writeFile(path.join(work.dir, 'secrets/metrics-key'), 'agk_prometheus_x\n');
    const { stdout } = await promisify(execFile)('promtool', ['check', 'config', config]);
    assert.match(stdout, /SUCCESS/);
  });

  it('scrapes the gateway and every worker where compose has them', async () => {
    const compose = load(await read('docker-compose.yml')) as ComposeFile;
    const prometheus = load(await read('config/prometheus/prometheus.yml')) as PrometheusConfig;
    const jobs = new Map(prometheus.scrape_configs.map((job) => [job.job_name, job]));
    const gateway = compose.services.gateway?.environment ?? {};
    assert.deepEqual(jobs.get('gateway')?.static_configs?.[0]?.targets, [
      `gateway:${gateway.PORT}`,
    ]);
    const worker = compose.services.worker?.environment ?? {};
    assert.equal(worker.WORKER_HTTP_HOST, '0.0.0.0', 'a worker listens beyond its container');
    const discovered = jobs.get('worker')?.dns_sd_configs?.[0];
    assert.deepEqual(discovered?.names, ['worker']);
    assert.equal(String(discovered?.port), worker.WORKER_HTTP_PORT);

    const volumes = mounts(compose.services.prometheus ?? {});
    assert.equal(
      volumes.get('/etc/prometheus/prometheus.yml'),
      './config/prometheus/prometheus.yml',
    );
    const keyFile = jobs.get('gateway')?.authorization?.credentials_file ?? '';
    assert.equal(volumes.get(path.posix.join('/etc/prometheus', keyFile)), './var/metrics-key');
  });

  it('provisions Grafana with that Prometheus and the dashboard in the repo', async () => {
    const compose = load(await read('docker-compose.yml')) as ComposeFile;
    const volumes = mounts(compose.services.grafana ?? {});
    const dashboards = volumes.get('/var/lib/grafana/dashboards') ?? '';
    const provider = load(await read('config/grafana/provisioning/dashboards/assonant.yml')) as {
      providers: { options: { path: string } }[];
    };
    assert.equal(provider.providers[0]?.options.path, '/var/lib/grafana/dashboards');
    const dashboard = JSON.parse(await read(path.join(dashboards, 'assonant-gateway.json'))) as {
      uid: string;
      panels: { datasource: { uid: string } }[];
    };
    assert.ok(dashboard.panels.length >= 8);
    const datasource = load(
      await read('config/grafana/provisioning/datasources/prometheus.yml'),
    ) as {
      datasources: { uid: string; url: string }[];
    };
    assert.equal(datasource.datasources[0]?.url, 'http://prometheus:9090');
    for (const panel of dashboard.panels) {
      assert.equal(panel.datasource.uid, datasource.datasources[0]?.uid);
    }
  });

  it('builds an image from what the build compiles and installs', async () => {
    const dockerfile = await read('Dockerfile');
    const build = JSON.parse(await read('tsconfig.build.json')) as { include: string[] };
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)].map((match) => match[1]);
    for (const include of build.include) {
      const top = include.split('/')[0] ?? '';
      assert.ok(copied.includes(top), `the Dockerfile copies ${top}, which the build compiles`);
    }
    const manifest = JSON.parse(await read('package.json')) as { workspaces?: string[] };
    const install = dockerfile.indexOf('RUN npm ci');
    for (const workspace of manifest.workspaces ?? []) {
      const line = dockerfile.indexOf(`COPY ${workspace}/package.json`);
      assert.ok(line >= 0 && line < install, `${workspace}/package.json is there for npm ci`);
    }
  });
});
