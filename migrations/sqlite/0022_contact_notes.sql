-- Assisted service, part three: a phone call or a visit without a booking is a contact too.
-- Staff write it into the case as a note of its kind, without a meeting, so the case shows
-- every channel.
ALTER TABLE case_notes ADD COLUMN contact TEXT
    CHECK (contact IS NULL OR contact IN ('samtal', 'besok'));
