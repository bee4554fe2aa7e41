import * as fs from 'node:fs';
import { DatasetFileError } from './dataset.types';

/** Reads a whole file, turning a missing file into a DatasetFileError naming it. */
export function readDataFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DatasetFileError(file, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(e)})`);
  }
}

/** Checks that a file holds a whole number of fixed-size records; returns the count. */
export function recordCount(file: string, bytes: number, recordBytes: number): number {
  if (bytes === 0) throw new DatasetFileError(file, 'file is empty');
  if (bytes % recordBytes !== 0) {
    throw new DatasetFileError(
      file,
      `truncated or wrong format: ${bytes} bytes is not a multiple of the ${recordBytes}-byte record size`,
    );
  }
  return bytes / recordBytes;
}
