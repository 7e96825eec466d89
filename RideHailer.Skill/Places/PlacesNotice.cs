using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Places;

/// <summary>Says at start-up which place search finds destinations, and how it signs in (never with what key).</summary>
internal sealed partial class PlacesNotice(IOptions<PlacesOptions> options, PlaceCatalog catalog, ILogger<PlacesNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var search = options.Value.Describe(catalog);
        Log.Places(logger, search);

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "Places: {Search}")]
        public static partial void Places(ILogger logger, string search);
    }
}
