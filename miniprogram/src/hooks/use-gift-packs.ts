import { getMyGiftPacks } from '../services/api/membership';
import { useAsync } from './use-async';

/** Gifts to claim (welcome pack not chosen yet, reached milestones) and gift orders already made. */
export function useGiftPacks() {
  return useAsync(getMyGiftPacks, [], { onShow: true, pullDown: true });
}
