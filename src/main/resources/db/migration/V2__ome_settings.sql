-- Version 2: per-app OME publisher settings, and the secrets Greenroom shares with OME.

ALTER TABLE app ADD COLUMN llhls BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app ADD COLUMN webrtc_rtx BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app ADD COLUMN webrtc_ulpfec BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app ADD COLUMN webrtc_jitter_buffer BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app ADD COLUMN playout_delay_min_ms INTEGER;
ALTER TABLE app ADD COLUMN playout_delay_max_ms INTEGER;

CREATE TABLE ome_secret (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret     VARCHAR(128) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ome_applied (
  id          BIGINT      NOT NULL PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL,
  applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
