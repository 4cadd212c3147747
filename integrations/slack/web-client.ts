import { WebClient, type KnownBlock } from "@slack/web-api";
import type { ConnectedAccount } from "../types";
import { fromWebClientError } from "./errors";

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
}

export interface SlackThreadMessage {
  user: string;
  text: string;
  /** Slack's message timestamp ("1700000000.000100"): seconds since the epoch, and the message's id. */
  ts: string;
}

/** Enough for any real workspace's channel picker, and a bound on a misbehaving server's cursor loop. */
const MAX_CHANNEL_PAGES = 20;
const CHANNEL_PAGE_SIZE = 200;

/**
 * The Slack Web API calls Bearing makes, through the official client pointed at `base + /api/`.
 * Rate-limited calls are rejected rather than retried: a person is waiting on the page, so they are
 * told how long Slack asked to wait (Retry-After) instead of watching a spinner.
 */
export function slackWebClient(token: string, baseUrl: string) {
  const web = new WebClient(token, {
    slackApiUrl: `${baseUrl.replace(/\/+$/, "")}/api/`,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
    allowAbsoluteUrls: false,
  });

  async function call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw fromWebClientError(error);
    }
  }

  return {
    /** https://api.slack.com/methods/auth.test */
    async account(): Promise<ConnectedAccount> {
      const answer = await call(() => web.auth.test());
      return { id: answer.team_id ?? "", name: answer.team ?? "" };
    },

    /** https://api.slack.com/methods/auth.revoke */
    async revoke(): Promise<void> {
      await call(() => web.auth.revoke());
    },

    /** Every public channel, following `response_metadata.next_cursor` (https://api.slack.com/methods/conversations.list). */
    async listChannels(): Promise<SlackChannel[]> {
      const channels: SlackChannel[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_CHANNEL_PAGES; page++) {
        const answer = await call(() => web.conversations.list({ cursor, limit: CHANNEL_PAGE_SIZE, exclude_archived: true, types: "public_channel" }));
        for (const channel of answer.channels ?? []) {
          if (channel.id) channels.push({ id: channel.id, name: channel.name ?? channel.id, isPrivate: channel.is_private ?? false });
        }
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return channels;
    },

    /** https://api.slack.com/methods/chat.postMessage; `text` is the notification and screen-reader fallback. */
    async postMessage(channel: string, message: { text: string; blocks: KnownBlock[] }): Promise<{ ts: string }> {
      const answer = await call(() => web.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false }));
      return { ts: answer.ts ?? "" };
    },

    /**
     * A thread, parent first, following cursors (https://api.slack.com/methods/conversations.replies);
     * `onMessages` hears how many messages were read so far.
     */
    async threadReplies(channel: string, threadTs: string, onMessages?: (read: number) => void | Promise<void>): Promise<SlackThreadMessage[]> {
      const messages: SlackThreadMessage[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_CHANNEL_PAGES; page++) {
        const answer = await call(() => web.conversations.replies({ channel, ts: threadTs, cursor, limit: 200 }));
        for (const message of answer.messages ?? []) {
          if (message.ts) messages.push({ user: message.user ?? message.bot_id ?? "unknown", text: message.text ?? "", ts: message.ts });
        }
        await onMessages?.(messages.length);
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return messages;
    },
  };
}
