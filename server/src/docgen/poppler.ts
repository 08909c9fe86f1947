import { spawnSync } from 'node:child_process';

let checked: string | null | undefined;

/** Null when poppler's pdftotext and pdffonts run here; otherwise why the PDF text tests are skipped. */
export const popplerMissingReason = (): string | null => {
  if (checked === undefined) {
    const missing = ['pdftotext', 'pdffonts'].filter((tool) => {
      const result = spawnSync(tool, ['-v'], { encoding: 'utf8' });

      return Boolean(result.error) || result.status !== 0;
    });
    checked =
      missing.length > 0
        ? `poppler is not installed (${missing.join(', ')} not found); install it with \`apt-get install -y poppler-utils\``
        : null;
  }

  return checked;
};
