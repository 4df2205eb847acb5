import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn, timeColumn } from './columns';
import { findRows, insertRow, insertRows, updateRows } from './rows';

@Entity('parcel')
class Parcel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column(jsonColumn())
  labels: string[];

  @Column(timeColumn({ nullable: true }))
  sentAt: Date | null;
}

describe('hot-path rows by entity metadata', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Parcel] }).initialize();
    await db.query(
      'CREATE TABLE parcel (id integer PRIMARY KEY AUTOINCREMENT, state varchar(16) NOT NULL, labels text NOT NULL, sentAt datetime(3))',
    );
  });
  afterAll(() => db.destroy());

  it('inserts rows with consecutive ids and reads them back with their JSON and times converted', async () => {
    const sentAt = new Date('2026-12-07T08:00:00.123Z');
    const first = await insertRows(db.manager, Parcel, [
      { state: 'NEW', labels: ['易碎'], sentAt: null },
      { state: 'SENT', labels: [], sentAt },
    ]);
    const rows = await findRows(db.manager, Parcel, { id: [first, first + 1] });
    expect(rows.map((row) => [row.state, row.labels, row.sentAt?.toISOString() ?? null])).toEqual([
      ['NEW', ['易碎'], null],
      ['SENT', [], sentAt.toISOString()],
    ]);
    expect(rows[0]).toBeInstanceOf(Parcel);
  });

  it('updates only the rows its filter matches, and says how many', async () => {
    const a = await insertRow(db.manager, Parcel, { state: 'NEW', labels: [] });
    const b = await insertRow(db.manager, Parcel, { state: 'LOST', labels: [] });
    expect(await updateRows(db.manager, Parcel, { id: [a, b], state: ['NEW', 'SENT'] }, { state: 'SENT' })).toBe(1);
    expect((await findRows(db.manager, Parcel, { id: b }))[0].state).toBe('LOST');
  });

  it('refuses a filter it cannot state exactly, rather than widen it', async () => {
    await expect(updateRows(db.manager, Parcel, { id: undefined }, { state: 'X' })).rejects.toThrow(/filter/);
    await expect(
      updateRows(db.manager, Parcel, { nope: 1 } as unknown as { id: number }, { state: 'X' }),
    ).rejects.toThrow(/filter/);
  });

  it('refuses rows of one INSERT that set different columns', async () => {
    await expect(
      insertRows(db.manager, Parcel, [
        { state: 'A', labels: [] },
        { state: 'B', labels: [], sentAt: new Date() },
      ]),
    ).rejects.toThrow(/same columns/);
  });
});
