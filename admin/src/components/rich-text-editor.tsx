import ReactQuill from 'react-quill-new';
import 'react-quill-new/dist/quill.snow.css';
import './rich-text-editor.css';

/** What the storefront renders (the server sanitises to the same set). */
const TOOLBAR = [
  [{ header: [2, 3, false] }],
  ['bold', 'italic', 'underline', 'strike'],
  [{ list: 'ordered' }, { list: 'bullet' }],
  ['blockquote', 'link', 'image'],
  ['clean'],
];

/** Quill's empty document; stored as an empty description. */
const EMPTY = /^(<p>(<br>)?<\/p>)?$/;

/** A rich-text field for antd forms (`value` / `onChange` of HTML). */
export function RichTextEditor({ value, onChange, placeholder }: { value?: string; onChange?(html: string): void; placeholder?: string }) {
  return (
    <div data-testid="rich-text-editor">
      <ReactQuill
        theme="snow"
        value={value ?? ''}
        placeholder={placeholder}
        modules={{ toolbar: TOOLBAR }}
        onChange={(html) => onChange?.(EMPTY.test(html) ? '' : html)}
        style={{ background: '#fff' }}
      />
    </div>
  );
}
