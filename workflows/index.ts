// Every durable workflow Créneau runs. The engine (src/platform/workflows) looks them up here by name.
import { registry } from "../src/platform/workflows/engine.ts";
import { bookingReminders } from "./booking-reminders.ts";
import { pendingApproval } from "./pending-approval.ts";

export const WORKFLOWS = registry([bookingReminders, pendingApproval]);
