/** Why a file or stream cannot be written, in words, from the system error's code. */
const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder',
  EEXIST: 'a parent is a file, not a folder',
  ENOTDIR: 'a parent is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder cannot be created here',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error',
};

export function whyUnwritable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? REASONS[code] : undefined) ?? (error as Error).message;
}
