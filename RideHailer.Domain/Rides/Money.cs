namespace RideHailer.Domain.Rides;

/// <summary>An amount of money in a currency.</summary>
/// <param name="Amount">The amount, in the currency's major unit (dollars, pounds, euros).</param>
/// <param name="Currency">The ISO 4217 code ("USD", "GBP", "EUR").</param>
public sealed record Money(decimal Amount, string Currency);
