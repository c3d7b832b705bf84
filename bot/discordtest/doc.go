// Package discordtest runs a fake Discord on 127.0.0.1 so that a bot can be
// tested end to end, through its real discordgo.Session, without a network
// connection, a bot token, or a test guild.
//
// A [Server] serves the part of Discord that a slash-command bot touches:
//
//   - the REST API under any /api/vN/ prefix: GET /gateway and /gateway/bot,
//     GET /users/@me, GET /oauth2/applications/@me, application commands
//     (global and per guild), interaction callbacks, and the interaction
//     webhook (edit, get and delete the original response, follow-ups);
//   - a websocket gateway at /gw/ that speaks HELLO, IDENTIFY, READY, RESUME,
//     RESUMED, heartbeats and their ACKs, and delivers INTERACTION_CREATE to
//     the session that connected last; as on Discord, a session survives a
//     dropped connection but not a client close with code 1000 or 1001;
//   - the files behind attachment options, at /attachments/.
//
// It checks what the bot sends the way Discord does, because those mistakes
// only show up in production otherwise: message, embed, component, modal,
// autocomplete and command limits (answered with 400 and code 50035), the
// 3-second window for the first callback (10062), double acknowledgements
// (40060), webhook calls before any callback (10015), token expiry, the bot
// token on authenticated routes, and the rate limits it advertises in the
// X-RateLimit-* headers. Every request is recorded so that a test can look at
// what the bot answered, how fast, and whether it always sent
// "allowed_mentions":{"parse":[]}.
//
// It shards as Discord does: GET /gateway/bot recommends the shard count
// and max_concurrency of [WithShards], an interaction goes to the session
// of its guild's shard ([ShardOf]), the first IDENTIFY of each shard must
// keep to the identify rate limit (a violation otherwise), and
// [Server.DropShard] drops one shard. [Server.PostInteraction] plays
// Discord's side of an HTTP interactions endpoint: it signs an interaction
// with an Ed25519 key, posts it, and records the answer as the first
// response.
//
// Tests steer the fake from the outside: [Server.Dispatch] sends a built
// interaction ([Server.SlashCommand], [Server.Autocomplete],
// [Server.ButtonClick], [Server.SelectMenu], [Server.ModalSubmit]) to the
// connected bot, and [Server.DropConnections], [Server.SendReconnect],
// [Server.SendInvalidSession], [Server.FailNext] and [Server.SetLatency]
// inject the faults a long-running bot meets.
//
// A bot is pointed at the fake by rewriting the scheme and host of every REST
// request to [Server.URL] (see [Server.Client]); the gateway address then
// comes from GET /gateway, so no websocket setting has to change.
//
// What it does not fake: guilds, channels, members and roles beyond the IDs
// carried in interactions; regular channel messages; voice; the ETF
// encoding and zlib transport compression of the gateway (every frame is a
// JSON text frame, which is what Discord sends when compression is not
// negotiated); the global rate limit and Cloudflare bans; localizations,
// which are accepted without checks; and the exact wording of every
// Discord error, of which only the codes and field paths are faithful.
package discordtest
