import type { FinanceReport, FinanceReportRow } from '@member-commerce/shared';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { yuan } from './yuan';

const FIGURES: [keyof FinanceReportRow, string][] = [
  ['openingDeferredFen', '期初递延收入'],
  ['billedFen', '本期收款'],
  ['refundedFen', '本期退款'],
  ['recognisedFen', '本期确认收入'],
  ['recognisedGoodsFen', '其中：礼包商品'],
  ['recognisedServiceFen', '其中：会员服务'],
  ['closingDeferredFen', '期末递延收入'],
];

/** The monthly roll-forward as the server computed it; the summary row is the server's totals, not a browser sum. */
export function ReportTable({ report, loading }: { report?: FinanceReport; loading: boolean }) {
  const columns: ColumnsType<FinanceReportRow> = [
    { title: '月份', dataIndex: 'month', width: 100 },
    { title: '会员卡', dataIndex: 'tierName', width: 140 },
    ...FIGURES.map(([key, title]) => ({
      title,
      dataIndex: key,
      align: 'right' as const,
      render: (fen: number) => <span style={{ color: fen < 0 ? '#cf1322' : undefined }}>{yuan(fen)}</span>,
    })),
  ];
  return (
    <Table<FinanceReportRow>
      data-testid="finance-report"
      rowKey={(row) => `${row.month}-${row.tierId}`}
      size="small"
      columns={columns}
      dataSource={report?.rows ?? []}
      loading={loading}
      pagination={{ pageSize: 24, hideOnSinglePage: true }}
      summary={() =>
        report ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {FIGURES.map(([key], i) => (
                <Table.Summary.Cell key={key} index={i + 2} align="right">
                  <Typography.Text strong>{yuan(report.totals[key as keyof FinanceReport['totals']])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
