/**
 * Hands a CSV to the browser as a download: a Blob behind a temporary `<a download>`. Works in a
 * browser and in Electron (which asks where to save it). A byte-order mark is added when missing,
 * so spreadsheet programs read æ, ø and å as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const text = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
