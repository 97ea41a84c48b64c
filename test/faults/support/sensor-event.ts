/** Event `event` of scan `scan`: one Sensor reading `event + 0.5` V, with its own eventId. */
export function sensorEvent(scan: number, event: number): string {
  return JSON.stringify({
    stage: 'sample_acquisition',
    moment: 'during',
    eventId: `s${scan}-e${event}`,
    device: {
      class: 'Sensor',
      name: `dev_${event}`,
      fields: { reading: { value: event + 0.5, unit: 'V', extra_metadata: { scan } } },
    },
  });
}
