import anyAscii from 'any-ascii';

/**
 * A name or title as part of a document's file name: ASCII only (any-ascii romanises it, so
 * "Nguyễn Thị Hương" gives "nguyen-thi-huong"), lower case, words joined by hyphens, at most
 * 60 characters; '' when nothing is left (the caller then names the file otherwise).
 */
export const fileNamePart = (text: string): string =>
  anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
