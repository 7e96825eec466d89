using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The parts of the simulation kit the console's runs share for the life of the host, as the chat's run shares them:
/// the signing chain the host trusts and the local Customer Profile / Device Address APIs. Runs keep apart by their
/// own Alexa user id, which is what the APIs' permission ledger is keyed by.
/// </summary>
internal sealed class WebConsoleKit(SigningChain signer, LocalAlexaApi alexaApi) : IAsyncDisposable
{
    public SigningChain Signer { get; } = signer;

    public LocalAlexaApi AlexaApi { get; } = alexaApi;

    public static async Task<WebConsoleKit> StartAsync(CancellationToken cancellationToken = default)
    {
        var alexaApi = await LocalAlexaApi.StartAsync(cancellationToken: cancellationToken);
        return new WebConsoleKit(SigningChain.Create(DateTimeOffset.UtcNow), alexaApi);
    }

    public async ValueTask DisposeAsync()
    {
        await AlexaApi.DisposeAsync();
        Signer.Dispose();
    }
}
