CREATE TABLE `activity_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`mission_id` text NOT NULL,
	`month` text NOT NULL,
	`days` text NOT NULL,
	`status` text NOT NULL,
	`client_comment` text,
	`submitted_at` integer,
	`decided_at` integer,
	`invoice_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_reports_mission_month_idx` ON `activity_reports` (`mission_id`,`month`);--> statement-breakpoint
CREATE TABLE `booking_calendar_events` (
	`booking_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`external_id` text NOT NULL,
	`etag` text,
	`meet_url` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`booking_id`, `connection_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `calendar_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `busy_intervals` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`external_id` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connection_id`) REFERENCES `calendar_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `busy_intervals_owner_start_idx` ON `busy_intervals` (`owner_id`,`start_ms`);--> statement-breakpoint
CREATE UNIQUE INDEX `busy_intervals_connection_external_idx` ON `busy_intervals` (`connection_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `calendar_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`secret` text,
	`settings` text NOT NULL,
	`sync_state` text,
	`sync_interval_minutes` integer DEFAULT 5 NOT NULL,
	`last_sync_at` integer,
	`next_sync_at` integer,
	`last_error` text,
	`progress` text,
	`broken_notified_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calendar_connections_owner_idx` ON `calendar_connections` (`owner_id`);--> statement-breakpoint
CREATE INDEX `calendar_connections_due_idx` ON `calendar_connections` (`next_sync_at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`siren` text,
	`siret` text,
	`vat_number` text,
	`billing_email` text NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`contacts` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `clients_owner_idx` ON `clients` (`owner_id`,`name`);--> statement-breakpoint
CREATE TABLE `external_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`mission_id` text NOT NULL,
	`platform` text NOT NULL,
	`number` text NOT NULL,
	`issue_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_invoices_number_idx` ON `external_invoices` (`owner_id`,`platform`,`number`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`mission_id` text,
	`client_id` text NOT NULL,
	`activity_report_id` text,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`series` text,
	`sequence` integer,
	`number` text,
	`issue_date` text,
	`due_date` text,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`lines` text NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	`gross_cents` integer NOT NULL,
	`document` text,
	`credit_of_id` text,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`issued_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_series_sequence_idx` ON `invoices` (`owner_id`,`series`,`sequence`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_idx` ON `invoices` (`owner_id`,`number`);--> statement-breakpoint
CREATE INDEX `invoices_owner_status_idx` ON `invoices` (`owner_id`,`status`,`issue_date`);--> statement-breakpoint
CREATE TABLE `missions` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`client_id` text NOT NULL,
	`lead_id` text,
	`title` text NOT NULL,
	`daily_rate_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`start_date` text NOT NULL,
	`planned_end_date` text,
	`end_date` text,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`rating_url` text,
	`rating_received_at` integer,
	`payment_terms_days` integer DEFAULT 30 NOT NULL,
	`billing_mode` text NOT NULL,
	`vat_rate` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `missions_owner_idx` ON `missions` (`owner_id`,`status`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`date` text NOT NULL,
	`method` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`);