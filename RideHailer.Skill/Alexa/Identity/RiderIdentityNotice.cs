using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Identity;

/// <summary>Says at start-up where rider identities come from, so a missing issuer setting is seen at once.</summary>
internal sealed class RiderIdentityNotice(IOptions<RiderIdentityOptions> options, ILogger<RiderIdentityNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var identity = options.Value;
        if (identity.UsesIssuer)
        {
            RiderIdentityLog.FromIssuer(logger, identity.Authority, identity.Audience);
        }
        else
        {
            RiderIdentityLog.FromAlexaIds(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
