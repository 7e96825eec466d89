using RideHailer.Tests.Support;

namespace RideHailer.Tests.Workflow;

// Every whole-session test runs on both durable backends the DevHost offers: written once, run twice.

public sealed class SeedConversationsInMemory() : SeedConversationTests(BackendUnderTest.InMemory);

public sealed class ConsentResultsInMemory() : ConsentResultTests(BackendUnderTest.InMemory);

public sealed class ProfileOutagesInMemory() : ProfileOutageTests(BackendUnderTest.InMemory);

public sealed class PinResultsInMemory() : PinResultTests(BackendUnderTest.InMemory);

public sealed class SessionLifecycleInMemory() : SessionLifecycleTests(BackendUnderTest.InMemory);

public sealed class ReturningRidersInMemory() : ReturningRiderTests(BackendUnderTest.InMemory);

public sealed class SessionOwnersInMemory() : SessionOwnerTests(BackendUnderTest.InMemory);

public sealed class SecondRidesInMemory() : SecondRideTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SeedConversationsOnAzureStorage(AzuriteFixture azurite) : SeedConversationTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ConsentResultsOnAzureStorage(AzuriteFixture azurite) : ConsentResultTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProfileOutagesOnAzureStorage(AzuriteFixture azurite) : ProfileOutageTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PinResultsOnAzureStorage(AzuriteFixture azurite) : PinResultTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SessionLifecycleOnAzureStorage(AzuriteFixture azurite) : SessionLifecycleTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ReturningRidersOnAzureStorage(AzuriteFixture azurite) : ReturningRiderTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SessionOwnersOnAzureStorage(AzuriteFixture azurite) : SessionOwnerTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SecondRidesOnAzureStorage(AzuriteFixture azurite) : SecondRideTests(BackendUnderTest.AzureStorage(azurite));

// The same whole sessions in the pseudo-locale (Support/Speaking/PseudoLocale): every word said must come from a phrase table.

public sealed class SeedConversationsInPseudoLocale() : SeedConversationTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class ConsentResultsInPseudoLocale() : ConsentResultTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class PinResultsInPseudoLocale() : PinResultTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class SessionLifecycleInPseudoLocale() : SessionLifecycleTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class ReturningRidersInPseudoLocale() : ReturningRiderTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class SessionOwnersInPseudoLocale() : SessionOwnerTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

public sealed class SecondRidesInPseudoLocale() : SecondRideTests(BackendUnderTest.InMemory.SpeakingPseudoLocale());

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SeedConversationsOnAzureStorageInPseudoLocale(AzuriteFixture azurite)
    : SeedConversationTests(BackendUnderTest.AzureStorage(azurite).SpeakingPseudoLocale());

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ConsentResultsOnAzureStorageInPseudoLocale(AzuriteFixture azurite)
    : ConsentResultTests(BackendUnderTest.AzureStorage(azurite).SpeakingPseudoLocale());

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PinResultsOnAzureStorageInPseudoLocale(AzuriteFixture azurite)
    : PinResultTests(BackendUnderTest.AzureStorage(azurite).SpeakingPseudoLocale());

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SessionLifecycleOnAzureStorageInPseudoLocale(AzuriteFixture azurite)
    : SessionLifecycleTests(BackendUnderTest.AzureStorage(azurite).SpeakingPseudoLocale());

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SecondRidesOnAzureStorageInPseudoLocale(AzuriteFixture azurite)
    : SecondRideTests(BackendUnderTest.AzureStorage(azurite).SpeakingPseudoLocale());

public sealed class RideTalkInMemory() : RideTalkTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RideTalkOnAzureStorage(AzuriteFixture azurite) : RideTalkTests(BackendUnderTest.AzureStorage(azurite));
