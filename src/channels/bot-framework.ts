/**
 * POST /api/messages: botbuilder's CloudAdapter (JWT checked when MicrosoftAppId is set, anonymous
 * otherwise, as with the Emulator). Replies go to the activity's serviceUrl; `expectReplies` is
 * handled by the adapter. Proactive sends (agent messages) use stored conversation references.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext as BotTurnContext,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { sendTimeoutMs, type Config } from '../config.js';
import { errorCode } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../lib/metrics.js';
import type { Reply } from '../lib/types.js';
import type { Router } from '../router/router.js';
import { z } from 'zod';
import { activityToTurn, InboundActivity, isInboundActivity, isReservedChannelId, missingServiceUrl, replyToActivity } from './activity.js';
import type { OutboundChannel } from './outbound.js';
import { reuseClients } from './reuse-clients.js';

export interface BotFrameworkChannel {
  adapter: CloudAdapter;
  /** restify-compatible handler body. */
  process(req: { body?: unknown; headers: Record<string, string | string[] | undefined>; method?: string }, res: unknown): Promise<void>;
  /** Send replies proactively to a stored conversation reference. */
  sendProactive(reference: ConversationReference, replies: Reply[], extra?: Partial<Activity>[]): Promise<void>;
  /** Proactive sender for conversations that came through /api/messages (any Bot Framework channel). */
  outbound: OutboundChannel;
}

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Res = { status(n: number): void; send(b: unknown): void; end(): void };

export function apologyFor(err: unknown): string {
  const code = errorCode(err);
  if (code === 'BOT_LOCK_FAILED') return "I'm still working on your previous message. Please send this one again in a moment.";
  if (code === 'STORAGE_UNAVAILABLE') return "Sorry, I'm having trouble reaching my memory right now. Please try again in a minute.";
  return 'Sorry, something went wrong on my side. Please try again, or type "talk to a person".';
}

export function createBotFrameworkChannel(config: Config, router: Router, logger: Logger, metrics?: Metrics): BotFrameworkChannel {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    // Overriding one endpoint makes botbuilder take every endpoint from us: give the public-cloud
    // values for the rest (the same ones it uses by default).
    ...(config.BOT_OPENID_METADATA_URL
      ? {
          ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
          ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          ValidateAuthority: true,
        }
      : {}),
  });
  // Connector and user-token clients kept across turns (the stock adapter builds both on every
  // turn); every request is still authenticated.
  const reused = reuseClients(auth, undefined, sendTimeoutMs(config));
  const adapter = new CloudAdapter(reused);

  /** What a failed turn does, on either path: counted, logged, and the customer gets an apology. */
  const turnFailed = async (activity: Partial<Activity>, err: unknown, send: (a: Partial<Activity>) => Promise<unknown>) => {
    const code = errorCode(err);
    metrics?.errors.inc({ code });
    logger.error({ err, code, conversation: activity.conversation?.id, activity: activity.id, channel: activity.channelId }, 'turn failed');
    await send({ type: 'message', text: apologyFor(err), channelData: { support: { kind: 'system' } } }).catch((sendErr) =>
      logger.warn({ err: sendErr, code: 'CHANNEL_SEND_FAILED' }, 'apology could not be sent'),
    );
  };
  adapter.onTurnError = (context: TurnContext, err: unknown) => turnFailed(context.activity, err, (a) => context.sendActivity(a));

  const logic = async (context: TurnContext) => {
    if (context.activity.type === 'invoke') {
      // No invoke is ours to handle: acknowledge politely rather than let the adapter answer 501.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
      return;
    }
    const input = activityToTurn(context.activity);
    await router.handle(input, async (replies) => {
      await context.sendActivities(replies.map((r) => replyToActivity(r, input.userId)));
    });
  };

  /**
   * Anonymous mode (no MicrosoftAppId): the turn without CloudAdapter.process around it. Every step
   * the adapter takes that can be seen from outside is kept, in its order: the same authentication
   * result (anonymous, computed once: with authentication disabled it depends on nothing in the
   * request), the same reused connector client, the reply activities built by botbuilder's own
   * TurnContext.applyConversationReference exactly as TurnContext.sendActivities builds them,
   * sent through the adapter's own sendActivities (same HTTP requests to the serviceUrl, same
   * retries and deadline) or buffered for expectReplies, the same failure handling (turnFailed, as
   * onTurnError) and the same response (status, body). Left out: the adapter's zod checks of the
   * request, response and callback (our route checked the body already), the TurnContext, the
   * middleware pipeline (none is registered) and the per-turn user-token client (never used).
   * Invokes and skill calls (recipient.role 'skill', which changes the authentication result) keep
   * the adapter.
   */
  let anonymous: Promise<AuthResult> | undefined;
  const connectorKey = (adapter as unknown as { ConnectorClientKey: symbol }).ConnectorClientKey;
  const processAnonymous = async (activity: Activity, authHeader: string, res: Res) => {
    // What botbuilder's validateAndFixActivity does to the activity the logic reads.
    const raw = activity as Activity & Record<string, unknown>;
    if (typeof raw.timestamp === 'string') {
      raw.rawTimestamp = raw.timestamp;
      raw.timestamp = new Date(raw.timestamp);
    }
    if (typeof raw.expiration === 'string') {
      raw.rawExpiration = raw.expiration;
      raw.expiration = new Date(raw.expiration);
    }
    if (typeof raw.localTimestamp === 'string') {
      raw.rawLocalTimestamp = raw.localTimestamp;
      raw.localTimestamp = new Date(raw.localTimestamp);
    }
    let buffered: Partial<Activity>[] | undefined;
    try {
      const first = (anonymous ??= reused.authenticateRequest(activity, authHeader));
      first.catch(() => {
        if (anonymous === first) anonymous = undefined;
      });
      const result = await first;
      activity.callerId = result.callerId as string;
      const connector = await result.connectorFactory?.create(activity.serviceUrl, result.audience);
      if (!connector) throw new Error('Unable to extract ConnectorClient from turn context.');
      const expectReplies = activity.deliveryMode === 'expectReplies';
      if (expectReplies) buffered = [];
      const context = { turnState: new Map<unknown, unknown>([[connectorKey, connector]]) };
      const send = async (activities: Partial<Activity>[]): Promise<void> => {
        const ref = BotTurnContext.getConversationReference(activity);
        const output = activities.map((a) => {
          const result = BotTurnContext.applyConversationReference({ ...a }, ref);
          if (!result.type) result.type = 'message';
          if (result.id) delete result.id;
          return result;
        });
        if (buffered) {
          buffered.push(...output);
          return;
        }
        const responses = await adapter.sendActivities(context as never, output);
        for (let i = 0; i < (responses?.length ?? 0); i++) output[i]!.id = responses[i]!.id;
      };
      try {
        const input = activityToTurn(activity);
        await router.handle(input, (replies) => send(replies.map((r) => replyToActivity(r, input.userId))));
      } catch (err) {
        await turnFailed(activity, err, (a) => send([a]));
      }
    } catch (err) {
      // The adapter answers 500 with the error's message here (and writes it to the console): logged as ours.
      logger.error({ err, code: errorCode(err), conversation: activity.conversation?.id, activity: activity.id, channel: activity.channelId }, 'bot framework request failed');
      res.status(500);
      res.send((err as Error).message ?? err);
      res.end();
      return;
    }
    res.status(200);
    if (buffered) res.send({ activities: buffered });
    res.end();
  };

  const sendProactive: BotFrameworkChannel['sendProactive'] = async (reference, replies, extra = []) => {
    await adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, async (context) => {
      const activities = [...replies.map((r) => replyToActivity(r, reference.user?.id)), ...extra];
      if (activities.length) await context.sendActivities(activities);
    });
  };

  return {
    adapter,
    async process(req, res) {
      const send = (status: number, code: string, message: string) => {
        const r = res as { status(n: number): void; send(b: unknown): void };
        r.status(status);
        r.send({ error: { code, message } });
      };
      if (config.MicrosoftAppId) {
        // botbuilder answers 500 when the JWT library throws (bad signature, malformed token):
        // check first, so every authentication failure is a 401.
        const header = req.headers.authorization;
        try {
          await auth.authenticateRequest(req.body as Activity, typeof header === 'string' ? header : '');
        } catch (err) {
          logger.info({ code: 'UNAUTHORIZED', reason: (err as Error).message }, 'bot framework request refused');
          send(401, 'UNAUTHORIZED', 'Missing or invalid Bot Framework credentials.');
          return;
        }
      }
      let inbound: InboundActivity;
      if (isInboundActivity(req.body)) inbound = req.body;
      else {
        const parsed = InboundActivity.safeParse(req.body);
        if (!parsed.success) {
          send(400, 'BAD_REQUEST', `Not a valid Bot Framework activity: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
          return;
        }
        inbound = parsed.data;
      }
      if (isReservedChannelId(inbound.channelId)) {
        // Web chat, LINE and WhatsApp conversations are reached only through their own edges.
        logger.info({ code: 'FORBIDDEN', authenticated: Boolean(config.MicrosoftAppId) }, 'bot framework activity for a hosted channel refused');
        send(403, 'FORBIDDEN', 'This channel is served by its own endpoint; /api/messages cannot reach its conversations.');
        return;
      }
      if (missingServiceUrl(inbound)) {
        send(400, 'BAD_REQUEST', 'Not a valid Bot Framework activity: serviceUrl is required unless deliveryMode is expectReplies.');
        return;
      }
      const activity = req.body as Activity;
      if (!config.MicrosoftAppId && activity.type !== 'invoke' && activity.recipient?.role !== 'skill') {
        const header = req.headers.Authorization ?? req.headers.authorization ?? '';
        if (typeof header === 'string') return processAnonymous(activity, header, res as Res);
      }
      await adapter.process(req as never, res as never, logic);
    },
    sendProactive,
    outbound: {
      channelIds: ['*'],
      async send(state, replies) {
        const ref = state.conversationRef as ConversationReference | undefined;
        if (!ref?.serviceUrl) return { ok: false, reason: 'no-reference' };
        try {
          await sendProactive(ref, replies);
          return { ok: true };
        } catch (err) {
          logger.warn({ err, code: 'CHANNEL_SEND_FAILED', conversation: state.id }, 'proactive send failed');
          return { ok: false, reason: 'rejected', detail: (err as Error).message };
        }
      },
    },
  };
}
