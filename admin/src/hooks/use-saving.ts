import { useState } from 'react';
import { showError } from '../feedback';

/**
 * A save button's life: `saving` while `run`'s work is under way, any failure shown as an error message
 * (the work itself says what success means).
 */
export function useSaving() {
  const [saving, setSaving] = useState(false);
  async function run(work: () => Promise<void>): Promise<void> {
    setSaving(true);
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  }
  return { saving, run };
}
