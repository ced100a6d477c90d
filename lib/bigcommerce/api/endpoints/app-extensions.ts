/**
 * App Extensions through the GraphQL Admin API (`POST /stores/{hash}/graphql`): a link or panel
 * the control panel shows on its order (product, customer) pages, opening the app at `url`.
 */
import { z } from 'zod';
import { BigCommerceError } from '../errors';
import type { ApiRequest, Transport } from '../http';
import { parseResponse } from '../parse';
import type { CallOptions } from './call-options';

export type AppExtensionContext = 'PANEL' | 'LINK';
export type AppExtensionModel = 'ORDERS' | 'PRODUCTS' | 'CUSTOMERS';

export interface AppExtension {
  /** e.g. `bc/store/appExtension/2`. */
  id: string;
  context: AppExtensionContext | null;
  model: AppExtensionModel | null;
  /** App path with `${id}` where the control panel fills the record's id. */
  url: string;
  label: string | null;
}

export interface CreateAppExtensionInput {
  context: AppExtensionContext;
  model: AppExtensionModel;
  url: string;
  label: string;
}

const nodeSchema = z.object({
  id: z.string().min(1),
  context: z.enum(['PANEL', 'LINK']).nullish(),
  model: z.enum(['ORDERS', 'PRODUCTS', 'CUSTOMERS']).nullish(),
  url: z.string(),
  label: z.object({ defaultValue: z.string().nullish() }).nullish(),
});

function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    data: data.nullish(),
    errors: z.array(z.object({ message: z.string() }).loose()).nullish(),
  });
}

const listSchema = envelope(z.object({ store: z.object({ appExtensions: z.object({ edges: z.array(z.object({ node: nodeSchema })) }) }) }));
const createSchema = envelope(z.object({ appExtension: z.object({ createAppExtension: z.object({ appExtension: nodeSchema }) }) }));
const updateSchema = envelope(z.object({ appExtension: z.object({ updateAppExtension: z.object({ appExtension: nodeSchema }) }) }));
const deleteSchema = envelope(z.object({ appExtension: z.object({ deleteAppExtension: z.object({ deletedAppExtensionId: z.string().nullish() }) }) }));

const FIELDS = 'id context model url label { defaultValue }';

const LIST_QUERY = `query AppExtensions { store { appExtensions { edges { node { ${FIELDS} } } } } }`;
const CREATE_MUTATION = `mutation CreateAppExtension($input: CreateAppExtensionInput!) { appExtension { createAppExtension(input: $input) { appExtension { ${FIELDS} } } } }`;
const UPDATE_MUTATION = `mutation UpdateAppExtension($input: UpdateAppExtensionInput!) { appExtension { updateAppExtension(input: $input) { appExtension { ${FIELDS} } } } }`;
const DELETE_MUTATION = `mutation DeleteAppExtension($input: DeleteAppExtensionInput!) { appExtension { deleteAppExtension(input: $input) { deletedAppExtensionId } } }`;

function toExtension(node: z.infer<typeof nodeSchema>): AppExtension {
  return { id: node.id, context: node.context ?? null, model: node.model ?? null, url: node.url, label: node.label?.defaultValue ?? null };
}

export function createAppExtensionsApi(transport: Transport) {
  /** GraphQL answers 200 with `errors` for a bad operation: that is an error here, with its messages. */
  async function call<S extends ReturnType<typeof envelope>>(
    schema: S,
    query: string,
    variables: Record<string, unknown>,
    options: CallOptions,
    idempotent: boolean,
  ): Promise<NonNullable<z.output<S>['data']>> {
    const request: ApiRequest = { method: 'POST', path: '/graphql', body: { query, variables }, priority: options.priority, idempotent };
    const response = await transport.send(request);
    const parsed = parseResponse(schema, response, request);
    if (parsed.errors && parsed.errors.length > 0) {
      throw new BigCommerceError(`GraphQL: ${parsed.errors.map((e) => e.message).join('; ')}`, {
        status: response.status,
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify(response.body),
      });
    }
    if (!parsed.data) throw new BigCommerceError('GraphQL: no data in the answer', { status: response.status, method: 'POST', path: '/graphql' });
    return parsed.data as NonNullable<z.output<S>['data']>;
  }

  return {
    /** The App Extensions this app registered on the store. */
    async list(options: CallOptions = {}): Promise<AppExtension[]> {
      const data = await call(listSchema, LIST_QUERY, {}, options, true);
      return data.store.appExtensions.edges.map((edge) => toExtension(edge.node));
    },

    async create(input: CreateAppExtensionInput, options: CallOptions = {}): Promise<AppExtension> {
      const variables = { input: { context: input.context, model: input.model, url: input.url, label: { defaultValue: input.label, locales: [] } } };
      const data = await call(createSchema, CREATE_MUTATION, variables, options, false);
      return toExtension(data.appExtension.createAppExtension.appExtension);
    },

    async update(id: string, changes: { url?: string; label?: string }, options: CallOptions = {}): Promise<AppExtension> {
      const variables = {
        input: {
          id,
          data: { ...(changes.url !== undefined ? { url: changes.url } : {}), ...(changes.label !== undefined ? { label: { defaultValue: changes.label, locales: [] } } : {}) },
        },
      };
      const data = await call(updateSchema, UPDATE_MUTATION, variables, options, true);
      return toExtension(data.appExtension.updateAppExtension.appExtension);
    },

    /** Deleting an extension that is already gone is a GraphQL error on the platform. */
    async delete(id: string, options: CallOptions = {}): Promise<void> {
      await call(deleteSchema, DELETE_MUTATION, { input: { id } }, options, true);
    },
  };
}

export type AppExtensionsApi = ReturnType<typeof createAppExtensionsApi>;
