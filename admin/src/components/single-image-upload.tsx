import { ImageUpload } from './image-upload';

interface Props {
  /** One picture URL (a Form.Item passes value/onChange); undefined when none. */
  value?: string | null;
  onChange?: (url: string | undefined) => void;
  disabled?: boolean;
}

/** The product picture upload (POST /api/admin/media) for fields that hold one picture: tiers, gift packs. */
export function SingleImageUpload({ value, onChange, disabled }: Props) {
  return <ImageUpload max={1} value={value ? [value] : []} onChange={(urls) => onChange?.(urls[0])} disabled={disabled} />;
}
