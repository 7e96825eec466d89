namespace RideHailer.Bench.Load;

/// <summary>
/// The round-robin balancer in front of the instances the driver launched: each request goes to the next live
/// instance, as Azure's front end spreads a Function App's requests. One instance, or a --url, is a ring of one.
/// </summary>
internal sealed class InstanceRing
{
    private readonly IReadOnlyList<(Uri Url, string? WorkerId)> _instances;
    private readonly bool[] _dead;
    private int _next = -1;

    public InstanceRing(IReadOnlyList<(Uri Url, string? WorkerId)> instances)
    {
        _instances = instances;
        _dead = new bool[instances.Count];
    }

    public static InstanceRing Single(Uri url) => new([(url, null)]);

    public int Count => _instances.Count;

    public Uri First => _instances[0].Url;

    /// <summary>The next live instance: its URL and its worker id (its machine name), when the driver set one.</summary>
    public (Uri Url, string? WorkerId) Next()
    {
        for (var tries = 0; tries < _instances.Count; tries++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_instances.Count);
            if (!Volatile.Read(ref _dead[index]))
            {
                return _instances[index];
            }
        }

        return _instances[0];
    }

    /// <summary>Takes an instance out of the ring, as a load balancer's health probe would once it stops answering.</summary>
    public void Remove(int index) => Volatile.Write(ref _dead[index], true);
}
