-- V14 made the first admin of the first workspace the installation admin, even when that admin
-- was disabled or had never set a password (a bootstrap admin replaced by real ones). If no
-- installation admin can sign in, every enabled admin with a password in the oldest workspace
-- becomes one.
update account set installation_admin = true
where not exists (select 1 from account a join membership m on m.account_id = a.id
                  where a.installation_admin and m.enabled and a.password_hash is not null)
  and id in (select m.account_id from membership m join account a on a.id = m.account_id
             where m.role = 'ADMIN' and m.enabled and m.invitation_hash is null and a.password_hash is not null
               and m.workspace_id = (select id from workspace order by created_at limit 1));
