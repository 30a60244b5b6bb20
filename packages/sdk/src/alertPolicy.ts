/** When reminders and escalations go out, in working days. */
export interface AlertPolicy {
  /**
   * Working days before a due date at which a `reminder.due` notification goes out.
   * @defaultValue [10, 3]
   */
  reminderLeadTimes?: number[];
  /**
   * Working days after a due date at which a `deadline.escalated` notification goes to the supervisor; 0 means the
   * first day after the due date.
   * @defaultValue [0]
   */
  escalateAfter?: number[];
}
