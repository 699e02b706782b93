-- 001: the initial schema. Times are milliseconds since the Unix epoch (bigint). Ids, addresses
-- and keys are lowercase hex text; bodies are base64url text the relay never decodes.

CREATE TABLE siwe_nonces (
  nonce text PRIMARY KEY,
  address text NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  address text NOT NULL,
  device_id text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX sessions_address ON sessions (address);

CREATE TABLE device_challenges (
  challenge text PRIMARY KEY,
  address text NOT NULL,
  device_id text NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE device_log_entries (
  address text NOT NULL,
  idx integer NOT NULL,
  entry text NOT NULL,
  PRIMARY KEY (address, idx)
);

CREATE TABLE devices (
  address text NOT NULL,
  device_id text NOT NULL,
  signing_key text NOT NULL,
  active boolean NOT NULL,
  PRIMARY KEY (address, device_id)
);

CREATE TABLE signed_prekeys (
  address text NOT NULL,
  device_id text NOT NULL,
  bundle text NOT NULL,
  PRIMARY KEY (address, device_id)
);

CREATE TABLE one_time_prekeys (
  address text NOT NULL,
  device_id text NOT NULL,
  key_id text NOT NULL,
  public_key text NOT NULL,
  PRIMARY KEY (address, device_id, key_id)
);

CREATE TABLE conversations (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('dm', 'group')),
  dm_key text UNIQUE,
  created_by text NOT NULL,
  created_at bigint NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0,
  state_hash text NOT NULL,
  control_count integer NOT NULL DEFAULT 0
);

CREATE TABLE members (
  conversation_id text NOT NULL REFERENCES conversations (id),
  address text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  joined_at bigint NOT NULL,
  PRIMARY KEY (conversation_id, address)
);
CREATE INDEX members_address ON members (address, conversation_id);

-- One row; its lock orders every send transaction, so `position` commits in increasing order
-- and a catch-up cursor never skips a row that commits late.
CREATE TABLE envelope_position (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO envelope_position (id, value) VALUES (1, 0);

CREATE TABLE envelopes (
  conversation_id text NOT NULL REFERENCES conversations (id),
  seq bigint NOT NULL,
  position bigint NOT NULL UNIQUE,
  sender_address text NOT NULL,
  sender_device text NOT NULL,
  client_id text NOT NULL,
  server_time bigint NOT NULL,
  body text,
  PRIMARY KEY (conversation_id, seq),
  UNIQUE (sender_address, client_id)
);

CREATE TABLE envelope_copies (
  conversation_id text NOT NULL,
  seq bigint NOT NULL,
  recipient_device text NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (conversation_id, seq, recipient_device),
  FOREIGN KEY (conversation_id, seq) REFERENCES envelopes (conversation_id, seq)
);

CREATE TABLE group_controls (
  conversation_id text NOT NULL REFERENCES conversations (id),
  idx integer NOT NULL,
  control text NOT NULL,
  state_hash text NOT NULL,
  server_time bigint NOT NULL,
  PRIMARY KEY (conversation_id, idx)
);

CREATE TABLE control_wraps (
  conversation_id text NOT NULL,
  idx integer NOT NULL,
  recipient_device text NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (conversation_id, idx, recipient_device),
  FOREIGN KEY (conversation_id, idx) REFERENCES group_controls (conversation_id, idx)
);

CREATE TABLE blobs (
  id text PRIMARY KEY,
  owner text NOT NULL,
  size integer NOT NULL,
  created_at bigint NOT NULL,
  data bytea NOT NULL
);
