/**
 * Where each received component sits in the raw entries, following the layout
 * buildScanTree writes: an entry's beamline is `/<entry>/instrument`, a Sample of
 * the beamline (or sent alone) is `/<entry>/<name>`, any other device
 * `/<entry>/instrument/<name>`, and subcomponents nest in their parent.
 */
import { stagedEntryName, type StagedEvent } from '#libs/model/src/scan/index.js';
import type { BeamlineJson, ComponentJson } from '#libs/model/src/assonant-json.js';
import type { ComponentClass } from '#libs/model/src/component-classes.js';
import { toNexusName } from '#libs/nexus/src/index.js';

export interface LocatedComponent {
  /** Raw entry name, e.g. `sample_acquisition_during`. */
  entry: string;
  cls: ComponentClass;
  name: string;
  /** Absolute path of the component's group. */
  path: string;
}

export function locateComponents(events: readonly StagedEvent[]): LocatedComponent[] {
  const found = new Map<string, LocatedComponent>();
  const add = (entry: string, cls: ComponentClass, name: string, path: string): void => {
    found.set(`${path} ${cls}`, { entry, cls, name, path });
  };
  const nest = (
    entry: string,
    parent: ComponentJson | BeamlineJson,
    path: string,
    top: boolean,
  ): void => {
    for (const sub of Object.values(parent.subcomponents ?? {})) {
      const home = top && sub.class === 'Sample' ? `/${entry}` : path;
      const subPath = `${home}/${toNexusName(sub.name)}`;
      add(entry, sub.class, sub.name, subPath);
      nest(entry, sub, subPath, false);
    }
  };
  for (const event of events) {
    const entry = toNexusName(stagedEntryName(event));
    const beamline = event.kind === 'entry' ? event.entry.beamline : event.device;
    if (event.kind === 'entry' || event.device.class === 'Beamline') {
      add(entry, 'Beamline', beamline.name, `/${entry}/instrument`);
      nest(entry, beamline, `/${entry}/instrument`, true);
      continue;
    }
    const device = event.device;
    const home = device.class === 'Sample' ? `/${entry}` : `/${entry}/instrument`;
    const path = `${home}/${toNexusName(device.name)}`;
    add(entry, device.class, device.name, path);
    nest(entry, device, path, false);
  }
  return [...found.values()];
}
