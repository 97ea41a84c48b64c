/**
 * The MOGNO schema of the example devices, as Assonant's `metadata.csv`:
 * the worked example of the schema routes. The same bytes are
 * `test/fixtures/schemas/mogno-metadata.csv` (a test holds them equal), which
 * the README uploads with curl.
 */
export const EXAMPLE_MOGNO_SCHEMA_CSV = `MOGNO beamline metadata schema,,,,,,,,,,
Name,Subcomponent of,Class,Field Name,Unit of Measurement,Data Type,Acquisition Type,PV Name,NeXus Class,NeXus Field Name,Transformation Type
MOGNO,,Beamline,name,,string,Vary Among Exps.,,,,
storage_ring,,Storage Ring,current,mA,float,Snapshoted at Exp. Start/end,SI-Glob:AP-CurrInfo:Current-Mon,,,
storage_ring,,Storage Ring,energy,GeV,float,Vary Among Exps.,,,,
monochromator,,Monochromator,energy,keV,float,Snapshoted at Exp. Start/end,MGN:A:DCM:Energy_RBV,,,
monochromator,,Monochromator,wavelength,angstrom,float,Snapshoted at Exp. Start/end,MGN:A:DCM:Wavelength_RBV,,,
monochromator,,Monochromator,mode,,string,Vary Among Exps.,MGN:A:DCM:Mode_RBV,,,
monochromator,,Monochromator,in_position,,bool,Snapshoted at Exp. Start/end,MGN:A:DCM:InPos_RBV,,,
monochromator,,Monochromator,bragg,deg,float,Snapshoted at Exp. Start/end,,,,rotation
monochromator,,Monochromator,perpendicular,mm,float,Snapshoted at Exp. Start/end,MGN:A:DCM:Perp_RBV,,,translation
crystal_1,monochromator,Monochromator Crystal,reflection,,string,Vary Among Exps.,,,,
crystal_1,monochromator,Monochromator Crystal,d_spacing,angstrom,float,Vary Among Exps.,,,,
crystal_1,monochromator,Monochromator Crystal,bragg,deg,float,Snapshoted at Exp. Start/end,MGN:A:DCM:Bragg_RBV,,,rotation
slit_1,,Slit,x_gap,mm,float,Snapshoted at Exp. Start/end,MGN:A:SLIT1:XGap_RBV,,,
slit_1,,Slit,y_gap,mm,float,Snapshoted at Exp. Start/end,MGN:A:SLIT1:YGap_RBV,,,
sample,,Sample,name,,string,Vary Among Exps.,,,,
sample,,Sample,description,,string,Vary Among Exps.,,,,
sample,,Sample,rotation_angle,deg,float,Scanned During Exp.,MGN:B:RotStage:Angle_RBV,,,rotation
sample,,Sample,x,mm,float,Snapshoted at Exp. Start/end,MGN:B:SMP:X_RBV,,,translation
sample,,Sample,y,mm,float,Snapshoted at Exp. Start/end,MGN:B:SMP:Y_RBV,,,translation
sample,,Sample,z,mm,float,Snapshoted at Exp. Start/end,MGN:B:SMP:Z_RBV,,,translation
camera,,Detector,model,,string,Vary Among Exps.,,,,
camera,,Detector,exposure_time,s,float,Snapshoted at Exp. Start/end,MGN:B:CAM:AcquireTime_RBV,,,
camera,,Detector,number_of_projections,,int,Snapshoted at Exp. Start/end,,,,
camera,,Detector,number_of_flats,,int,Snapshoted at Exp. Start/end,,,,
camera,,Detector,number_of_darks,,int,Snapshoted at Exp. Start/end,,,,
camera,,Detector,x_pixel_size,um,float,Vary Among Exps.,,,,
camera,,Detector,y_pixel_size,um,float,Vary Among Exps.,,,,
camera,,Detector,image_shape,pixel,int,Vary Among Exps.,,,,
camera,,Detector,bit_depth,,int,Vary Among Exps.,,,,
camera,,Detector,data_file,,string,Snapshoted at Exp. Start/end,,,,
camera,,Detector,dark_field_mean,counts,float,Snapshoted at Exp. Start/end,,,,
camera,,Detector,frame_number,,int,Scanned During Exp.,MGN:B:CAM:ArrayCounter_RBV,,,
camera,,Detector,sensor_temperature,degC,float,Scanned During Exp.,MGN:B:CAM:Temperature_RBV,,,
camera,,Detector,camera_distance,mm,float,Snapshoted at Exp. Start/end,MGN:B:CAM:Distance_RBV,,,translation
`;
