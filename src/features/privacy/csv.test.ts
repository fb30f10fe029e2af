import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  test('quotes separators, quotes and line breaks', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "hallo"')).toBe('"zei ""hallo"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell(' spatie ')).toBe('" spatie "');
  });

  test('never lets a cell become a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe('"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('writes objects as JSON, nothing for null, and a header line', () => {
    expect(
      toCsv(
        ['at', 'changes', 'actor'],
        [{ at: '2026-01-01', changes: { status: ['nieuw', 'gesloten'] }, actor: null }],
      ),
    ).toBe('at,changes,actor\r\n2026-01-01,"{""status"":[""nieuw"",""gesloten""]}",\r\n');
  });
});
