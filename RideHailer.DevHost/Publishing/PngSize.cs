using System.Buffers.Binary;

namespace RideHailer.DevHost.Publishing;

/// <summary>A PNG's pixel size, read from its header: enough to check an icon without an imaging library.</summary>
internal readonly record struct PngSize(int Width, int Height)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The size in the IHDR chunk, which the format puts first; null when the bytes are not a PNG.</summary>
    public static PngSize? Of(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[..8].SequenceEqual(Signature) && png[12..16].SequenceEqual("IHDR"u8)
            ? new PngSize(BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]))
            : null;

    public override string ToString() => $"{Width}x{Height}";
}
