-- Version 8: a target may ask to be told when OME's API stops answering, and when it is back.

ALTER TABLE notification_target ADD COLUMN on_ome_down BOOLEAN DEFAULT FALSE NOT NULL;
