/**
 * Baseline 2: the plain botbuilder echo bot, as in Microsoft's samples: restify + CloudAdapter
 * with anonymous authentication (no MicrosoftAppId), the same settings as our service's channel.
 * Whatever this costs per turn, the framework costs our service too.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';

export function createBotbuilderEcho(): Server {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, err: unknown) => {
    console.error('echo bot turn failed', err);
    await context.sendActivity('Sorry, something went wrong on my side.').catch(() => undefined);
  };
  const server = restify.createServer({ name: 'bench-botbuilder-echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser());
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req as never, res as never, async (context) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  return server;
}
