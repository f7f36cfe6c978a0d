using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Several nodes: with ConnectionStrings__Redis set, hub sends go through Redis pub/sub to every node's clients
/// (the SignalR Redis backplane). Without it the app is one node and SignalR stays in process, exactly as before.
/// </summary>
public static class RedisBackplane
{
    public const string ConnectionName = "Redis";

    /// <summary>Keeps several apps (or test runs) on one Redis apart.</summary>
    public const string ChannelPrefix = "servicesharing";

    public static ISignalRServerBuilder AddRedisBackplaneWhenConfigured(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        if (configuration.GetConnectionString(ConnectionName) is not { Length: > 0 } redis)
        {
            return signalR;
        }

        return signalR.AddStackExchangeRedis(redis, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal(configuration["ServiceSharing:RedisChannelPrefix"] ?? ChannelPrefix);
            // A node starts, and keeps retrying, while Redis is away; it never refuses to run for it.
            options.Configuration.AbortOnConnectFail = false;
            // The .NET thread pool instead of the client's own dedicated one: on two cores, a CPU-sampling trace of a
            // node under ratings spent 56 % of its CPU in that pool's scheduling and spinning (docs/performance.md, change 13).
            options.Configuration.SocketManager = SocketManager.ThreadPool;
        });
    }
}
