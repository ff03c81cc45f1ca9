/**
 * A secure notes API shaped unlike the demo: cookie sessions (HttpOnly, SameSite=Strict) with a
 * double-submit CSRF header on every change, e-mail addresses as user names, 404 (not 403) for
 * other users' notes, RFC 9457 problem+json errors with 422 for validation, cursor pagination,
 * ETag/If-Match on updates (428 without, 412 when stale), and 429 with Retry-After both for failed
 * logins and for clients that send too much. Listens on 127.0.0.1 only.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ApiError, parseJson, requireContentType, startSecureApi, validators, type ApiAnswer, type ApiRequest, type Json, type RunningApi } from './secure-api-kit.js';

export const NOTES_USERS = [
  { id: 'u_7f3a', email: 'alice@notes.test', password: 'alice-notes-password', displayName: 'Alice' },
  { id: 'u_91c2', email: 'bob@notes.test', password: 'bob-notes-password', displayName: 'Bob' },
] as const;

/** The scan configuration: the session cookie comes from the login's Set-Cookie; the CSRF pair is the client's own. */
export const NOTES_SCAN_CONFIG = [
  'scan:',
  '  identities:',
  ...NOTES_USERS.map(({ email, password }) => {
    const name = email.split('@')[0]!;
    return [
      `    - name: ${name}`,
      `      cookies: { csrf: ${name}-csrf-0123456789abcdef }`,
      `      headers: { X-CSRF-Token: ${name}-csrf-0123456789abcdef }`,
      '      login:',
      '        path: /session',
      `        json: { email: ${email}, password: ${password} }`,
      "        tokenRegex: 'sid=([A-Za-z0-9_-]+)'",
      '      apply: { cookie: sid }',
    ];
  }).flat(),
  '',
].join('\n');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const errors = (...statuses: number[]) => Object.fromEntries([...statuses, 429, 500].map((status) => [String(status), { $ref: `#/components/responses/P${status}` }]));
const SIGNED_IN = [{ session: [] }];
const CHANGES = [{ session: [], csrf: [] }];

export function notesDescription(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Notes', version: '2.1.0', 'x-validation-status': 422 },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Must equal the csrf cookie (double submit).' },
      },
      schemas: {
        Problem: {
          type: 'object', required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' }, requestId: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, detail: { type: 'string' } } } } },
        },
        Credentials: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email', maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 128, writeOnly: true } } },
        PasswordReset: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email', maxLength: 254 } } },
        User: { type: 'object', required: ['id', 'email', 'displayName'], properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' }, displayName: { type: 'string' } } },
        Note: {
          type: 'object', required: ['id', 'ownerId', 'title', 'body', 'tags', 'pinned', 'createdAt', 'updatedAt', 'version'],
          properties: {
            id: { type: 'string', readOnly: true },
            ownerId: { type: 'string', readOnly: true },
            title: { type: 'string', minLength: 1, maxLength: 100 },
            body: { type: 'string', maxLength: 10000 },
            tags: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 30 } },
            pinned: { type: 'boolean' },
            createdAt: { type: 'string', format: 'date-time', readOnly: true },
            updatedAt: { type: 'string', format: 'date-time', readOnly: true },
            version: { type: 'integer', readOnly: true },
          },
        },
        NewNote: { allOf: [{ $ref: '#/components/schemas/Note' }], required: ['title'] },
        NotePatch: {
          type: 'object', minProperties: 1,
          properties: { title: { type: 'string', minLength: 1, maxLength: 100 }, body: { type: 'string', maxLength: 10000 }, tags: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 30 } }, pinned: { type: 'boolean' } },
        },
        NotePage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Note' } }, nextCursor: { type: 'string', nullable: true } } },
      },
      responses: {
        P400: problem('malformed request (bad JSON, bad cursor)'),
        P401: problem('not signed in'),
        P403: problem('missing or wrong CSRF token'),
        P404: problem('no such note (or not yours)'),
        P412: problem('If-Match does not match the current ETag'),
        P415: problem('unsupported body media type'),
        P422: problem('validation failed; errors lists each problem'),
        P428: problem('If-Match is required'),
        P429: { description: 'too many requests', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        P500: problem('unexpected failure, with a request id'),
      },
    },
    paths: {
      '/session': {
        post: {
          operationId: 'signIn', security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Credentials' } } } },
          responses: {
            '200': { description: 'signed in; the sid cookie is set', headers: { 'Set-Cookie': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
            ...errors(400, 401, 415, 422),
          },
        },
        delete: { operationId: 'signOut', security: CHANGES, responses: { '204': { description: 'signed out' }, ...errors(401, 403) } },
      },
      '/password-resets': {
        post: {
          operationId: 'requestPasswordReset', security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PasswordReset' } } } },
          responses: { '202': { description: 'a link is sent if the address is registered' }, ...errors(400, 415, 422) },
        },
      },
      '/me': { get: { operationId: 'me', security: SIGNED_IN, responses: { '200': { description: 'the signed-in user', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, ...errors(401) } } },
      '/notes': {
        get: {
          operationId: 'listNotes', security: SIGNED_IN,
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
            { name: 'cursor', in: 'query', description: 'nextCursor of the previous page', schema: { type: 'string', maxLength: 200 } },
          ],
          responses: { '200': { description: 'a page of your notes, newest first', content: { 'application/json': { schema: { $ref: '#/components/schemas/NotePage' } } } }, ...errors(400, 401, 422) },
        },
        post: {
          operationId: 'createNote', security: CHANGES,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewNote' } } } },
          responses: {
            '201': { description: 'created', headers: { ETag: { schema: { type: 'string' } }, Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } },
            ...errors(400, 401, 403, 415, 422),
          },
        },
      },
      '/notes/{noteId}': {
        parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string', pattern: '^n_[0-9a-f]{12}$' } }],
        get: { operationId: 'getNote', security: SIGNED_IN, responses: { '200': { description: 'the note', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }, ...errors(401, 404) } },
        patch: {
          operationId: 'updateNote', security: CHANGES,
          parameters: [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { $ref: '#/components/schemas/NotePatch' } } } },
          responses: { '200': { description: 'updated', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }, ...errors(400, 401, 403, 404, 412, 415, 422, 428) },
        },
        delete: { operationId: 'deleteNote', security: CHANGES, responses: { '204': { description: 'deleted' }, ...errors(401, 403, 404) } },
      },
    },
  };
}

interface Note { id: string; ownerId: string; title: string; body: string; tags: string[]; pinned: boolean; createdAt: string; updatedAt: string; version: number }

export interface NotesOptions {
  /** Requests per client (session, else address) per 10 s before 429. */
  requestsPer10s?: number;
}

export async function startNotesApi(options: NotesOptions = {}): Promise<RunningApi> {
  const description = notesDescription();
  const validate = validators(description);
  const notes = new Map<string, Note>();
  const sessions = new Map<string, { userId: string; expiresAt: number }>();
  const failures = new Map<string, number[]>();
  const traffic = new Map<string, number[]>();
  const salt = randomBytes(16);
  const hash = (password: string) => scryptSync(password, salt, 32, { N: 1024 });
  const hashes = new Map<string, Buffer>(NOTES_USERS.map((user) => [user.email, hash(user.password)]));
  const decoy = hash(randomBytes(12).toString('hex'));
  const limit = options.requestsPer10s ?? 5000;

  const cookies = (request: ApiRequest): Map<string, string> => new Map((request.headers.cookie ?? '').split(';').map((part) => part.trim().split('=') as [string, string]).filter(([name, value]) => name && value));
  const throttle = (request: ApiRequest) => {
    const client = cookies(request).get('sid') ?? 'anonymous';
    const now = Date.now();
    const recent = (traffic.get(client) ?? []).filter((at) => now - at < 10_000);
    recent.push(now);
    traffic.set(client, recent);
    if (recent.length > limit) throw new ApiError(429, 'rate_limited', 'Slow down.', { 'Retry-After': '10' });
  };
  const signedIn = (request: ApiRequest): string => {
    const session = sessions.get(cookies(request).get('sid') ?? '');
    if (!session || session.expiresAt <= Date.now()) throw new ApiError(401, 'unauthenticated', 'Sign in first.');
    return session.userId;
  };
  // Double submit: a cross-site page can make the browser send the cookie, never the header.
  const checkCsrf = (request: ApiRequest) => {
    const cookie = cookies(request).get('csrf') ?? '';
    const header = String(request.headers['x-csrf-token'] ?? '');
    if (cookie.length < 16 || cookie.length !== header.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))) throw new ApiError(403, 'csrf', 'The CSRF token is missing or does not match.');
  };
  const etag = (note: Note) => `"${note.id}-${note.version}"`;
  const own = (userId: string, rawId: string): Note => {
    const note = notes.get(decodeURIComponent(rawId));
    if (!note || note.ownerId !== userId) throw new ApiError(404, 'not_found', 'No such note.');
    return note;
  };
  const jsonBody = (request: ApiRequest, mediaType: string, path: string): Json => {
    requireContentType(request, mediaType);
    const value = parseJson(request.body);
    validate.body(path, request.method, mediaType, value);
    return value as Json;
  };

  const signIn = (request: ApiRequest): ApiAnswer => {
    const input = jsonBody(request, 'application/json', '/session');
    const email = String(input.email).toLowerCase();
    const now = Date.now();
    const recent = (failures.get(email) ?? []).filter((at) => now - at < 15 * 60_000);
    failures.set(email, recent);
    const rate = { 'RateLimit-Limit': '5', 'RateLimit-Remaining': String(Math.max(0, 5 - recent.length)) };
    if (recent.length >= 5) throw new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins; try again later.', { ...rate, 'Retry-After': '900' });
    const matches = timingSafeEqual(hash(String(input.password)), hashes.get(email) ?? decoy) && hashes.has(email);
    if (!matches) {
      recent.push(now);
      throw new ApiError(401, 'invalid_credentials', 'The e-mail address or password is incorrect.', { ...rate, 'RateLimit-Remaining': String(Math.max(0, 5 - recent.length)) });
    }
    const user = NOTES_USERS.find((candidate) => candidate.email === email)!;
    const sid = randomBytes(24).toString('base64url');
    sessions.set(sid, { userId: user.id, expiresAt: now + 3600_000 });
    return { status: 200, body: { id: user.id, email: user.email, displayName: user.displayName }, headers: { 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600` } };
  };

  const route = (request: ApiRequest): ApiAnswer => {
    const { method, path, url } = request;
    if (path === '/openapi.json' && method === 'get') return { status: 200, body: description };
    throttle(request);
    if (path === '/session' && method === 'post') return signIn(request);
    if (path === '/session' && method === 'delete') {
      signedIn(request);
      checkCsrf(request);
      sessions.delete(cookies(request).get('sid')!);
      return { status: 204, headers: { 'Set-Cookie': 'sid=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0' } };
    }
    if (path === '/password-resets' && method === 'post') {
      jsonBody(request, 'application/json', path);
      // The same answer whether or not the address is registered; the e-mail goes out in the background.
      return { status: 202 };
    }
    if (path === '/me' && method === 'get') {
      const user = NOTES_USERS.find((candidate) => candidate.id === signedIn(request))!;
      return { status: 200, body: { id: user.id, email: user.email, displayName: user.displayName } };
    }
    if (path === '/notes' && method === 'get') {
      const userId = signedIn(request);
      const query = validate.query(path, method, url);
      const mine = [...notes.values()].filter((note) => note.ownerId === userId).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      let start = 0;
      if (query.cursor !== undefined) {
        const after = /^[A-Za-z0-9_-]+$/.test(String(query.cursor)) ? Buffer.from(String(query.cursor), 'base64url').toString('utf8') : '';
        start = mine.findIndex((note) => note.id === after) + 1;
        if (start === 0) throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API gave out.');
      }
      const page = mine.slice(start, start + Number(query.limit ?? 20));
      const more = start + page.length < mine.length;
      return { status: 200, body: { items: page, nextCursor: more ? Buffer.from(page[page.length - 1]!.id).toString('base64url') : null } };
    }
    if (path === '/notes' && method === 'post') {
      const userId = signedIn(request);
      checkCsrf(request);
      const input = jsonBody(request, 'application/json', path);
      const now = new Date().toISOString();
      // Only the writable fields are taken; read-only ones and unknown ones are ignored.
      const note: Note = { id: `n_${randomBytes(6).toString('hex')}`, ownerId: userId, title: String(input.title), body: typeof input.body === 'string' ? input.body : '', tags: Array.isArray(input.tags) ? (input.tags as string[]) : [], pinned: input.pinned === true, createdAt: now, updatedAt: now, version: 1 };
      notes.set(note.id, note);
      return { status: 201, body: note, headers: { ETag: etag(note), Location: `/notes/${note.id}` } };
    }
    const noteId = /^\/notes\/([^/]+)$/.exec(path)?.[1];
    if (noteId !== undefined && method === 'get') {
      const note = own(signedIn(request), noteId);
      return { status: 200, body: note, headers: { ETag: etag(note) } };
    }
    if (noteId !== undefined && method === 'patch') {
      const userId = signedIn(request);
      checkCsrf(request);
      const note = own(userId, noteId);
      const match = request.headers['if-match'];
      if (match === undefined) throw new ApiError(428, 'precondition_required', 'Send If-Match with the ETag you last read.');
      if (match !== etag(note)) throw new ApiError(412, 'precondition_failed', 'The note changed since you read it.');
      const input = jsonBody(request, 'application/merge-patch+json', '/notes/{noteId}');
      for (const key of ['title', 'body', 'tags', 'pinned'] as const) if (input[key] !== undefined) (note as unknown as Json)[key] = input[key];
      note.version++;
      note.updatedAt = new Date().toISOString();
      return { status: 200, body: note, headers: { ETag: etag(note) } };
    }
    if (noteId !== undefined && method === 'delete') {
      const userId = signedIn(request);
      checkCsrf(request);
      notes.delete(own(userId, noteId).id);
      return { status: 204 };
    }
    throw new ApiError(404, 'not_found', 'No such resource.');
  };

  return startSecureApi({ description, route, errorStyle: 'problem' });
}
