-- A database as schema version 2 left it: version 1's rows, app settings and the secrets shared with OME.
INSERT INTO admin_account (id, username, password_hash, updated_at) VALUES
  (1, 'admin', '$2a$10$upgradeFixtureHashUpgradeFixtureHashUpgradeFixtureHash0', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00');
INSERT INTO app (id, name, created_at) VALUES
  (101, 'show', TIMESTAMP WITH TIME ZONE '2026-01-02 10:01:00+00'),
  (102, 'call', TIMESTAMP WITH TIME ZONE '2026-01-02 10:02:00+00');
INSERT INTO slot (id, app_id, name, display_name, bitrate_kbps, enabled, publish_secret, secret_rotated_at, created_at) VALUES
  (201, 101, 'slot-1', 'Racer 1', 2500, TRUE, 'upgradeFixtureSecretSlot1xxxxxxx', TIMESTAMP WITH TIME ZONE '2026-01-02 10:03:00+00', TIMESTAMP WITH TIME ZONE '2026-01-02 10:03:00+00'),
  (202, 101, 'slot-2', 'Racer 2', 4000, FALSE, 'upgradeFixtureSecretSlot2xxxxxxx', TIMESTAMP WITH TIME ZONE '2026-01-02 10:04:00+00', TIMESTAMP WITH TIME ZONE '2026-01-02 10:04:00+00'),
  (203, 102, 'alice', 'Alice', 1500, TRUE, 'upgradeFixtureSecretAlicexxxxxxx', TIMESTAMP WITH TIME ZONE '2026-01-02 10:05:00+00', TIMESTAMP WITH TIME ZONE '2026-01-02 10:05:00+00');
UPDATE app SET llhls = TRUE, playout_delay_min_ms = 10, playout_delay_max_ms = 100 WHERE id = 101;
INSERT INTO ome_secret (name, secret, created_at) VALUES
  ('admission-secret-key', 'upgradeFixtureAdmissionKey', TIMESTAMP WITH TIME ZONE '2026-01-02 10:06:00+00'),
  ('api-access-token', 'upgradeFixtureApiToken', TIMESTAMP WITH TIME ZONE '2026-01-02 10:06:00+00');
INSERT INTO ome_applied (id, fingerprint, applied_at) VALUES
  (1, 'upgrade-fixture-fingerprint', TIMESTAMP WITH TIME ZONE '2026-01-02 10:07:00+00');
