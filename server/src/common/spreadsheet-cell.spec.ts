import { fromSpreadsheetCell, spreadsheetSafe } from './spreadsheet-cell';

describe('spreadsheetSafe (OWASP CSV injection)', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(spreadsheetSafe(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text and plain numbers alone', () => {
    for (const value of ['王五', 'a=b', '-12.50', '+86', '100', '', 'MC2026'])
      expect(spreadsheetSafe(value)).toBe(value);
  });

  it('reading back removes only the apostrophe it added', () => {
    expect(fromSpreadsheetCell(spreadsheetSafe('-A1'))).toBe('-A1');
    expect(fromSpreadsheetCell("'quoted")).toBe("'quoted");
  });
});
