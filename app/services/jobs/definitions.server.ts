/**
 * Every module that calls `defineJob`, imported for its side effect. The server process (app/server/start-up.ts)
 * imports this file before it starts the worker, so the worker takes jobs of every kind listed here; the
 * Remix bundle only enqueues and never needs the handlers.
 */
import "../../modules/integrations/jira/jira-jobs.server";
import "../../modules/integrations/notion/notion-jobs.server";
import "../../modules/integrations/slack-thread-import.server";

export {};
