/** What each counted note means, in words a person fixing an export can act on. */
export function WARNING_TEXT(code: string, count: number, examples: readonly string[]): string {
  const e = examples.length ? ` (e.g. ${examples.map((example) => JSON.stringify(example)).join(', ')})` : '';
  switch (code) {
    case 'won-without-close-date':
      return `${count} won deals have no close date: they are imported, and KPIs that need a close date leave them out and count them`;
    case 'lost-without-close-date':
      return `${count} lost deals have no close date: they are imported, and KPIs that need a close date leave them out and count them`;
    case 'open-without-created-date':
      return `${count} open deals have no created date: they are imported as open deals`;
    case 'unknown-status':
      return `${count} rows have a status that is not won, lost or open${e}: imported as open deals; pass won/lost values if some of these mean won or lost`;
    case 'closed-unknown-outcome':
      return `${count} closed deals are in stages not known as won or lost${e}: read as lost; pass won values to mark the winning stages`;
    case 'unassigned-owner':
      return `${count} records have no owner: they belong to "Unassigned"`;
    case 'assumed-done':
      return `the file has no done/status column: its ${count} activities are taken as done`;
    case 'converted-without-date':
      return `${count} leads are converted but have no conversion date: the average conversion time leaves them out`;
    case 'status-from-stage':
      return `the file has no status column: ${count} deals were read as won or lost from their stage name`;
    case 'derived-rejected':
      return `${count} owners, products or customers named in the file could not be kept${e}`;
    default:
      return `${count} × ${code}${e}`;
  }
}
