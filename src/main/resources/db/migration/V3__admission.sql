-- Version 3: who may watch an app, what happens to a second publisher, and every publish session.

ALTER TABLE app ADD COLUMN private_viewing BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app ADD COLUMN on_duplicate VARCHAR(16) DEFAULT 'DENY' NOT NULL;

CREATE TABLE publish_session (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  app_name       VARCHAR(64)  NOT NULL,
  slot_name      VARCHAR(64)  NOT NULL,
  protocol       VARCHAR(16)  NOT NULL,
  client_address VARCHAR(64)  NOT NULL,
  client_port    INTEGER      NOT NULL,
  real_ip        VARCHAR(64),
  user_agent     VARCHAR(512),
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at       TIMESTAMP WITH TIME ZONE,
  end_reason     VARCHAR(16)
);

CREATE INDEX ix_publish_session_slot ON publish_session (app_name, slot_name, started_at);
