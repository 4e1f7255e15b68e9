import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { importCsv } from './import-csv';
import { FormatError, type ImportOptions, type ImportResult } from './types';

/**
 * Every amount and date format the reader knows, one column at a time: the
 * values as an export writes them, what they are read as, and why (the
 * `basis` of the column's reading). A column its values leave open is read
 * by the options, the file's other columns or the export's locale, else
 * refused; it is never read one way by chance.
 */
const BASE: ImportOptions = { source: 'csv:formats', timeZone: 'UTC', importedAt: 1, currency: 'EUR' };
const day = (date: string, zone = 'UTC') => localDateToInstant(date, zone);

async function read(csv: string, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importCsv(csv, { ...BASE, ...options });
}

/** A deals file with one amount column (and any other columns given), one open deal per value. */
const amounts = (values: readonly string[], extra: { header: string; values: readonly string[] } = { header: 'Note', values: [] }) =>
  `Title;Stage;Amount;${extra.header}\n${values.map((value, i) => `D${i};Negotiation;${value};${extra.values[i] ?? ''}`).join('\n')}\n`;

describe('amount columns: the reading and the reason', () => {
  it.each([
    // values                                  minor units (EUR cents)           basis      why
    [['1.000 €', '2.500,00 €'], [100_000, 250_000], 'values'], // "2.500,00" fits a comma decimal only, so "1.000" is a thousand
    [['$1,000.50', '$20'], [100_050, 2_000], 'values'], // "1,000.50" fits a dot decimal only
    [['2 000,00', '300'], [200_000, 30_000], 'values'], // space grouping, comma decimal
    [['2\u00a0000,00', '1\u00a0234,56'], [200_000, 123_456], 'values'], // no-break space grouping (ru)
    [['1\u202f234,56 €', '12,50 €'], [123_456, 1_250], 'values'], // narrow no-break space grouping (fr)
    [['3.000,00', '1.234.567,89'], [300_000, 123_456_789], 'values'], // dot grouping (de)
    [["1'234.50", "CHF-1'000.25"], [123_450, -100_025], 'values'], // apostrophe grouping, sign after the code (de-CH)
    [['1’234.50'], [123_450], 'values'], // typographic apostrophe (newer ICU's de-CH)
    [['12,34,567.50', '₹1,23,456'], [1_234_567_50, 12_345_600], 'values'], // Indian lakh grouping
    [['(300.00)', '1,200.00'], [-30_000, 120_000], 'values'], // accounting negative
    [['300-', '1,5'], [-30_000, 150], 'values'], // trailing minus; "1,5" fits a comma decimal only
    [['-1.234,56 €', 'EUR 12,00'], [-123_456, 1_200], 'values'], // sign before, code before
    [['0.5', '12'], [50, 1_200], 'values'], // "0.5" cannot be grouping (no group starts with 0)
    [['1.000.000'], [100_000_000], 'values'], // a repeated dot groups: a million
    [['1234', '5 000', '7'], [123_400, 500_000, 700], 'unneeded'], // no value depends on the decimal mark
  ] as const)('%j → %j (%s)', async (values, minor, basis) => {
    const result = await read(amounts(values));
    expect(result.records.deals.map((deal) => deal.amount?.minor)).toEqual(minor);
    expect(result.formats.find((format) => format.header === 'Amount')?.basis).toBe(basis);
    expect(result.rejectCount).toBe(0);
  });

  it.each([
    // values, options / other columns                                         minor units      basis     why
    [['1.000', '2.000'], { numberLocale: 'de' }, undefined, [100_000, 200_000], 'option'], // --number-locale de: comma decimal
    [['1.000', '2.000'], { numberLocale: 'en' }, undefined, [100, 200], 'option'], // --number-locale en: dot decimal
    [['1.000'], {}, { header: 'Expected revenue', values: ['1.234,50'] }, [100_000], 'file'], // another amount column of the file decides
    [['1.000'], {}, { header: 'Close Date', values: ['12/25/2017'] }, [100], 'file'], // month-first dates are only written where the dot is decimal
    [['1,000'], { locale: 'de-DE' }, undefined, [100], 'locale'], // the page's language (table reader): de writes 1,000 for one
  ] as const)('%j with %j and %j → %j (%s)', async (values, options, extra, minor, basis) => {
    const result = await read(amounts(values, extra), options);
    expect(result.records.deals.map((deal) => deal.amount?.minor)).toEqual(minor);
    expect(result.formats.find((format) => format.header === 'Amount')?.basis).toBe(basis);
  });

  it("reads open columns in the locale of a CRM's Russian export (amoCRM), and of a preset the user names", async () => {
    const amo = await read('ID;Название сделки;Бюджет;Ответственный;Этап сделки;Дата создания сделки\n1;A;1.000;Анна;Переговоры;05.06.2017\n');
    expect([amo.preset, amo.records.deals[0]?.amount?.minor]).toEqual(['amocrm', 100_000]);
    expect(amo.formats.find((format) => format.header === 'Бюджет')).toMatchObject({ basis: 'locale', from: 'amoCRM (Kommo), Russian headers (ru-RU)' });
    const named = await read('Opportunity Name,Stage,Amount,Close Date\nA,Prospecting,1.000,05/06/2017\n', { preset: 'salesforce' });
    expect(named.records.deals[0]).toMatchObject({ amount: { minor: 100 }, expectedCloseAt: day('2017-05-06') });
  });

  it("takes no locale from a preset found only by common headers (Stage, Amount and Close Date are also Salesforce's)", async () => {
    const error = await read('Title,Stage,Amount,Close Date\nA,Prospecting,1.000,05/06/2017\n').catch((caught: unknown) => caught);
    expect((error as FormatError).formats.map((format) => format.header)).toEqual(['Amount', 'Close Date']);
  });

  it.each([
    // values                         refusal names                                    why
    [['1.000', '2.000'], /"1\.000" is 1\.000 \(1,234\.56\) or 1000 \(1\.234,56\).*--number-locale en or --number-locale de/], // nothing tells: refused, the choice named
    [['1,234'], /"1,234" is 1234 \(1,234\.56\) or 1\.234 \(1\.234,56\)/], // one value, two readings
    [['1,234.56', '1.234,56'], /mixes two number formats \("1,234\.56" and "1\.234,56"\)/], // two styles in one column
  ] as const)('%j is refused: %s', async (values, message) => {
    const error = await read(amounts(values)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toMatch(message);
    expect((error as FormatError).formats.map((format) => format.header)).toEqual(['Amount']);
  });

  it('reads the refused column once the choice is made for it alone, rejecting rows of the other style', async () => {
    const csv = amounts(['1,234.56', '1.234,56', '99']);
    const result = await read(csv, { formats: { 2: ',' } });
    expect(result.records.deals.map((deal) => deal.amount?.minor)).toEqual([123_456, 9_900]);
    expect(result.rejects).toEqual([{ line: 2, code: 'amount', reason: 'column "Amount": "1,234.56" is not written like the rest of its column (1.234,56)' }]);
  });

  it('reads a negative amount as negative, and rejects a negative won amount: a refund is not a sale', async () => {
    const result = await read('Title,Stage,Amount\nRefund,Won,(300.00)\nCredit,Lost,-1500.00\n');
    expect(result.records.deals.map((deal) => [deal.title, deal.amount?.minor])).toEqual([['Credit', -150_000]]);
    expect(result.rejects).toEqual([{ line: 2, code: 'negative-won', reason: 'a won deal with a negative amount (-300 EUR): a refund is not a sale' }]);
  });
});

/** A deals file with one date column (and any other columns given). */
const dates = (values: readonly string[], extra: { header: string; values: readonly string[] } = { header: 'Note', values: [] }) =>
  `Title;Stage;Close Date;${extra.header}\n${values.map((value, i) => `D${i};Won;${value};${extra.values[i] ?? ''}`).join('\n')}\n`;

describe('date columns: the reading and the reason', () => {
  it.each([
    // values                                    read as (UTC)                                        basis       why
    [['05/06/2017', '25/06/2017'], [day('2017-06-05'), day('2017-06-25')], 'values'], // a first field over 12: day first
    [['05/06/2017', '06/25/2017'], [day('2017-05-06'), day('2017-06-25')], 'values'], // a second field over 12: month first
    [['05.06.2017', '06.07.2017'], [day('2017-06-05'), day('2017-07-06')], 'values'], // dotted dates are day first
    [['05/05/2017', '07/07/2017'], [day('2017-05-05'), day('2017-07-07')], 'unneeded'], // either order reads the same days
    [['2017-06-30T14:05:00+03:00', '2017-06-30'], [Date.UTC(2017, 5, 30, 11, 5), day('2017-06-30')], 'unneeded'], // ISO: the offset keeps the instant
    [['2017/06/30', '20170701'], [day('2017-06-30'), day('2017-07-01')], 'unneeded'], // year first: one reading only
  ] as const)('%j → %j (%s)', async (values, instants, basis) => {
    const result = await read(dates(values));
    expect(result.records.deals.map((deal) => deal.closedAt)).toEqual(instants);
    expect(result.formats.find((format) => format.header === 'Close Date')?.basis).toBe(basis);
  });

  it.each([
    // values, options / other columns                                           read as               basis     why
    [['05/06/2017'], { dateOrder: 'dmy' }, undefined, [day('2017-06-05')], 'option'], // --date-order dmy
    [['05/06/2017'], { dateOrder: 'mdy' }, undefined, [day('2017-05-06')], 'option'], // --date-order mdy
    [['03/06/17'], { dateOrder: 'ymd' }, undefined, [day('2003-06-17')], 'option'], // --date-order ymd, two-digit years
    [['05/06/2017'], {}, { header: 'Created', values: ['25/05/2017'] }, [day('2017-06-05')], 'file'], // another date column of the file is day first
    [['05/06/2017'], {}, { header: 'Amount', values: ['1.234,50'] }, [day('2017-06-05')], 'file'], // a comma decimal: no such locale writes month first
    [['05/06/2017'], { locale: 'en-US' }, undefined, [day('2017-05-06')], 'locale'], // the page's language
  ] as const)('%j with %j and %j → %j (%s)', async (values, options, extra, instants, basis) => {
    const result = await read(dates(values, extra), options);
    expect(result.records.deals.map((deal) => deal.closedAt)).toEqual(instants);
    expect(result.formats.find((format) => format.header === 'Close Date')?.basis).toBe(basis);
  });

  it.each([
    [
      ['05/06/2017', '07/08/2017'],
      /column "Close Date": "05\/06\/2017" is 2017-06-05 \(day first.*\) or 2017-05-06 \(month first.*\).*choose with --date-order dmy or --date-order mdy/,
    ],
    [
      ['13/05/2017', '05/13/2017'],
      /column "Close Date" mixes two date formats \("05\/13\/2017" and "13\/05\/2017"\): choose one \(--date-order dmy or --date-order mdy\)/,
    ],
  ] as const)('%j is refused: %s', async (values, message) => {
    await expect(read(dates(values))).rejects.toThrow(message);
  });

  it('reads a column of Excel serial days (1900 count by default, 1904 on request), and says so', async () => {
    const csv = dates(['42917', '42918.5']);
    const result = await read(csv);
    expect(result.records.deals.map((deal) => deal.closedAt)).toEqual([Date.UTC(2017, 6, 1), Date.UTC(2017, 6, 2, 12)]);
    expect(result.formats[0]).toMatchObject({ header: 'Close Date', reading: 'excel1900', basis: 'values' });
    expect(result.warnings.find((warning) => warning.code === 'excel-serial-dates')?.message).toBe(
      'column "Close Date" holds Excel serial days, read in the 1900 count (45444 is 2024-06-01); if the workbook used the 1904 count, read it so (--excel-1904)',
    );
    const mac = await read(csv, { excelEpoch: 1904 });
    expect(mac.records.deals[0]?.closedAt).toBe(Date.UTC(2021, 6, 2)); // 1,462 days later
  });

  it('reads words meaning "no date" as an empty date, not a reject', async () => {
    const result = await read('Title;Stage;Close Date\nA;Переговоры;не закрыта\nB;Talking;not closed\nC;Talking;-\nD;Won;20.06.2017\n');
    expect(result.rejectCount).toBe(0);
    expect(result.records.deals.map((deal) => deal.closedAt ?? deal.expectedCloseAt)).toEqual([undefined, undefined, undefined, day('2017-06-20')]);
  });

  it('never takes a Y/N or a numeric column for a date, whatever its header says', async () => {
    // `Opened` (Bitrix24's OPENED is Y/N) and `Created` holding ids would be the created date by name.
    const result = await read('Title;Stage;Opened;Created;Date created\nA;Won;Y;17;2017-06-01\nB;Lost;N;18;2017-06-02\n');
    expect(result.columns.createdAt).toBe('Date created');
    expect(result.records.deals.map((deal) => deal.createdAt)).toEqual([day('2017-06-01'), day('2017-06-02')]);
  });

  it('reads date-times with an offset at their instant, whatever the zone of the import', async () => {
    const result = await read(dates(['2017-06-30T23:30:00-05:00']), { timeZone: 'Asia/Tokyo' });
    expect(result.records.deals[0]?.closedAt).toBe(Date.UTC(2017, 6, 1, 4, 30));
  });
});
