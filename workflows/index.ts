// Every durable workflow Créneau runs. The engine (src/platform/workflows) looks them up here by name.
import { registry } from "../src/platform/workflows/engine.ts";
import { abandonedForm } from "./abandoned-form.ts";
import { afterCall } from "./after-call.ts";
import { bookingReminders } from "./booking-reminders.ts";
import { calendarSync } from "./calendar-sync.ts";
import { endOfMission } from "./end-of-mission.ts";
import { invoiceDunning } from "./invoice-dunning.ts";
import { monthlyActivityReport } from "./monthly-activity-report.ts";
import { pendingApproval } from "./pending-approval.ts";
import { reEngagement } from "./re-engagement.ts";

export const WORKFLOWS = registry([
  bookingReminders,
  pendingApproval,
  monthlyActivityReport,
  endOfMission,
  invoiceDunning,
  reEngagement,
  afterCall,
  abandonedForm,
  calendarSync,
]);
