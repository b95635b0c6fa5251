-- Booking reminders without the tick's interim scan (decision 0009): every live booking still ahead gets its
-- reminders from its own booking-reminders run, once. Runs on data only; nothing in the schema changes.
-- 1. Bookings made before the workflow existed have no run: they get one, unless the owner switched it off.
INSERT INTO workflow_runs (id, owner_id, workflow, key, input, status, wake_at, waiting_on, attempts, created_at, updated_at)
SELECT lower(hex(randomblob(16))), b.owner_id, 'booking-reminders', b.id || '@' || b.start_ms,
  json_object('bookingId', b.id, 'startMs', b.start_ms, 'bookedAtMs', b.created_at), 'waiting',
  CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'start', 0,
  CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM bookings b
WHERE b.status IN ('pending', 'confirmed') AND b.start_ms > CAST(strftime('%s', 'now') AS INTEGER) * 1000
  AND NOT EXISTS (SELECT 1 FROM workflow_runs r WHERE r.owner_id = b.owner_id AND r.workflow = 'booking-reminders'
    AND (r.key = b.id || '@' || b.start_ms OR r.key = b.id || '@' || b.start_ms || ':owner-reminder'))
  AND NOT EXISTS (SELECT 1 FROM owner_settings s, json_each(s.value, '$.disabled') d
    WHERE s.owner_id = b.owner_id AND s.key = 'workflows' AND d.value = 'booking-reminders')
ON CONFLICT (owner_id, workflow, key) DO NOTHING;
--> statement-breakpoint
-- 2. A call the interim job already reminded (its outbox key reminder:<booking>:<start>) is never reminded
--    again: its run's owner-reminder step is recorded as done, so the workflow replays past it.
INSERT INTO workflow_steps (run_id, name, output, completed_at)
SELECT r.id, 'owner-reminder', '{"sent":false}', CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM workflow_runs r
WHERE r.workflow = 'booking-reminders'
  AND EXISTS (SELECT 1 FROM outbox o WHERE o.owner_id = r.owner_id
    AND o.idempotency_key = 'reminder:' || replace(replace(r.key, ':owner-reminder', ''), '@', ':'))
ON CONFLICT (run_id, name) DO NOTHING;
--> statement-breakpoint
-- 3. Runs the interim scan started for the owner's reminder alone (key …:owner-reminder): the prospect's
--    day-before steps are recorded as skipped, which is what their ownerReminderOnly input meant.
INSERT INTO workflow_steps (run_id, name, output, completed_at)
SELECT r.id, step.name, step.output, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM workflow_runs r,
  (SELECT 'day-before' AS name, '{"wokeAt":0}' AS output UNION ALL SELECT 'prospect-day-before', '{"sent":false}') step
WHERE r.workflow = 'booking-reminders' AND r.key LIKE '%:owner-reminder' AND r.status IN ('waiting', 'running')
ON CONFLICT (run_id, name) DO NOTHING;
--> statement-breakpoint
-- 4. Runs that ended under the code before the owner's reminder was one of their steps, for a call still ahead
--    that the scan has not taken over: they wake again and, replayed by today's code, go on to that reminder.
UPDATE workflow_runs SET status = 'waiting', wake_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000,
  waiting_on = 'start', finished_at = NULL, updated_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
WHERE workflow = 'booking-reminders' AND status = 'completed'
  AND NOT EXISTS (SELECT 1 FROM workflow_steps s WHERE s.run_id = workflow_runs.id AND s.name = 'owner-reminder')
  AND NOT EXISTS (SELECT 1 FROM workflow_runs o WHERE o.owner_id = workflow_runs.owner_id
    AND o.workflow = 'booking-reminders' AND o.key = workflow_runs.key || ':owner-reminder')
  AND EXISTS (SELECT 1 FROM bookings b WHERE b.owner_id = workflow_runs.owner_id
    AND workflow_runs.key = b.id || '@' || b.start_ms AND b.status IN ('pending', 'confirmed')
    AND b.start_ms > CAST(strftime('%s', 'now') AS INTEGER) * 1000);
