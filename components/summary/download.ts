/** Saves text as a file through a temporary blob link: no downloads permission needed. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `kpi-lens-summary-2017-W23-sophie-walsh.csv`: safe on every file system. */
export function summaryFileName(week: string, who: string, extension: string): string {
  const slug = who
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `kpi-lens-summary-${week}${slug ? `-${slug}` : ''}.${extension}`;
}
