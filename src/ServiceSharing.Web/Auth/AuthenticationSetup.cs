using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ServiceSharing.Web.Auth;

public static class AuthenticationSetup
{
    public const string HubPathPrefix = "/hubs";

    public static IServiceCollection AddParticipantAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<TokenKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<RevocationList>();
        services.AddSingleton<Realtime.ParticipantConnections>();
        services.AddSingleton<RevocationListener>();
        services.AddHostedService<RevocationWatch>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(provider.GetRequiredService<RevocationListener>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenKeys>((options, keys) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenKeys.Issuer,
                    ValidAudience = TokenKeys.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = ParticipantClaims.Name,
                    RoleClaimType = ParticipantClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1)
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests, so the hub takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments(HubPathPrefix)
                            && context.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    // A signature and an expiry are not enough: a revoked participant's tokens are refused everywhere.
                    OnTokenValidated = context =>
                    {
                        var revocations = context.HttpContext.RequestServices.GetRequiredService<RevocationList>();
                        if (Guid.TryParse(context.Principal?.FindFirstValue(ParticipantClaims.Id), out var participantId)
                            && revocations.IsRevoked(participantId))
                        {
                            context.Fail("The participant's access has been revoked.");
                        }

                        return Task.CompletedTask;
                    }
                };
            });
        services.AddAuthorization();
        return services;
    }
}
