import { PlusOutlined } from '@ant-design/icons';
import { thumbnailUrl } from '@member-commerce/shared';
import { Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { mediaSrc, uploadMedia } from '../api/media';
import { showError } from '../feedback';

interface Props {
  /** Picture URLs, in order (first = cover); a Form.Item passes value/onChange. */
  value?: string[];
  onChange?: (urls: string[]) => void;
  max?: number;
  disabled?: boolean;
}

const ACCEPT = 'image/jpeg,image/png,image/gif';

/** Uploads pictures to POST /api/admin/media and keeps their URLs; the server checks type and size again. */
export function ImageUpload({ value = [], onChange, max = 10, disabled }: Props) {
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const fileList: UploadFile[] = [
    ...value.map((url) => ({
      uid: url,
      name: url.split('/').pop() ?? url,
      status: 'done' as const,
      url: mediaSrc(url),
      thumbUrl: mediaSrc(thumbnailUrl(url)),
    })),
    ...uploading,
  ];

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    const blob = file as File;
    const pending: UploadFile = { uid: `uploading-${blob.name}-${Date.now()}`, name: blob.name, status: 'uploading' };
    setUploading((list) => [...list, pending]);
    try {
      const media = await uploadMedia(blob, blob.name);
      onSuccess?.(media);
      onChange?.([...value, media.url].slice(0, max));
    } catch (e) {
      showError(e);
      onError?.(e as Error);
    } finally {
      setUploading((list) => list.filter((item) => item.uid !== pending.uid));
    }
  };

  return (
    <Upload
      listType="picture-card"
      accept={ACCEPT}
      multiple={max > 1}
      disabled={disabled}
      fileList={fileList}
      customRequest={customRequest}
      onRemove={(file) => {
        onChange?.(value.filter((url) => url !== file.uid));
        return false;
      }}
      showUploadList={{ showPreviewIcon: false }}
      data-testid="image-upload"
    >
      {fileList.length >= max ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传图片</div>
        </div>
      )}
    </Upload>
  );
}
