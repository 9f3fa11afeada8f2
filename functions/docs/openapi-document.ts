import * as z from 'zod';
import { prescreenSchema, programmes, submissionSchema } from '../../forms';
import { offerAnswerBody } from '../matching/offer';
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
  'POST /api/provider/offers/{offerId}/decision': 'OfferAnswer',
};

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
        Submission: z.toJSONSchema(submissionSchema, { io: 'input', unrepresentable: 'any' }),
        Prescreen: z.toJSONSchema(prescreenSchema, { io: 'input', unrepresentable: 'any' }),
        OfferAnswer: z.toJSONSchema(offerAnswerBody, { io: 'input', unrepresentable: 'any' }),
      },
    },
  };
}
