using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Enrich.Identity;

/// <summary>Says at start-up where rider identities come from, so a missing issuer setting is seen at once.</summary>
internal sealed partial class RiderIdentityNotice(IOptions<RiderIdentityOptions> options, ILogger<RiderIdentityNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var identity = options.Value;
        if (identity.UsesIssuer)
        {
            Log.FromIssuer(logger, identity.Authority, identity.Audience);
        }
        else
        {
            Log.FromAlexaIds(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 80, Level = LogLevel.Information,
            Message = "Rider identity: JWTs from issuer {Authority}, audience {Audience}")]
        public static partial void FromIssuer(ILogger logger, string? authority, string? audience);

        [LoggerMessage(EventId = 81, Level = LogLevel.Information,
            Message = "Rider identity: a hash of the Alexa person or user id (RiderIdentity:Authority is not set)")]
        public static partial void FromAlexaIds(ILogger logger);
    }
}
