-- Every request refreshes its session's last access time. On a logged table each of those commits
-- waits for the WAL to reach disk, which made the session store the slowest step of a page view.
-- Sessions are disposable: after a database crash an unlogged table is emptied and users log in
-- again; nothing else is lost. (Unlogged tables are not copied to replicas; sessions use the primary.)
ALTER TABLE spring_session_attributes SET UNLOGGED;
ALTER TABLE spring_session SET UNLOGGED;
