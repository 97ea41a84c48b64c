/** libs/model's value rules as class-validator constraints and property decorators. */
import {
  axisReferenceProblem,
  fieldValueProblem,
  metadataValueProblem,
  isVector3,
  isZonedDateTime,
  linkNameProblem,
  pvNameProblem,
  pvReadingProblem,
} from '#libs/model/src/index.js';
import { problemConstraint, ruleDecorator } from './problem-constraint.js';

/** The value must be usable as an HDF5 link name. */
export const IsLinkNameConstraint = problemConstraint('isLinkName', linkNameProblem);
export const IsLinkName = ruleDecorator(IsLinkNameConstraint);

/** A dataset value: scalar or rectangular array of one scalar type; present, possibly null. */
export const IsFieldValueConstraint = problemConstraint('isFieldValue', fieldValueProblem);
export const IsFieldValue = ruleDecorator(IsFieldValueConstraint);

/** Metadata values follow the same rule (they become HDF5 attributes), but never name uploaded data. */
export const IsMetadataValueConstraint = problemConstraint('isMetadataValue', metadataValueProblem);

/** `depends_on` of an axis: the next axis in the chain, or "." to end it. */
export const IsAxisReference = ruleDecorator(
  problemConstraint('isAxisReference', axisReferenceProblem),
);

export const IsVector3 = ruleDecorator(
  problemConstraint('isVector3', (value) =>
    isVector3(value) ? undefined : 'must be an array of exactly 3 finite numbers',
  ),
);

export const IsZonedDateTime = ruleDecorator(
  problemConstraint('isZonedDateTime', (value) =>
    isZonedDateTime(value)
      ? undefined
      : 'must be an ISO 8601 date-time with a time zone, e.g. 2024-04-25T16:00:00-03:00 or 2024-04-25T19:00:00Z',
  ),
);

/** A PV snapshot's key: an EPICS or Tango name. */
export const IsPvNameConstraint = problemConstraint('isPvName', pvNameProblem);

/** A PV snapshot's value: a DataField value, or samples with their times. */
export const IsPvReadingConstraint = problemConstraint('isPvReading', pvReadingProblem);
