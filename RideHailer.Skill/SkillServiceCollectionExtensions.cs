using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Places;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides;
using RideHailer.Skill.SkillEvents;
using RideHailer.Skill.Speech;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;

namespace RideHailer.Skill;

public static class SkillServiceCollectionExtensions
{
    /// <summary>
    /// Registers the skill endpoint and everything it runs, with options validated at start. The host adds
    /// a durable backend (the Functions extension, or a Durable Task worker with <see cref="RideSessionTasks"/>).
    /// </summary>
    public static IServiceCollection AddRideHailerSkill(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<AlexaOptions, AlexaOptionsValidator>(configuration, AlexaOptions.SectionName);
        services.AddValidatedOptions<SessionOptions, SessionOptionsValidator>(configuration, SessionOptions.SectionName);
        services.AddValidatedOptions<BookingOptions, BookingOptionsValidator>(configuration, BookingOptions.SectionName);
        services.AddValidatedOptions<RiderIdentityOptions, RiderIdentityOptionsValidator>(configuration, RiderIdentityOptions.SectionName);
        services.AddValidatedOptions<RideOptions, RideOptionsValidator>(configuration, RideOptions.SectionName);
        services.AddValidatedOptions<PlacesOptions, PlacesOptionsValidator>(configuration, PlacesOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddRideHailerMetrics();
        services.AddAlexaSignatureVerification();
        services.AddCustomerProfileClient();
        services.AddRiderIdentity();
        // The conversation's settings in Domain terms, so the Alexa edge needs no workflow options; the markets help
        // names example places of are the built-in catalog's, whichever place search is configured.
        services.TryAddSingleton(provider =>
            provider.GetRequiredService<IOptions<BookingOptions>>().Value.ToConversationSettings() with { Markets = PlaceCatalog.Markets });
        services.TryAddSingleton<RiderFactsLoader>();
        services.TryAddSingleton<ISessionSignal, PollingOnly>();
        services.TryAddSingleton<TurnAdmission>();
        services.TryAddSingleton<SessionRouting>();
        services.TryAddSingleton<FinishedSessionPurge>();
        services.TryAddSingleton<AlexaRequestVerifier>();
        services.TryAddSingleton<UserEraser>();
        services.TryAddSingleton<InstanceErasure>();
        services.TryAddSingleton<SkillEventResponder>();
        services.TryAddSingleton<SkillEndpoint>();
        services.AddHostedService<VerificationModeNotice>();

        services.TryAddSingleton(FleetTariff.Standard);
        services.AddRideProvider(configuration);
        services.TryAddSingleton<RideEventWebhook>();
        services.AddPlaceSearch();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<PhraseTable, EnglishPhrases>());
        services.TryAddSingleton<PhraseBook>();
        services.AddBookingStore(configuration);
        services.TryAddSingleton<RideBooker>();
        services.TryAddSingleton<FindPlaceActivity>();
        services.TryAddSingleton<FindActiveRideActivity>();
        services.TryAddSingleton<QuoteRideActivity>();
        services.TryAddSingleton<BookRideActivity>();
        services.TryAddSingleton(provider => new RideReporting(OnFleetTimers: provider.GetRequiredService<IRideProvider>() is LocalFleet));
        services.TryAddSingleton<RideStart>();
        services.TryAddSingleton<RecordRideProgressActivity>();
        services.TryAddSingleton<CheckRideStatusActivity>();
        services.TryAddSingleton<RideEventSink>();
        services.TryAddSingleton<IRideEventSink>(provider => provider.GetRequiredService<RideEventSink>());
        services.TryAddSingleton<FindLatestRideActivity>();
        services.TryAddSingleton<PriceCancellationActivity>();
        services.TryAddSingleton<CancelRideActivity>();
        services.TryAddSingleton<TurnReadAhead>();
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
