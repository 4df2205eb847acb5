import { DownloadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { showError, showSuccess } from '../feedback';
import { saveBlob } from '../pages/finance/save-blob';

interface Props extends Omit<ButtonProps, 'onClick' | 'loading'> {
  /** Starts the streamed download, reporting the bytes received. */
  download(onProgress: (bytes: number) => void): Promise<{ blob: Blob; fileName: string | null }>;
  fileName: string;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * An export button: while the server streams the file it shows how much has arrived (the size is not known
 * in advance, so the bar runs without a percentage), then saves the file.
 */
export function DownloadButton({ download, fileName, children, ...buttonProps }: Props) {
  const [received, setReceived] = useState<number | null>(null);

  async function start() {
    setReceived(0);
    try {
      const { blob, fileName: serverName } = await download(setReceived);
      saveBlob(blob, serverName ?? fileName);
      showSuccess(`已导出 ${size(blob.size)}`);
    } catch (e) {
      showError(e);
    } finally {
      setReceived(null);
    }
  }

  return (
    <Space>
      <Button icon={<DownloadOutlined />} {...buttonProps} loading={received !== null} onClick={start}>
        {children}
      </Button>
      {received !== null ? (
        <Space size={4} data-testid="download-progress">
          <Progress type="circle" percent={99} status="active" size={20} showInfo={false} />
          <Typography.Text type="secondary">已接收 {size(received)}</Typography.Text>
        </Space>
      ) : null}
    </Space>
  );
}
