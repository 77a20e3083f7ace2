/** Writes `.br` and `.gz` beside each text file of `dir` (recursively); returns how many files were compressed. */
export function compressDir(dir: string): number;
