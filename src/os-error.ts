/**
 * What the operating system said, in both languages: Node's error messages
 * are English only (`ENOENT: no such file or directory, open 'x.csv'`), so a
 * Chinese sentence that appended one read half in English. The error's code
 * (`ENOENT`, `EACCES`, …) is translated here; an error without a code we
 * know keeps Node's words, without the code prefix and the repeated path.
 */
import type { Bilingual } from './errors.js';

const TEXTS: Readonly<Record<string, Bilingual>> = {
  ENOENT: { en: 'no such file or directory', zh: '文件或文件夹不存在' },
  EACCES: { en: 'permission denied', zh: '没有访问权限' },
  EPERM: { en: 'operation not permitted', zh: '不允许此操作' },
  EISDIR: { en: 'is a directory, not a file', zh: '是文件夹，不是文件' },
  ENOTDIR: { en: 'a part of the path is not a directory', zh: '路径中有一部分不是文件夹' },
  EMFILE: { en: 'too many open files in this process', zh: '本进程打开的文件过多' },
  ENFILE: { en: 'too many open files in the system', zh: '系统打开的文件过多' },
  ENOSPC: { en: 'no space left on the device', zh: '磁盘空间不足' },
  EDQUOT: { en: 'disk quota exceeded', zh: '超出磁盘配额' },
  EROFS: { en: 'read-only file system', zh: '文件系统是只读的' },
  EEXIST: { en: 'the file already exists', zh: '文件已存在' },
  EBUSY: { en: 'the file is busy or locked', zh: '文件正被占用或已锁定' },
  ELOOP: { en: 'too many levels of symbolic links', zh: '符号链接层级过多（可能循环）' },
  ENAMETOOLONG: { en: 'the file name is too long', zh: '文件名过长' },
  EXDEV: { en: 'cannot move a file across devices', zh: '不能跨设备移动文件' },
  EIO: { en: 'input/output error', zh: '输入输出错误' },
  ETXTBSY: { en: 'the file is busy', zh: '文件正被使用' },
  EINVAL: { en: 'invalid argument', zh: '参数无效' },
  EPIPE: { en: 'the reader closed the pipe', zh: '读取方已关闭管道' },
  ENXIO: { en: 'no reader on the other end (a FIFO nobody reads) or no such device', zh: '另一端没有读取方（无人读取的管道）或设备不存在' },
  EAGAIN: { en: 'the resource is temporarily unavailable', zh: '资源暂时不可用' },
};

/** The codes translated here (for tests). */
export const OS_ERROR_CODES: readonly string[] = Object.keys(TEXTS);

/** An error thrown by the file system (or anything else) as a message in both languages. */
export function osErrorText(e: unknown): Bilingual {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof (e).code === 'string' ? (e as { code: string }).code : undefined;
  const known = code === undefined ? undefined : TEXTS[code];
  if (known) return known;
  const raw = e instanceof Error ? e.message : String(e);
  // `EFOO: words, open '/path'` → `words`: the path is named by the message around it
  const words = raw.replace(/^[A-Z]+: /, '').replace(/, (open|stat|lstat|read|write|rename|scandir|mkdir|unlink|realpath|copyfile) '.*'$/, '');
  return { en: words, zh: code === undefined ? words : `系统错误 ${code}：${words}` };
}
