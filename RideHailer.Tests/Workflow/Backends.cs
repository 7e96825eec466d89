using RideHailer.Tests.Support;

namespace RideHailer.Tests.Workflow;

// Every whole-session test runs on both durable backends the DevHost offers: written once, run twice.

public sealed class SeedConversationsInMemory() : SeedConversationTests(BackendUnderTest.InMemory);

public sealed class ConsentResultsInMemory() : ConsentResultTests(BackendUnderTest.InMemory);

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
public sealed class PinResultsOnAzureStorage(AzuriteFixture azurite) : PinResultTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SessionLifecycleOnAzureStorage(AzuriteFixture azurite) : SessionLifecycleTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ReturningRidersOnAzureStorage(AzuriteFixture azurite) : ReturningRiderTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SessionOwnersOnAzureStorage(AzuriteFixture azurite) : SessionOwnerTests(BackendUnderTest.AzureStorage(azurite));

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SecondRidesOnAzureStorage(AzuriteFixture azurite) : SecondRideTests(BackendUnderTest.AzureStorage(azurite));
