import type { PriceListPreview } from '@member-commerce/shared';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Popconfirm, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { applyPriceList, downloadPriceList, previewPriceList } from '../../api/price-list';
import { DownloadButton } from '../../components/download-button';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { PriceListPreviewTable } from './price-list-preview-table';

type Stage = 'pick' | 'reading' | 'checking' | 'preview' | 'applying' | 'done';

const STEP_OF: Record<Stage, number> = { pick: 0, reading: 1, checking: 1, preview: 1, applying: 2, done: 3 };

/** Import a price list file: preview every change and error, then apply exactly that, all or nothing. */
export default function PriceListPage() {
  const [stage, setStage] = useState<Stage>('pick');
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [preview, setPreview] = useState<PriceListPreview>();
  const [onlyChanges, setOnlyChanges] = useState(true);

  async function check(picked: File) {
    setPreview(undefined);
    setStage('reading');
    try {
      const csv = await picked.text();
      setFile({ name: picked.name, csv });
      setStage('checking');
      setPreview(await previewPriceList(csv));
      setStage('preview');
    } catch (e) {
      showError(e);
      setStage('pick');
    }
  }

  async function apply() {
    if (!file || !preview) return;
    setStage('applying');
    try {
      await applyPriceList(file.csv, preview.token);
      showSuccess('会员价已更新');
      setStage('done');
    } catch (e) {
      showError(e);
      setStage('preview');
    }
  }

  function restart() {
    setFile(undefined);
    setPreview(undefined);
    setStage('pick');
  }

  const rows = useMemo(
    () => (preview?.rows ?? []).filter((row) => !onlyChanges || row.errors.length || (row.change && row.change !== 'UNCHANGED')),
    [preview, onlyChanges],
  );
  const summary = preview?.summary;
  const changes = summary ? summary.added + summary.updated + summary.removed : 0;

  return (
    <>
      <PageHeader
        title="会员价表"
        extra={
          <DownloadButton download={downloadPriceList} fileName="price-list.csv">
            导出当前会员价表
          </DownloadButton>
        }
      >
        导出的文件每行是一个 SKU 在一张会员卡上的会员价（元，最多两位小数；留空表示按会员卡默认折扣）。在 Excel
        中修改后上传，先预览每一处变化，确认后一次性生效。
      </PageHeader>
      <Card>
        <Steps
          size="small"
          current={STEP_OF[stage]}
          style={{ maxWidth: 720, marginBottom: 24 }}
          items={[{ title: '选择文件' }, { title: '预览变化' }, { title: '应用' }, { title: '完成' }]}
        />
        {stage === 'pick' ? (
          <Upload.Dragger
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(picked) => {
              void check(picked);
              return false;
            }}
            data-testid="price-list-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 CSV 文件</p>
            <p className="ant-upload-hint">格式与“导出当前会员价表”相同，UTF-8 编码（Excel“CSV UTF-8”）</p>
          </Upload.Dragger>
        ) : null}
        {stage === 'reading' || stage === 'checking' ? (
          <Spin tip={stage === 'reading' ? '正在读取文件…' : '正在逐行核对…'}>
            <div style={{ height: 120 }} />
          </Spin>
        ) : null}
        {preview && summary && (stage === 'preview' || stage === 'applying') ? (
          <>
            <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
              <Typography.Text>
                文件 <strong>{file?.name}</strong>：共 {summary.rows} 行，新增 {summary.added}，修改 {summary.updated}，改回默认折扣{' '}
                {summary.removed}，不变 {summary.unchanged}
                {summary.invalid ? `，有问题 ${summary.invalid} 行` : ''}。
              </Typography.Text>
              {preview.canApply ? (
                <Alert
                  type={changes ? 'success' : 'info'}
                  showIcon
                  message={
                    changes ? `核对通过：应用后将有 ${changes} 处会员价变化，其余不变。` : '文件与当前会员价完全一致，没有需要应用的变化。'
                  }
                />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  message={
                    summary.rows
                      ? `${summary.invalid} 行有问题：整份文件都不会应用（包括没有问题的行）。请修正后重新上传。`
                      : '文件里没有数据行。'
                  }
                />
              )}
            </Space>
            <Space style={{ marginBottom: 12 }}>
              <Checkbox checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)}>
                只看有变化或有问题的行
              </Checkbox>
            </Space>
            <PriceListPreviewTable rows={rows} />
            <Space style={{ marginTop: 16 }}>
              <Button onClick={restart}>重新选择文件</Button>
              <Popconfirm
                title={`确认应用 ${changes} 处会员价变化？`}
                description="按预览内容一次性生效，并记入操作日志。"
                okText="应用"
                cancelText="取消"
                onConfirm={apply}
                disabled={!preview.canApply || changes === 0}
              >
                <Button type="primary" loading={stage === 'applying'} disabled={!preview.canApply || changes === 0}>
                  应用变化
                </Button>
              </Popconfirm>
            </Space>
          </>
        ) : null}
        {stage === 'done' && summary ? (
          <Space direction="vertical">
            <Alert
              type="success"
              showIcon
              message={`已应用：新增 ${summary.added}，修改 ${summary.updated}，改回默认折扣 ${summary.removed}。顾客下次打开商品即看到新价格。`}
            />
            <Button onClick={restart}>再导入一份</Button>
          </Space>
        ) : null}
      </Card>
    </>
  );
}
