using System.Text;

namespace RideHailer.Bench.Load;

/// <summary>
/// The control-queue partition DurableTask.AzureStorage places an orchestration instance on: 32-bit FNV-1a of the
/// instance id's UTF-8 bytes, modulo the partition count (its internal Fnv1aHashHelper, re-done here).
/// </summary>
internal static class PartitionPlacement
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static int Of(string instanceId, int partitionCount)
    {
        var hash = OffsetBasis;
        foreach (var value in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = unchecked((hash ^ value) * Prime);
        }

        return (int)(hash % (uint)partitionCount);
    }
}
