-- One person, one sign-in, several workspaces. The e-mail, password, language and invitation
-- move from app_user to account; app_user becomes the membership: the person's name, role,
-- department and whether they may work there, per workspace.
create table account (
  id                    uuid        primary key,
  email                 text        not null check (length(email) between 3 and 254),
  password_hash         text,
  locale                text        check (locale in ('de', 'en')),
  installation_admin    boolean     not null default false,
  invitation_hash       text,
  invitation_expires_at timestamptz,
  last_workspace_id     uuid        references workspace (id),
  created_at            timestamptz not null default now(),
  last_login_at         timestamptz
);
create unique index account_login on account (lower(email));
create unique index account_invitation on account (invitation_hash) where invitation_hash is not null;

insert into account (id, email, password_hash, locale, invitation_hash, invitation_expires_at, last_workspace_id,
                     created_at, last_login_at)
select id, email, password_hash, locale, invitation_hash, invitation_expires_at, workspace_id, created_at, last_login_at
from app_user;

-- The first admin of the first workspace runs the installation: creates and archives workspaces.
update account set installation_admin = true
where id = (select u.id from app_user u join workspace w on w.id = u.workspace_id
            where u.role = 'ADMIN' order by w.created_at, u.created_at limit 1);

alter table app_user rename to membership;
alter table membership rename column id to account_id;
alter table membership
  drop column email,
  drop column password_hash,
  drop column locale,
  drop column invitation_hash,
  drop column invitation_expires_at,
  drop column last_login_at,
  add constraint membership_account foreign key (account_id) references account (id);
create index membership_of_account on membership (account_id);

-- Archived workspaces keep their data but nobody works in them: no sign-in, no keys, no jobs.
alter table workspace
  add column archived_at timestamptz,
  add column demo        boolean not null default false;

-- Management tokens that may manage workspaces, made by an installation admin.
alter table api_key
  add column installation boolean not null default false,
  add check (not installation or role = 'ADMIN');
