ALTER TABLE `leads` ADD `reached_call` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `owner_touched` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_owner_stage_idx` ON `leads` (`owner_id`,`stage`,`updated_at`) WHERE "leads"."contact_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_owner_source_idx` ON `leads` (`owner_id`,`source`,`created_at`) WHERE "leads"."contact_id" IS NOT NULL;--> statement-breakpoint
UPDATE `leads` SET
  `reached_call` = `stage` IN ('call_scheduled', 'call_done', 'team_meeting', 'technical_test', 'proposal', 'won') OR EXISTS (SELECT 1 FROM `lead_events` e WHERE e.`lead_id` = `leads`.`id` AND (e.`kind` = 'booking.created' OR (e.`kind` = 'stage.changed' AND json_extract(e.`data`, '$.to') IN ('call_scheduled', 'call_done', 'team_meeting', 'technical_test', 'proposal', 'won')))),
  `decided_at` = (SELECT MIN(e.`at`) FROM `lead_events` e WHERE e.`lead_id` = `leads`.`id` AND e.`kind` = 'stage.changed' AND json_extract(e.`data`, '$.to') IN ('won', 'lost', 'declined') AND json_extract(e.`data`, '$.imported') IS NULL),
  `owner_touched` = EXISTS (SELECT 1 FROM `lead_events` e WHERE e.`lead_id` = `leads`.`id` AND json_extract(e.`data`, '$.by') = 'owner');
