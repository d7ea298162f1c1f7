import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Checks a request the client sent against the transcribed OpenAPI contract: the path and method
 * exist, path and query parameters are declared, required ones present and of the declared type,
 * and the JSON body has the declared properties with the declared types.
 */
interface SchemaObject {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, SchemaObject>;
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: SchemaObject;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: SchemaObject }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
}

const spec = parse(readFileSync(new URL('../fixtures/venue-manager/openapi.yaml', import.meta.url), 'utf8')) as Spec;

export interface SentRequest {
  method: string;
  /** Percent-encoded path, below the base path. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

function resolve(schema: SchemaObject): SchemaObject {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (target === undefined) throw new Error(`unresolved ${schema.$ref}`);
  return target;
}

function hasType(value: unknown, type: string | undefined): boolean {
  if (type === 'number') return typeof value === 'string' ? /^-?\d+(\.\d+)?$/.test(value) : typeof value === 'number';
  if (type === 'string') return typeof value === 'string';
  return true;
}

export function specProblems(request: SentRequest): string[] {
  const problems: string[] = [];
  for (const [template, operations] of Object.entries(spec.paths)) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`,
    );
    const match = pattern.exec(request.path);
    if (match === null) continue;
    const operation = operations[request.method.toLowerCase()];
    if (operation === undefined) return [`${request.method} is not an operation of ${template}`];
    const parameters = operation.parameters ?? [];
    names.forEach((name, index) => {
      const declared = parameters.find((p) => p.in === 'path' && p.name === name);
      const value = decodeURIComponent(match[index + 1]!);
      if (declared === undefined) problems.push(`path parameter ${name} is not declared`);
      else if (!hasType(value, declared.schema.type)) problems.push(`path parameter ${name}=${value} is not a ${declared.schema.type}`);
    });
    for (const parameter of parameters.filter((p) => p.in === 'query')) {
      const value = request.query[parameter.name];
      if (value === undefined) {
        if (parameter.required === true) problems.push(`required query parameter ${parameter.name} is missing`);
      } else if (!hasType(value, parameter.schema.type)) {
        problems.push(`query parameter ${parameter.name}=${value} is not a ${parameter.schema.type}`);
      }
    }
    for (const key of Object.keys(request.query)) {
      if (!parameters.some((p) => p.in === 'query' && p.name === key)) problems.push(`query parameter ${key} is not declared`);
    }
    const body = operation.requestBody;
    if (request.body === '') {
      if (body?.required === true) problems.push('the request body is required');
      return problems;
    }
    if (body === undefined) return [...problems, 'a body was sent to an operation without one'];
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) problems.push('the body is not sent as application/json');
    const schema = resolve(body.content['application/json']!.schema);
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return [...problems, 'the body is not JSON'];
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return [...problems, 'the body is not an object'];
    const fields = json as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in fields)) problems.push(`body field ${name} is missing`);
    for (const [name, value] of Object.entries(fields)) {
      const property = schema.properties?.[name];
      if (property === undefined) problems.push(`body field ${name} is not declared`);
      else if (!hasType(value, property.type)) problems.push(`body field ${name} is not a ${property.type}`);
    }
    return problems;
  }
  return [`${request.method} ${request.path} matches no path of the spec`];
}
