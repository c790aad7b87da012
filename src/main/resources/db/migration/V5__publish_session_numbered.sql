-- Version 5: publish sessions keyed by a number rather than a 36-character UUID, and found by
-- the slot's id rather than its app and slot names.
-- With a VARCHAR key each row went into three B-trees (H2's row map, the key's index and the
-- slot index); a BIGINT key is the row map's own key, so each row goes into two. The slot index
-- held two names and a timestamp per row; now it holds the slot's id, so under many publishes a
-- second it has far fewer pages to read, copy and keep (with (slot_id, id) the admission
-- benchmark promoted three times as much). A slot's history now follows it through a rename, and
-- a slot deleted and made again starts with none.
-- Existing rows are numbered in the order they started, and take the id of the slot that has
-- their app and slot names today (none if it is gone).

CREATE TABLE publish_session_numbered (
  id             BIGINT       NOT NULL,
  slot_id        BIGINT,
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

INSERT INTO publish_session_numbered (id, slot_id, app_name, slot_name, protocol, client_address, client_port, real_ip,
    user_agent, started_at, ended_at, end_reason)
  SELECT ROW_NUMBER() OVER (ORDER BY started_at, id),
    (SELECT s.id FROM slot s JOIN app a ON a.id = s.app_id WHERE a.name = app_name AND s.name = slot_name), app_name, slot_name, protocol, client_address, client_port,
    real_ip, user_agent, started_at, ended_at, end_reason
  FROM publish_session;

DROP TABLE publish_session;

ALTER TABLE publish_session_numbered RENAME TO publish_session;

CREATE INDEX ix_publish_session_slot ON publish_session (slot_id);
