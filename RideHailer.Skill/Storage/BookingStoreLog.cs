using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Storage;

// Idempotency keys are hashes and safe to log; rider details never are.
internal static partial class BookingStoreLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Bookings table {Table} is ready")]
    public static partial void TableReady(ILogger logger, string table);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Booking {IdempotencyKey} stored")]
    public static partial void BookingStored(ILogger logger, string idempotencyKey);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Booking {IdempotencyKey} was already stored; returning it")]
    public static partial void BookingAlreadyStored(ILogger logger, string idempotencyKey);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Bookings table {Table} is unavailable ({Failure})")]
    public static partial void StoreUnavailable(ILogger logger, string table, string failure, Exception exception);
}
