import { z } from 'zod';

/**
 * OParl 1.1 object types used for exported decision papers, encoded from the specification
 * (https://oparl.org/spezifikation/online-ansicht/, chapters Paper, File, Consultation): the required
 * properties, the type URIs, URLs and date/date-time formats. Unknown properties are rejected so typos
 * in property names do not slip through.
 */
const url = z.url({ protocol: /^https?$/ });
const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();
/** Properties every OParl object may carry (specification, chapter "Eigenschaften mit Verwendung in mehreren Objekttypen"). */
const common = {
  license: url.optional(),
  keyword: z.array(z.string()).optional(),
  created: dateTime.optional(),
  modified: dateTime.optional(),
  web: url.optional(),
  deleted: z.boolean().optional(),
};

export const oparlFile = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/File'),
    name: z.string().optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    date: date.optional(),
    size: z.number().int().nonnegative().optional(),
    sha1Checksum: z.string().optional(),
    sha512Checksum: z.string().optional(),
    text: z.string().optional(),
    accessUrl: url,
    downloadUrl: url.optional(),
    externalServiceUrl: url.optional(),
    masterFile: url.optional(),
    derivativeFile: z.array(url).optional(),
    fileLicense: url.optional(),
    meeting: z.array(url).optional(),
    agendaItem: z.array(url).optional(),
    paper: z.array(url).optional(),
    ...common,
  })
  .strict();

export const oparlConsultation = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/Consultation'),
    paper: url.optional(),
    agendaItem: url.optional(),
    meeting: url.optional(),
    organization: z.array(url).optional(),
    authoritative: z.boolean().optional(),
    role: z.string().optional(),
    ...common,
  })
  .strict();

export const oparlPaper = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/Paper'),
    body: url.optional(),
    name: z.string().optional(),
    reference: z.string().optional(),
    date: date.optional(),
    paperType: z.string().optional(),
    relatedPaper: z.array(url).optional(),
    superordinatedPaper: z.array(url).optional(),
    subordinatedPaper: z.array(url).optional(),
    mainFile: oparlFile.optional(),
    auxiliaryFile: z.array(oparlFile).optional(),
    location: z.array(z.unknown()).optional(),
    originatorPerson: z.array(url).optional(),
    underDirectionOf: z.array(url).optional(),
    originatorOrganization: z.array(url).optional(),
    consultation: z.array(oparlConsultation).optional(),
    ...common,
  })
  .strict();
