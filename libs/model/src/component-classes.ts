/**
 * Assonant's 29 component classes (Beamline included) and the NeXus base class each one becomes.
 * The class only decides the NX_class; every class has the same shape.
 */
export const COMPONENT_NX_CLASS = {
  Beamline: 'NXinstrument',
  Aperture: 'NXaperture',
  Attenuator: 'NXattenuator',
  Beam: 'NXbeam',
  BeamStopper: 'NXbeam_stop',
  Shutter: 'NXbeam_stop',
  BendingMagnet: 'NXbending_magnet',
  Undulator: 'NXinsertion_device',
  Wiggler: 'NXinsertion_device',
  StorageRing: 'NXsource',
  Collimator: 'NXcollimator',
  FresnelZonePlate: 'NXfresnel_zone_plate',
  Pinhole: 'NXpinhole',
  Sample: 'NXsample',
  Detector: 'NXdetector',
  DetectorModule: 'NXdetector_module',
  DetectorChannel: 'NXdetector_channel',
  DetectorROI: 'NXregion',
  BVS: 'NXdetector',
  Monochromator: 'NXmonochromator',
  MonochromatorCrystal: 'NXcrystal',
  MonochromatorVelocitySelector: 'NXvelocity_selector',
  Mirror: 'NXmirror',
  Grating: 'NXgrating',
  Slit: 'NXslit',
  Sensor: 'NXsensor',
  // No standard class exists for these; Assonant's NXcustom_* is not NeXus.
  // A dewar and a cryojet are sample-environment devices whose readings are
  // sensor values; a granite base is passive support, kept as a collection.
  Dewar: 'NXsensor',
  Cryojet: 'NXsensor',
  GraniteBase: 'NXcollection',
} as const;

export type ComponentClass = keyof typeof COMPONENT_NX_CLASS;

export const COMPONENT_CLASSES = Object.keys(COMPONENT_NX_CLASS) as ComponentClass[];

/** Classes whose NX_class needs a `type` field to say which kind it is. */
export const COMPONENT_TYPE_FIELD: Partial<Record<ComponentClass, string>> = {
  Undulator: 'undulator',
  Wiggler: 'wiggler',
};
