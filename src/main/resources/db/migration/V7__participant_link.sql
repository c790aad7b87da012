-- Version 7: a per-app generation for the call's participant link; raising it makes every older link invalid.

ALTER TABLE app ADD COLUMN participant_generation INTEGER DEFAULT 0 NOT NULL;
