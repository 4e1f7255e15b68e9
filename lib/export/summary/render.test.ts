import { describe, expect, it } from 'vitest';
import { renderCsv, CSV_COLUMNS } from './csv';
import { renderJson } from './json';
import { markdownText, markdownUrl, renderMarkdown } from './markdown';
import { fixtureSummary } from './test-fixture';

/** Intl puts a narrow no-break space before AM/PM on newer ICU: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const ACME = '[Acme \\| Big \\*deal\\* second line](https://crm.example/deals/1?x=%281%29)';

describe('renderMarkdown', () => {
  it('writes the small fixture as expected, every figure worded by hand here', () => {
    const lines = plain(renderMarkdown(fixtureSummary(), 'en')).split('\n');
    expect(lines.slice(0, 37)).toEqual([
      '**Weekly summary · Ann Lee · Week of Jun 5, 2017 – Jun 11, 2017**', // dates, never the ISO week code
      '_Open deals and deals at risk as of Jun 11, 2017, 11:59 PM (UTC). Amounts in USD._', // at the end of the week
      '',
      '**Activities**',
      '- Calls: 45 of 50 (at risk) · last week 40 (+12.5%)',
      '- Emails: 30 · last week 0', // no target; no change from 0
      '- Meetings: 6 of 5 (on track) · last week 8 (-25%)',
      '- Demos booked: 2 · last week 1 (+100%)',
      '- Calls + emails + meetings: 81 of 55 (on track) · last week 48 (+68.8%)',
      // Bars scaled to the busiest day (30): ⌊10/30 × 7⌋ = 2 ▃, ⌊20/30 × 7⌋ = 4 ▅, ⌊15/30 × 7⌋ = 3 ▄, 7 █, ⌊6/30 × 7⌋ = 1 ▂.
      '- Activities per day: Mon 10 ▃ · Tue 20 ▅ · Wed 15 ▄ · Thu 30 █ · Fri 6 ▂ · Sat 0 · Sun 0',
      '',
      '**Deals**',
      '- Created: 3 ($15,000) · last week 2 (+50%)', // 1,500,000 cents
      '- Won: 1 ($12,000) · last week 0',
      '- Lost: 1 · last week 1 (0%)',
      '- Win rate: 50% · last week 0% (+50 pp)', // a rate changes in percentage points
      '',
      '**Quota**',
      '- This week: 51% of the week’s share of the quota ($12,000 of $23,333) (off track) · last week 0%', // 51.4 % shown whole; 2,333,333 cents
      '- June 2017 to date: $40,000 of $100,000 (40%); a straight line would be at 37%; pace 109% (on track); projected $109,091 by the month’s end',
      '',
      '**Pipeline change**',
      '- New: 1 deal, $25,000',
      `  - ${ACME} · $25,000`,
      '- Advanced: 1 deal, $25,000',
      `  - ${ACME} · $25,000 · Demo → Proposal`,
      '- Slipped: 1 deal, $0, 1 without an amount',
      // Not a link: its URL is not http(s).
      '  - =HYPERLINK("http://evil") · — · expected to close this week, still open',
      '- Won: 1 deal, $12,000',
      '- Lost: 0 deals, $0',
      '- Open pipeline now: 4 deals, $50,000 (weighted $20,000)',
      '',
      '**Top open deals**',
      `1. ${ACME} · $25,000 · Proposal · closes Jun 20, 2017`,
      '2. =HYPERLINK("http://evil") · —',
      '',
      '**Deals at risk** (1 deal, $25,000)',
    ]);
    expect(lines.slice(37, 41)).toEqual([
      `- ${ACME} · $25,000 · no activity for 21 days; expected to close 1 day ago`,
      '',
      '_2 records left out of some figures: no exchange rate for EUR_',
      '',
    ]);
    expect(lines[41]).toMatch(/^_How the pipeline change is counted: New: deals created during the week\. Advanced: .* Slipped: .* Won \/ lost: .*_$/);
    expect(lines.slice(42)).toEqual(['']);
  });

  it('says when the week is still running and when a rate rests on too few deals, in English and Russian', () => {
    const summary = fixtureSummary();
    const section = summary.sections[0]!;
    const running: typeof summary = {
      ...summary,
      week: { ...summary.week, partial: true, comparison: { start: summary.week.previous.start, end: Date.UTC(2017, 5, 7, 10) + 1 } },
      asOf: Date.UTC(2017, 5, 14, 10),
      openAt: Date.UTC(2017, 5, 14, 10),
      sections: [{ ...section, deals: { ...section.deals!, winRate: { value: 50, previous: 0, change: 50, closed: 2, lowSample: true } } }],
    };
    const en = plain(renderMarkdown(running, 'en'));
    expect(en).toContain('_The week is still running: its figures go to Jun 14, 2017, 10:00 AM, and last week’s to the same point of last week._');
    expect(en).toContain('- Created: 3 ($15,000) · last week to the same point 2 (+50%)');
    // 2 closed deals: no trend in points, and the reason why
    expect(en).toContain('- Win rate: 50% · last week to the same point 0% _(only 2 deals closed: too few for a trend)_');
    const ru = plain(renderMarkdown(running, 'ru'));
    expect(ru).toContain('прошлая неделя к тому же моменту');
    expect(ru).toContain('закрыто всего 2 сделки: слишком мало для тренда');
  });

  it('speaks Russian with its plural forms', () => {
    const text = plain(renderMarkdown(fixtureSummary(), 'ru'));
    expect(text).toContain('**Недельная сводка · Ann Lee · Неделя 5 июн. 2017 г. – 11 июн. 2017 г.**');
    expect(text).toContain('- Звонки: 45 из 50 (под угрозой) · прошлая неделя 40 (+12,5 %)');
    expect(text).toContain('- Новые: 1 сделка, 25 000 $');
    expect(text).toContain('- Проиграны: 0 сделок, 0 $');
    expect(text).toContain('нет активности 21 день; срок закрытия прошёл 1 день назад');
    expect(text).toContain('_2 записи не вошли в некоторые показатели: no exchange rate for EUR_');
  });

  it('gives each rep a heading in a team summary and says who is hidden', () => {
    const summary = fixtureSummary();
    const rep = summary.sections[0]!;
    summary.audience = { kind: 'team', name: 'North *Team*' };
    summary.sections = [{ ...rep, key: 'team', kind: 'team', name: 'North *Team*' }, rep];
    summary.hiddenPeers = 2;
    const text = plain(renderMarkdown(summary, 'en'));
    expect(text.startsWith('**Weekly summary · North \\*Team\\* · Week of Jun 5, 2017')).toBe(true);
    expect(text).toContain('\n### North \\*Team\\*\n');
    expect(text).toContain('\n### Ann Lee\n');
    // Team sections name each deal's owner.
    expect(text).toContain(`1. ${ACME} · $25,000 · Ann Lee · Proposal · closes Jun 20, 2017`);
    expect(text).toContain('_The numbers of 2 other reps are private: peers’ numbers are off in this browser._');
  });

  it('says when a move needs stage history and when data is missing', () => {
    const summary = fixtureSummary();
    const section = summary.sections[0]!;
    section.pipeline!.moves[1] = { move: 'advanced', available: false, count: 0, amount: 0, withoutAmount: 0, deals: [] };
    section.activities = null;
    section.quota = { status: 'none', reason: 'no quota' };
    const text = renderMarkdown(summary, 'en');
    expect(text).toContain('- Advanced: — (needs stage history)');
    expect(text).toContain('**Activities**\n- No activities in the data.\n');
    expect(text).toContain('**Quota**\n- No quota covers this week.\n');
  });
});

describe('Markdown escaping of CRM text', () => {
  it('keeps titles on one line and inert', () => {
    expect(markdownText('A | B\nC\r\nD\tE')).toBe('A \\| B C D E');
    expect(markdownText('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(markdownText('<img src=x onerror=alert(1)> & *bold* _it_ `code` ~strike~ # h')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\& \\*bold\\* \\_it\\_ \\`code\\` \\~strike\\~ \\# h',
    );
    expect(markdownText('back\\slash')).toBe('back\\\\slash');
  });

  it('links only http(s) URLs, with brackets and spaces encoded', () => {
    expect(markdownUrl('https://crm.example/a b/(c)')).toBe('https://crm.example/a%20b/%28c%29');
    expect(markdownUrl('javascript:alert(1)')).toBeUndefined();
    expect(markdownUrl('data:text/html,hi')).toBeUndefined();
    expect(markdownUrl('not a url')).toBeUndefined();
    expect(markdownUrl(undefined)).toBeUndefined();
  });
});

describe('renderCsv', () => {
  const rows = renderCsv(fixtureSummary(), 'en').split('\r\n');

  it('has the documented columns and one row per figure, money in major units', () => {
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toContain('Ann Lee,activities,call,Calls,45,40,12.5,50,at-risk,count,,');
    expect(rows).toContain('Ann Lee,deals,created_amount,Created,15000,8000,,,,USD,,'); // 1,500,000 and 800,000 cents
    expect(rows).toContain('Ann Lee,quota,week_sales,,12000,,,23333.33,,USD,,'); // 2,333,333 cents
    expect(rows).toContain('Ann Lee,per_day,2017-06-08,Thu,30,,,,,count,"call 30; email 0; meeting 0; other 0",'); // quoted: a ";" reader keeps it whole
    expect(rows[rows.length - 1]).toBe(''); // ends with CRLF
  });

  it('quotes titles with line breaks and separators, and defuses formulas', () => {
    const text = renderCsv(fixtureSummary(), 'en');
    expect(text).toContain(
      'Ann Lee,top_open,d1,"Acme | Big *deal*\nsecond line",25000,,,,,USD,"Ann Lee; Proposal; closes Jun 20, 2017",https://crm.example/deals/1?x=(1)\r\n',
    );
    // The formula is text, and the javascript: link is dropped.
    expect(text).toContain('Ann Lee,top_open,d2,"\'=HYPERLINK(""http://evil"")",,,,,,USD,Ann Lee,\r\n');
  });

  it('guards every cell a spreadsheet would run, for a "," and a ";" reader (the rule is tested in ../csv.test.ts)', () => {
    const summary = fixtureSummary();
    const deal = summary.sections[0]!.topOpen[0]!;
    const text = renderCsv({ ...summary, sections: [{ ...summary.sections[0]!, topOpen: [{ ...deal, title: 'x;=1+1', owner: '-Ann' }] }] }, 'en');
    expect(text).toContain(`top_open,d1,"x;'=1+1",25000,,,,,USD,"'-Ann; Proposal; closes Jun 20, 2017"`);
  });
});

describe('renderJson', () => {
  it('is the summary itself with its units and definitions', () => {
    const summary = fixtureSummary();
    const parsed = JSON.parse(renderJson(summary));
    expect(parsed.sections).toEqual(JSON.parse(JSON.stringify(summary.sections)));
    expect(parsed.units.money).toBe('integer minor units of USD');
    expect(Object.keys(parsed.definitions)).toEqual(['new', 'advanced', 'slipped', 'won', 'lost']);
  });
});
