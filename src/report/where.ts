import { isDocumentLocation, type Location } from '../core/finding.js';
import { reportPath } from './paths.js';

/** Group name for findings that are about a running API rather than a file (stylish uses the same). */
export const API_GROUP = '(api)';

export interface Where {
  /** What findings are grouped by: the report path of the file, or the host of an operation. */
  group: string;
  /** Inside the group: `12:7` (line 1 when unknown) or `GET /users/{id}`. */
  position: string;
  /** Both, as a human reads it: `api/openapi.yaml:12:7` or `GET /users/{id}`. */
  label: string;
  file?: string;
  line?: number;
}

export function describeLocation(location: Location, cwd: string): Where {
  if (isDocumentLocation(location)) {
    const file = reportPath(location.file, cwd);
    const position = `${location.line ?? 1}:${location.column ?? 1}`;
    return { group: file, position, label: `${file}:${position}`, file, line: location.line };
  }
  const position = `${location.method.toUpperCase()} ${location.path}`;
  return { group: location.host ?? API_GROUP, position, label: location.host ? `${position} (${location.host})` : position };
}
