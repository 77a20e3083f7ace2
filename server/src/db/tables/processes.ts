import type { OzgSubjectArea, ProcessModelKind } from '@dz/core';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** A municipality's administrative service (the process inventory). */
export interface ProcessServices {
  id: string;
  municipalityId: string;
  name: string;
  subjectArea: OzgSubjectArea | null;
  lifeSituation: string | null;
  leikaKey: string | null;
  departmentId: string | null;
  casesPerYear: Generated<number>;
  minutesPerCase: Generated<number>;
  ozgLevel: Generated<number>;
  ozgTarget: Generated<number>;
  onlineChannel: string | null;
  mediaBreaks: Generated<number>;
  starterKey: string | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A BPMN 2.0 model of a service (as-is or to-be), with the figures of its last save. */
export interface ProcessModels {
  id: string;
  municipalityId: string;
  serviceId: string;
  kind: ProcessModelKind;
  name: string;
  xml: string;
  minutesPerCase: number | null;
  centsPerCase: number | null;
  mediaBreaks: number | null;
  copyOf: string | null;
  projectId: string | null;
  version: Generated<number>;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
