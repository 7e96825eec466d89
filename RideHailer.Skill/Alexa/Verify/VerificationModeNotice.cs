using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Says loudly at start-up when signature verification is off, so it is never off by accident.</summary>
internal sealed partial class VerificationModeNotice(IOptions<AlexaOptions> options, ILogger<VerificationModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.VerifySignatures)
        {
            SignatureVerificationOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Alexa:VerifySignatures is false: requests are accepted without Alexa's signature. Development only.")]
    private static partial void SignatureVerificationOff(ILogger logger);
}
