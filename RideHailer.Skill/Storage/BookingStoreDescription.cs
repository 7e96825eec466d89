namespace RideHailer.Skill.Storage;

/// <summary>Which booking store the host runs, in words a start-up banner can print. Never holds a key.</summary>
/// <param name="Text">For example "Azure Tables (table Bookings at http://127.0.0.1:10002/devstoreaccount1, ...)".</param>
/// <param name="KeepsBookings">False for the in-process store, whose bookings vanish with the host.</param>
public sealed record BookingStoreDescription(string Text, bool KeepsBookings)
{
    internal static BookingStoreDescription InProcess { get; } = new(
        "in-process (bookings are lost when the host stops; set ConnectionStrings:Tables to keep them in Azure Tables)",
        KeepsBookings: false);

    public override string ToString() => Text;
}
