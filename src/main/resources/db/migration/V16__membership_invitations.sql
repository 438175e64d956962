-- Someone with an account joins another workspace only by accepting that workspace's
-- invitation while signed in as themselves. Adding them at once let whoever had created the
-- account (another workspace's admin, who chose its password) walk into any workspace that
-- invited the same address. Until accepted, the membership grants nothing.
alter table membership
  add column invitation_hash       text,
  add column invitation_expires_at timestamptz;
create unique index membership_invitation on membership (invitation_hash) where invitation_hash is not null;
