-- Text messages through a real provider: the id the provider gave a message, and its
-- delivery report (delivered or failed) when the provider posts it back.
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
ALTER TABLE outbox ADD COLUMN delivery_status TEXT
    CHECK (delivery_status IS NULL OR delivery_status IN ('delivered', 'failed'));
ALTER TABLE outbox ADD COLUMN delivery_reported_at TEXT;
CREATE INDEX outbox_provider ON outbox (provider_id);
