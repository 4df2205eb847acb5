import type { DashboardView } from '@member-commerce/shared';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const yuan = (fen: number) => Math.round(fen) / 100;

/** Membership revenue by month (billed net of refunds as bars, recognised as a line) beside product sales, in yuan. Its own lazy chunk. */
export default function RevenueChart({ months }: { months: DashboardView['revenueByMonth'] }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2 })}` },
      legend: { top: 0, left: 'center', data: ['会员费收款（扣除退款）', '会员费确认收入', '商品销售额'] },
      grid: { left: 80, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months.map((month) => month.month) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `¥${value.toLocaleString('zh-CN')}` } },
      series: [
        {
          name: '会员费收款（扣除退款）',
          type: 'bar',
          data: months.map((month) => yuan(month.billedFen)),
          itemStyle: { color: '#91caff' },
        },
        {
          name: '会员费确认收入',
          type: 'line',
          data: months.map((month) => yuan(month.recognisedFen)),
          itemStyle: { color: '#1677ff' },
          smooth: true,
        },
        { name: '商品销售额', type: 'bar', data: months.map((month) => yuan(month.productSalesFen)), itemStyle: { color: '#ffd591' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months]);

  return <div ref={element} data-testid="revenue-chart" style={{ width: '100%', height: 320 }} />;
}
