import { useEffect, useState } from 'react';
import type { MyMembershipView, MyReminderView } from '@member-commerce/shared';
import { listMyReminders, markReminderSeen } from '../services/api/reminders';

/**
 * The renewal reminder a member could not get through WeChat (no subscription consent): shown once, on the next
 * visit, and marked seen as soon as it is shown so it does not pop up again.
 */
export function useInAppReminder(membership: MyMembershipView | null | undefined) {
  const [reminder, setReminder] = useState<MyReminderView | null>(null);
  const hasMembership = Boolean(membership && membership.status !== 'NONE');

  useEffect(() => {
    if (!hasMembership) return;
    let cancelled = false;
    listMyReminders()
      .then((reminders) => {
        const unseen = reminders.find((r) => !r.seen);
        if (!unseen || cancelled) return;
        setReminder(unseen);
        return markReminderSeen(unseen.id);
      })
      .catch(() => undefined); // a banner is a nicety: never break the page for it
    return () => {
      cancelled = true;
    };
  }, [hasMembership, membership?.termEnd]);

  return { reminder, dismiss: () => setReminder(null) };
}
