-- Version 5: publish sessions keyed by a number rather than a 36-character UUID.
-- With a VARCHAR key each row went into three B-trees (H2's row map, the key's index and the
-- slot index); a BIGINT key is the row map's own key, so each row goes into two. Existing rows
-- are numbered in the order they started.

CREATE TABLE publish_session_numbered (
  id             BIGINT       NOT NULL,
  app_name       VARCHAR(64)  NOT NULL,
  slot_name      VARCHAR(64)  NOT NULL,
  protocol       VARCHAR(16)  NOT NULL,
  client_address VARCHAR(64)  NOT NULL,
  client_port    INTEGER      NOT NULL,
  real_ip        VARCHAR(64),
  user_agent     VARCHAR(512),
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at       TIMESTAMP WITH TIME ZONE,
  end_reason     VARCHAR(16),
  CONSTRAINT pk_publish_session PRIMARY KEY (id)
);

INSERT INTO publish_session_numbered (id, app_name, slot_name, protocol, client_address, client_port, real_ip,
    user_agent, started_at, ended_at, end_reason)
  SELECT ROW_NUMBER() OVER (ORDER BY started_at, id), app_name, slot_name, protocol, client_address, client_port,
    real_ip, user_agent, started_at, ended_at, end_reason
  FROM publish_session;

DROP TABLE publish_session;

ALTER TABLE publish_session_numbered RENAME TO publish_session;

CREATE INDEX ix_publish_session_slot ON publish_session (app_name, slot_name, started_at);
