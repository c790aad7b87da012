-- A database as schema version 3 left it: version 2's rows, a private app and publish sessions.
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
UPDATE app SET private_viewing = TRUE, on_duplicate = 'REPLACE' WHERE id = 102;
INSERT INTO publish_session (id, app_name, slot_name, protocol, client_address, client_port, real_ip, user_agent, started_at, ended_at, end_reason) VALUES
  ('00000000-0000-0000-0000-000000000002', 'show', 'slot-1', 'WebRTC', '172.18.0.5', 40002, '203.0.113.2', 'Chromium', TIMESTAMP WITH TIME ZONE '2026-01-03 20:00:00+00', NULL, NULL),
  ('00000000-0000-0000-0000-000000000001', 'show', 'slot-1', 'RTMP', '172.18.0.5', 40001, '203.0.113.1', NULL, TIMESTAMP WITH TIME ZONE '2026-01-03 19:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-03 19:30:00+00', 'closed'),
  ('00000000-0000-0000-0000-000000000003', 'gone', 'slot-9', 'RTMP', '172.18.0.6', 40003, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-01-03 21:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-03 21:01:00+00', 'kicked');
