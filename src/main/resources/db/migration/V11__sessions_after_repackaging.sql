-- Sessions hold the signed-in user as a serialized Java object, whose class moved to
-- org.opencxm.platform.security; sessions of the earlier layout cannot be read back. Everyone
-- signs in once more after this upgrade.
delete from spring_session;
