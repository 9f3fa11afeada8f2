import * as z from 'zod';
import { prescreenSchema, programmes, submissionSchema } from '../../forms';
import { agencyCreateSchema, agencyUpdateSchema, counsellorCreateSchema, counsellorUpdateSchema } from '../providers/registry-schema';
import { routes } from '../routes';

const problemSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { $ref: '#/components/schemas/Text' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { $ref: '#/components/schemas/Text' } },
          },
        },
      },
    },
  },
};

const bodies: Partial<Record<string, string>> = {
  'POST /api/applications': 'Submission',
  'POST /api/eligibility/check': 'Prescreen',
  'POST /api/registry/agencies': 'AgencyCreate',
  'PUT /api/registry/agencies/{agencyId}': 'AgencyUpdate',
  'POST /api/registry/agencies/{agencyId}/counsellors': 'CounsellorCreate',
  'PUT /api/registry/agencies/{agencyId}/counsellors/{counsellorId}': 'CounsellorUpdate',
};

const bodySchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/**
 * The OpenAPI 3.1 document, built from the route list and the programme schemas themselves, so the
 * documentation cannot disagree with what the API accepts.
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const body = bodies[`${route.method} ${route.path}`];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.handler,
      security: route.access === 'public' ? [] : [{ staffJwt: [] }],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body}` } } } } } : {}),
      responses: {
        default: { description: 'Error (ko/en)', content: { 'application/json': { schema: problemSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dolbom API', version: '1.0.0', description: programmes.map((p) => `${p.id}@${p.version}: ${p.name.en}`).join('; ') },
    paths,
    components: {
      securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Text: { type: 'object', properties: { ko: { type: 'string' }, en: { type: 'string' } }, required: ['ko', 'en'] },
        Submission: bodySchema(submissionSchema),
        Prescreen: bodySchema(prescreenSchema),
        // Fields Dolbom derives (youth voucher types, qualified service types, free places) and the
        // caseload (`reserved`) appear as `{"not": {}}`: named, and refused if sent.
        AgencyCreate: bodySchema(agencyCreateSchema),
        AgencyUpdate: bodySchema(agencyUpdateSchema),
        CounsellorCreate: bodySchema(counsellorCreateSchema()),
        CounsellorUpdate: bodySchema(counsellorUpdateSchema()),
      },
    },
  };
}
