import type { SpecFormat } from '../spec/version.js';

/**
 * The OpenAPI node model the walker follows: which key of which node holds which kind of node.
 * Rules subscribe to these names; the walker visits each node once, following $refs.
 */
export type NodeType =
  | 'Root'
  | 'Info'
  | 'Contact'
  | 'License'
  | 'Server'
  | 'ServerVariable'
  | 'Paths'
  | 'PathItem'
  | 'Operation'
  | 'Parameter'
  | 'RequestBody'
  | 'MediaType'
  | 'Encoding'
  | 'Responses'
  | 'Response'
  | 'Header'
  | 'Schema'
  | 'Example'
  | 'Link'
  | 'Callback'
  | 'SecurityScheme'
  | 'OAuthFlows'
  | 'OAuthFlow'
  | 'SecurityRequirement'
  | 'Tag'
  | 'ExternalDocs'
  | 'Components'
  | 'Discriminator'
  | 'Xml';

type Child = NodeType | { mapOf: NodeType } | { listOf: NodeType } | { schemaOrList: true };

interface TypeDefinition {
  properties: Record<string, Child>;
}

const common = {
  ExternalDocs: { properties: {} },
  Contact: { properties: {} },
  License: { properties: {} },
  Tag: { properties: { externalDocs: 'ExternalDocs' } },
  Discriminator: { properties: {} },
  Xml: { properties: {} },
  SecurityRequirement: { properties: {} },
  Example: { properties: {} },
  Info: { properties: { contact: 'Contact', license: 'License' } },
} satisfies Partial<Record<NodeType, TypeDefinition>>;

const schema3: TypeDefinition = {
  properties: {
    properties: { mapOf: 'Schema' },
    patternProperties: { mapOf: 'Schema' },
    additionalProperties: 'Schema',
    items: { schemaOrList: true },
    prefixItems: { listOf: 'Schema' },
    allOf: { listOf: 'Schema' },
    anyOf: { listOf: 'Schema' },
    oneOf: { listOf: 'Schema' },
    not: 'Schema',
    if: 'Schema',
    then: 'Schema',
    else: 'Schema',
    contains: 'Schema',
    propertyNames: 'Schema',
    unevaluatedProperties: 'Schema',
    unevaluatedItems: 'Schema',
    dependentSchemas: { mapOf: 'Schema' },
    $defs: { mapOf: 'Schema' },
    definitions: { mapOf: 'Schema' },
    discriminator: 'Discriminator',
    xml: 'Xml',
    externalDocs: 'ExternalDocs',
  },
};

const oas3: Record<NodeType, TypeDefinition> = {
  ...common,
  Root: {
    properties: {
      info: 'Info',
      servers: { listOf: 'Server' },
      paths: 'Paths',
      webhooks: { mapOf: 'PathItem' },
      components: 'Components',
      security: { listOf: 'SecurityRequirement' },
      tags: { listOf: 'Tag' },
      externalDocs: 'ExternalDocs',
    },
  },
  Server: { properties: { variables: { mapOf: 'ServerVariable' } } },
  ServerVariable: { properties: {} },
  Paths: { properties: {} }, // every key is a PathItem (see childType)
  PathItem: {
    properties: {
      get: 'Operation',
      put: 'Operation',
      post: 'Operation',
      delete: 'Operation',
      options: 'Operation',
      head: 'Operation',
      patch: 'Operation',
      trace: 'Operation',
      servers: { listOf: 'Server' },
      parameters: { listOf: 'Parameter' },
    },
  },
  Operation: {
    properties: {
      externalDocs: 'ExternalDocs',
      parameters: { listOf: 'Parameter' },
      requestBody: 'RequestBody',
      responses: 'Responses',
      callbacks: { mapOf: 'Callback' },
      security: { listOf: 'SecurityRequirement' },
      servers: { listOf: 'Server' },
    },
  },
  Parameter: { properties: { schema: 'Schema', content: { mapOf: 'MediaType' }, examples: { mapOf: 'Example' } } },
  RequestBody: { properties: { content: { mapOf: 'MediaType' } } },
  MediaType: { properties: { schema: 'Schema', examples: { mapOf: 'Example' }, encoding: { mapOf: 'Encoding' } } },
  Encoding: { properties: { headers: { mapOf: 'Header' } } },
  Responses: { properties: {} }, // every key is a Response
  Response: { properties: { headers: { mapOf: 'Header' }, content: { mapOf: 'MediaType' }, links: { mapOf: 'Link' } } },
  Header: { properties: { schema: 'Schema', content: { mapOf: 'MediaType' }, examples: { mapOf: 'Example' } } },
  Schema: schema3,
  Link: { properties: { server: 'Server' } },
  Callback: { properties: {} }, // every key is a PathItem
  SecurityScheme: { properties: { flows: 'OAuthFlows' } },
  OAuthFlows: { properties: { implicit: 'OAuthFlow', password: 'OAuthFlow', clientCredentials: 'OAuthFlow', authorizationCode: 'OAuthFlow' } },
  OAuthFlow: { properties: {} },
  Components: {
    properties: {
      schemas: { mapOf: 'Schema' },
      responses: { mapOf: 'Response' },
      parameters: { mapOf: 'Parameter' },
      examples: { mapOf: 'Example' },
      requestBodies: { mapOf: 'RequestBody' },
      headers: { mapOf: 'Header' },
      securitySchemes: { mapOf: 'SecurityScheme' },
      links: { mapOf: 'Link' },
      callbacks: { mapOf: 'Callback' },
      pathItems: { mapOf: 'PathItem' },
    },
  },
};

const oas2: Record<NodeType, TypeDefinition> = {
  ...oas3,
  Root: {
    properties: {
      info: 'Info',
      paths: 'Paths',
      definitions: { mapOf: 'Schema' },
      parameters: { mapOf: 'Parameter' },
      responses: { mapOf: 'Response' },
      securityDefinitions: { mapOf: 'SecurityScheme' },
      security: { listOf: 'SecurityRequirement' },
      tags: { listOf: 'Tag' },
      externalDocs: 'ExternalDocs',
    },
  },
  PathItem: {
    properties: {
      get: 'Operation',
      put: 'Operation',
      post: 'Operation',
      delete: 'Operation',
      options: 'Operation',
      head: 'Operation',
      patch: 'Operation',
      parameters: { listOf: 'Parameter' },
    },
  },
  Operation: {
    properties: {
      externalDocs: 'ExternalDocs',
      parameters: { listOf: 'Parameter' },
      responses: 'Responses',
      security: { listOf: 'SecurityRequirement' },
    },
  },
  Parameter: { properties: { schema: 'Schema', items: 'Schema' } },
  Response: { properties: { schema: 'Schema', headers: { mapOf: 'Header' } } },
  Header: { properties: { items: 'Schema' } },
  Schema: { properties: { ...schema3.properties } },
  SecurityScheme: { properties: {} },
};

/** The type of the child at `key` of a node of type `parent`, or undefined when it is not modelled. */
export function childType(format: SpecFormat, parent: NodeType, key: string): Child | undefined {
  if (key.startsWith('x-')) return undefined;
  switch (parent) {
    case 'Paths':
      return key.startsWith('/') ? 'PathItem' : undefined;
    case 'Responses':
      return 'Response';
    case 'Callback':
      return 'PathItem';
    default:
      return (format === 'oas2' ? oas2 : oas3)[parent].properties[key];
  }
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
